package dev.recoup.demo;

import dev.recoup.demo.Account.Collateral;
import dev.recoup.demo.Regions.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Draws a loan account: its terms, schedule, repayment behaviour and collateral. */
final class AccountFactory {

    /** Loans in the portfolio started at most this many months before the as-of date. */
    static final int OLDEST_MONTHS = 36;
    /** Schedules are written up to this many months after the as-of date, not to maturity. */
    static final int HORIZON_MONTHS = 3;
    /**
     * Ages are drawn as {@code u^AGE_SKEW} of the allowed range: lending books grow, so young
     * loans outnumber old ones, and young loans keep the schedule rows per account near 7.
     */
    private static final double AGE_SKEW = 2.0;

    private static final String[] VEHICLES = {
            "大众朗逸", "丰田卡罗拉", "本田雅阁", "比亚迪汉", "吉利博越", "长安CS75", "哈弗H6", "别克君威", "日产轩逸",
            "奥迪A4L", "宝马3系", "特斯拉Model 3", "理想L7", "五菱宏光"};
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String PLATE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String[][] PLATE_PROVINCES = {
            {"11", "京"}, {"12", "津"}, {"13", "冀"}, {"14", "晋"}, {"15", "蒙"}, {"21", "辽"}, {"22", "吉"}, {"23", "黑"},
            {"31", "沪"}, {"32", "苏"}, {"33", "浙"}, {"34", "皖"}, {"35", "闽"}, {"36", "赣"}, {"37", "鲁"}, {"41", "豫"},
            {"42", "鄂"}, {"43", "湘"}, {"44", "粤"}, {"45", "桂"}, {"46", "琼"}, {"50", "渝"}, {"51", "川"}, {"52", "贵"},
            {"53", "云"}, {"54", "藏"}, {"61", "陕"}, {"62", "甘"}, {"63", "青"}, {"64", "宁"}, {"65", "新"}};
    private static final String[] EQUIPMENT = {"数控机床", "注塑机", "叉车", "冷库设备", "印刷机", "纺织机"};

    private final Calibration calibration;
    private final LocalDate asOf;
    private final LocalDate horizon;

    AccountFactory(Calibration calibration, LocalDate asOf) {
        this.calibration = calibration;
        this.asOf = asOf;
        this.horizon = asOf.plusMonths(HORIZON_MONTHS);
    }

    Account create(DemoRandom random, Product product, Behaviour behaviour, Region home) {
        int behind = 0;
        int worst = 0;
        switch (behaviour) {
            case PARTIAL_PAYER -> behind = calibration.partialMonthsLate.draw(random);
            case ROLL_FORWARD -> {
                behind = calibration.rollForwardMonthsLate.draw(random);
                // "7" is 7 or more: stay in 7+ month after month at the data's roll rate from 7+.
                while (behind >= 7 && behind < OLDEST_MONTHS - 1 && random.chance(calibration.stayInSevenPlus)) {
                    behind++;
                }
            }
            case LATE_THEN_CURED -> worst = calibration.curedWorstMonthsLate.draw(random);
            case ON_TIME, RECENT_NEW -> { }
        }
        // The fewest months of history the behaviour needs: a roll-forward account paid at
        // least once before it stopped, a partial payer cleared at least one instalment late.
        int youngest = switch (behaviour) {
            case RECENT_NEW -> 0;
            case ON_TIME -> 2;
            case LATE_THEN_CURED -> worst + 1;
            case PARTIAL_PAYER, ROLL_FORWARD -> behind + 1;
        };
        int term = product.drawTerm(random, behaviour == Behaviour.ROLL_FORWARD ? 2 : youngest);
        int oldest;
        if (behaviour == Behaviour.RECENT_NEW) {
            oldest = 1;
        } else if (term == 0) {
            oldest = OLDEST_MONTHS;
        } else {
            // Keep the behaviour inside the schedule; a loan that stopped paying may be past maturity.
            oldest = Math.min(OLDEST_MONTHS, behaviour == Behaviour.ROLL_FORWARD ? term + behind - 1 : term);
        }
        oldest = Math.max(oldest, youngest);
        int months = youngest + (int) ((oldest - youngest + 1) * StrictMath.pow(random.nextDouble(), AGE_SKEW));
        // 1–25 days before the monthly anniversary, so the latest due date is before the as-of date.
        LocalDate start = asOf.minusMonths(months).minusDays(random.between(1, 25));

        long principal = principal(random, product);
        int rate = product == Product.CREDIT_CARD && random.chance(0.8)
                ? 1825 // 0.05% a day, the usual card rate
                : random.between(product.minRate, product.maxRate);
        boolean interestOnly = product == Product.SME_LOAN && random.chance(0.5);
        List<Instalment> schedule = schedule(product, principal, rate, term, start, interestOnly);
        Account account = new Account(product, behaviour, principal, rate, start,
                term == 0 ? null : start.plusMonths(term), schedule);
        Repayments.apply(account, behind, worst, asOf, random);
        trimHistory(account);
        account.collateral = collateral(random, product, principal, start, home);
        return account;
    }

