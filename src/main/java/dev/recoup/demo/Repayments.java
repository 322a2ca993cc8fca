package dev.recoup.demo;

import dev.recoup.demo.Account.Payment;

import java.time.LocalDate;
import java.util.List;

/**
 * Turns a behaviour into settlements, late charges and payments. Payments are built so that,
 * allocated to the instalments oldest first (fees, penalty, interest, principal), they pay off
 * exactly the instalments this class marks as settled: the importer's days past due then equal
 * the ones the generator intended.
 */
final class Repayments {

    private static final Weighted<String> CARD_AND_CONSUMER_CHANNELS =
            Weighted.of("withhold", 30, "alipay", 30, "wechat_pay", 25, "bank_transfer", 12, "counter", 3);
    private static final Weighted<String> BUSINESS_CHANNELS =
            Weighted.of("bank_transfer", 50, "withhold", 40, "counter", 10);
    /** Catching up is done by hand: automatic debit is what failed in the first place. */
    private static final Weighted<String> CARD_AND_CONSUMER_MANUAL =
            Weighted.of("alipay", 40, "wechat_pay", 35, "bank_transfer", 25);
    private static final Weighted<String> BUSINESS_MANUAL = Weighted.of("bank_transfer", 80, "counter", 20);

    private Repayments() {
    }

    /**
     * @param behind for a partial payer or roll-forward account, how many months behind it is on the as-of date
     * @param worst  for a cured account, how many instalments it missed before catching up
     */
    static void apply(Account account, int behind, int worst, LocalDate asOf, DemoRandom random) {
        List<Instalment> due = account.instalments.stream().filter(i -> !i.due.isAfter(asOf)).toList();
        boolean business = account.product == Product.SME_LOAN || account.product == Product.SECURED_LOAN;
        String usual = (business ? BUSINESS_CHANNELS : CARD_AND_CONSUMER_CHANNELS).draw(random);
        Weighted<String> manual = business ? BUSINESS_MANUAL : CARD_AND_CONSUMER_MANUAL;
        int count = due.size();
        switch (account.behaviour) {
            case ON_TIME, RECENT_NEW -> payOnTime(account, due, 0, count, usual, random);
            case ROLL_FORWARD -> {
                // Stopped paying `behind` instalments ago: the oldest unpaid one fell due `behind - 1`
                // months before the latest due date, which puts the account in bucket M`behind`.
                int firstMissed = Math.clamp(monthsElapsed(account.start, asOf) - behind, 0, count);
                payOnTime(account, due, 0, firstMissed, usual, random);
                chargeOpen(account, due, firstMissed, asOf);
            }
            case LATE_THEN_CURED -> {
                // Missed `worst` instalments in a row within the last six months, then paid them with
                // the next one; the account was created old enough for that to have happened.
                int latestFirstMissed = count - 1 - worst;
                int firstMissed = random.between(Math.max(0, latestFirstMissed - 5), latestFirstMissed);
                payOnTime(account, due, 0, firstMissed, usual, random);
                int catchUp = firstMissed + worst;
                LocalDate paidOn = due.get(catchUp).due.minusDays(random.between(0, 3));
                long amount = 0;
                for (int i = firstMissed; i <= catchUp; i++) {
                    settle(account, due.get(i), paidOn);
                    amount += due.get(i).total();
                }
                account.payments.add(new Payment(paidOn, amount, manual.draw(random)));
                payOnTime(account, due, catchUp + 1, count, usual, random);
            }
            case PARTIAL_PAYER -> payPartly(account, due, behind, asOf, manual, usual, random);
        }
    }

    private static void payOnTime(Account account, List<Instalment> due, int from, int to, String channel, DemoRandom random) {
        for (int i = from; i < to; i++) {
            Instalment instalment = due.get(i);
            // An automatic debit runs on the due date; people who pay themselves do it a few days early.
            LocalDate paidOn = channel.equals("withhold") ? instalment.due : instalment.due.minusDays(random.between(0, 5));
            instalment.settledOn = paidOn;
            account.payments.add(new Payment(paidOn, instalment.total(), channel));
        }
    }

