package dev.recoup.payments;

/** The parts of an amount owed on an instalment, in the default order a payment pays them (R18). */
public enum AmountComponent {
    FEE, PENALTY, INTEREST, PRINCIPAL
}
