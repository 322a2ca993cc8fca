package dev.recoup.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One generated loan account with everything that hangs off it; amounts in fen. */
final class Account {

    record Payment(LocalDate paidOn, long amount, String channel) {
    }

    record Collateral(String type, String description, long appraisedValue, LocalDate appraisedOn) {
    }

    final Product product;
    final Behaviour behaviour;
    final long principal;
    /** Annual rate in units of 0.0001. */
    final int rate;
    final LocalDate start;
    /** Null for a revolving card. */
    final LocalDate maturity;
    final List<Instalment> instalments;
    final List<Payment> payments = new ArrayList<>();
    Collateral collateral;

    Account(Product product, Behaviour behaviour, long principal, int rate, LocalDate start, LocalDate maturity,
            List<Instalment> instalments) {
        this.product = product;
        this.behaviour = behaviour;
        this.principal = principal;
        this.rate = rate;
        this.start = start;
        this.maturity = maturity;
        this.instalments = instalments;
    }

    /** Days past due on the as-of date, from the oldest instalment due and not paid in full. */
    int daysPastDue(LocalDate asOf) {
        for (Instalment instalment : instalments) {
            if (instalment.due.isAfter(asOf)) {
                return 0;
            }
            if (instalment.settledOn == null) {
                return (int) (asOf.toEpochDay() - instalment.due.toEpochDay());
            }
        }
        return 0;
    }
}