    /**
     * Pays, over the last {@code run} months, less than fell due: the first {@code run - behind}
     * instalments of the run are paid off gradually and late, the next one only in part, the
     * rest not at all. Cumulative payments follow a straight line through what is owed, so each
     * month's payment is a fraction of an instalment, as a struggling payer's would be.
     */
    private static void payPartly(Account account, List<Instalment> due, int behind, LocalDate asOf,
                                  Weighted<String> manual, String usual, DemoRandom random) {
        int count = due.size();
        int run = Math.min(count, behind + 1 + random.between(0, 3));
        int first = count - run;
        int cleared = run - behind;
        payOnTime(account, due, 0, first, usual, random);

        LocalDate[] paidOn = new LocalDate[run + 1];
        for (int month = 1; month <= run; month++) {
            LocalDate date = due.get(first + month - 1).due.plusDays(random.between(0, 3));
            paidOn[month] = date.isAfter(asOf) ? asOf : date;
        }
        for (int i = 1; i <= cleared; i++) {
            // Instalment i of the run is cleared in the first month whose straight-line total reaches it.
            int month = (i * run + cleared - 1) / cleared;
            settle(account, due.get(first + i - 1), paidOn[month]);
        }
        chargeOpen(account, due, first + cleared, asOf);

        String channel = manual.draw(random);
        double lastShare = 0.2 + 0.6 * random.nextDouble();
        long paidSoFar = 0;
        long clearedTotal = 0;
        int clearedCount = 0;
        for (int month = 1; month <= run; month++) {
            int clearedByNow = month * cleared / run;
            while (clearedCount < clearedByNow) {
                clearedTotal += due.get(first + clearedCount).total();
                clearedCount++;
            }
            long next = due.get(first + clearedCount).total();
            long target = month < run
                    ? clearedTotal + next * ((long) month * cleared - (long) clearedByNow * run) / run
                    : clearedTotal + (long) (next * lastShare);
            if (target > paidSoFar) {
                account.payments.add(new Payment(paidOn[month], target - paidSoFar, channel));
                paidSoFar = target;
            }
        }
    }

    /** Months from the start date whose monthly anniversary is on or before the as-of date. */
    static int monthsElapsed(LocalDate start, LocalDate asOf) {
        int months = 0;
        while (!start.plusMonths(months + 1).isAfter(asOf)) {
            months++;
        }
        return months;
    }

    private static void settle(Account account, Instalment instalment, LocalDate paidOn) {
        instalment.settledOn = paidOn;
        charge(account, instalment, paidOn);
    }

    private static void chargeOpen(Account account, List<Instalment> due, int from, LocalDate asOf) {
        for (int i = from; i < due.size(); i++) {
            charge(account, due.get(i), asOf);
        }
    }

    /**
     * Late charges as a Chinese lender would post them: penalty interest (罚息) at the contract
     * rate plus 50% on the overdue amount for the days late, and for consumer loans a late fee of
     * 5% of the instalment up to 50 yuan; cards charge a 5% late fee (违约金) and no penalty.
     */
    private static void charge(Account account, Instalment instalment, LocalDate until) {
        long days = until.toEpochDay() - instalment.due.toEpochDay();
        if (days <= 0) {
            return;
        }
        long overdue = instalment.principal + instalment.interest;
        switch (account.product) {
            case CREDIT_CARD -> instalment.fee = (overdue * 5 + 50) / 100;
            case CONSUMER_LOAN -> {
                instalment.fee = Math.min((overdue * 5 + 50) / 100, 50_00);
                instalment.penalty = penalty(overdue, account.rate, days);
            }
            case SME_LOAN, SECURED_LOAN -> instalment.penalty = penalty(overdue, account.rate, days);
        }
    }

    /** overdue × rate × 1.5 × days / 360, rounded to the fen. */
    private static long penalty(long overdue, int rate, long days) {
        return (overdue * rate * 15 * days + 18_000_000) / 36_000_000;
    }
}