    /**
     * Leaves out the oldest schedule rows of a long-running account, with the payments that
     * settled them, as a lender's data tape would: only rows that were paid on time, each by its
     * own payment, and never the last {@code historyMonths} before the as-of date. What stays
     * still allocates oldest first to the same days past due.
     */
    private void trimHistory(Account account) {
        int keep = account.product.historyMonths;
        if (keep == 0) {
            return;
        }
        List<Instalment> rows = account.instalments;
        int due = 0;
        while (due < rows.size() && !rows.get(due).due.isAfter(asOf)) {
            due++;
        }
        int from = Math.max(0, due - keep);
        for (int i = 0; i < from; i++) {
            Instalment row = rows.get(i);
            if (row.settledOn == null || row.settledOn.isAfter(row.due)) {
                from = i;
                break;
            }
        }
        if (from > 0) {
            // On-time payments fall within five days before their own due date, so everything
            // paid up to the last dropped row's due date settled a dropped row.
            LocalDate lastDropped = rows.get(from - 1).due;
            account.payments.removeIf(payment -> !payment.paidOn().isAfter(lastDropped));
            rows.subList(0, from).clear();
        }
    }

    /** Log-uniform between the product's bounds: small loans are far more common than large ones. */
    private static long principal(DemoRandom random, Product product) {
        double ratio = (double) product.maxPrincipal / product.minPrincipal;
        double amount = product.minPrincipal * StrictMath.exp(random.nextDouble() * StrictMath.log(ratio));
        long rounded = Math.round(amount / product.principalStep) * product.principalStep;
        return Math.clamp(rounded, product.minPrincipal, product.maxPrincipal);
    }

    /**
     * The lender's schedule up to the horizon. Loans amortise in equal instalments (or, for half
     * the small-business loans, pay interest monthly and the principal at maturity); cards bill a
     * minimum payment of 10% of the balance plus the month's interest.
     */
    private List<Instalment> schedule(Product product, long principal, int rate, int term, LocalDate start,
                                      boolean interestOnly) {
        List<Instalment> rows = new ArrayList<>();
        long balance = principal;
        long annuity = term == 0 ? 0 : annuity(principal, rate, term);
        for (int seq = 1; term == 0 || seq <= term; seq++) {
            LocalDate due = start.plusMonths(seq);
            if (due.isAfter(horizon) || balance == 0) {
                break;
            }
            long interest = (balance * rate + 60_000) / 120_000;
            long principalDue;
            if (term == 0) {
                principalDue = (balance + 9) / 10;
            } else if (seq == term) {
                principalDue = balance;
            } else if (interestOnly) {
                principalDue = 0;
            } else {
                principalDue = Math.min(Math.max(annuity - interest, 0), balance);
            }
            balance -= principalDue;
            rows.add(new Instalment(seq, due, principalDue, interest));
        }
        return rows;
    }

    /** The monthly payment that repays {@code principal} in {@code term} months at {@code rate}. */
    private static long annuity(long principal, int rate, int term) {
        double monthly = rate / 120_000.0;
        return Math.round(principal * monthly / (1 - StrictMath.pow(1 + monthly, -term)));
    }

    /**
     * Secured loans are backed by a home, or for smaller ones often a car; some small-business
     * loans by pledged shares, receivables or equipment. Values are appraised shortly before the
     * loan started, at a loan-to-value a lender would accept.
     */
    private static Collateral collateral(DemoRandom random, Product product, long principal, LocalDate start, Region home) {
        LocalDate appraisedOn = start.minusDays(random.between(3, 40));
        if (product == Product.SECURED_LOAN) {
            if (principal <= 600_000_00L && random.chance(0.5)) {
                String description = random.pick(VEHICLES) + " " + random.between(start.getYear() - 8, start.getYear()) + "款 车牌"
                        + plate(random, home);
                return new Collateral("vehicle", description, roundTo(principal * 100 / random.between(60, 90), 100_00), appraisedOn);
            }
            String area = random.between(50, 180) + "." + random.between(10, 99);
            String description = "住宅 " + People.address(random, home) + " 建筑面积" + area + "平方米";
            return new Collateral("real_estate", description, roundTo(principal * 100 / random.between(45, 70), 1_000_00), appraisedOn);
        }
        if (product == Product.SME_LOAN && random.chance(0.45)) {
            int kind = random.nextInt(20);
            if (kind < 10) {
                String description = People.firm(random, home, new String[] {"实业", "贸易", "科技"}) + random.between(10, 60) + "%股权质押";
                return new Collateral("equity", description, roundTo(principal * random.between(100, 200) / 100, 10_000_00), appraisedOn);
            }
            if (kind < 17) {
                String description = "对" + People.firm(random, home, new String[] {"建设工程", "商贸", "物流"}) + "的应收账款质押";
                return new Collateral("receivable", description, roundTo(principal * random.between(80, 150) / 100, 10_000_00), appraisedOn);
            }
            String description = "生产设备抵押（" + random.pick(EQUIPMENT) + random.between(1, 6) + "台）";
            return new Collateral("other", description, roundTo(principal * random.between(30, 80) / 100, 10_000_00), appraisedOn);
        }
        return null;
    }

    private static String plate(DemoRandom random, Region home) {
        String province = "粤";
        for (String[] entry : PLATE_PROVINCES) {
            if (home.code().startsWith(entry[0])) {
                province = entry[1];
            }
        }
        StringBuilder plate = new StringBuilder(province).append(random.pick(PLATE_LETTERS)).append('·');
        for (int i = 0; i < 5; i++) {
            plate.append(random.pick(PLATE_CHARACTERS));
        }
        return plate.toString();
    }

    private static long roundTo(long amount, long step) {
        return Math.max(step, (amount + step / 2) / step * step);
    }
}
