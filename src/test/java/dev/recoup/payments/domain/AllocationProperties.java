package dev.recoup.payments.domain;

import dev.recoup.payments.AmountComponent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation rule over an account's whole life — payments, reversals and adjustments in any
 * order, under either sweep and any component order — kept in a journal the way the payments
 * module keeps it (lines per payment, credit, a reversal deleting exactly the payment's lines and
 * then letting held credit pay what is owed again, credit used by dues as the paying payment's lines).
 */
class AllocationProperties {

    private static final LocalDate FIRST_DUE = LocalDate.of(2025, 1, 10);

    /** One step of an account's life. */
    sealed interface Step permits Pay, Reverse, Adjust {
    }

    record Pay(long amount) implements Step {
    }

    /** Reverses the payment at this position among those still standing (modulo their number). */
    record Reverse(int pick) implements Step {
    }

    record Adjust(AmountComponent component, int percentOfOwed) implements Step {
    }

    /** The journal of one account, as the payments module keeps it in payment_allocation. */
    static final class Journal {
        final List<long[]> dues = new ArrayList<>();
        final AllocationOrder order;
        /** Per payment id: its lines, and the credit it still holds. */
        final Map<Long, List<AllocationLine>> lines = new LinkedHashMap<>();
        final Map<Long, Long> credit = new LinkedHashMap<>();
        final Map<Long, Long> amounts = new LinkedHashMap<>();
        final List<AllocationLine> adjustmentLines = new ArrayList<>();
        long adjusted;
        long nextId = 1;

        Journal(List<long[]> schedule, AllocationOrder order) {
            dues.addAll(schedule);
            this.order = order;
        }

        /** Dues less every line, oldest first: what the database's open schedule returns. */
        List<OpenInstalment> open() {
            long[][] covered = new long[dues.size()][4];
            List<AllocationLine> all = new ArrayList<>(adjustmentLines);
            lines.values().forEach(all::addAll);
            for (AllocationLine l : all) {
                for (AmountComponent c : AmountComponent.values()) {
                    covered[l.seq() - 1][c.ordinal()] += l.of(c);
                }
            }
            List<OpenInstalment> open = new ArrayList<>();
            for (int i = 0; i < dues.size(); i++) {
                long[] d = dues.get(i);
                open.add(new OpenInstalment(i + 1, FIRST_DUE.plusMonths(i),
                        d[0] - covered[i][0], d[1] - covered[i][1], d[2] - covered[i][2], d[3] - covered[i][3]));
            }
            return open;
        }

        void pay(long amount) {
            long id = nextId++;
            Allocation a = Allocation.pour(open(), amount, order);
            amounts.put(id, amount);
            lines.put(id, new ArrayList<>(a.lines()));
            credit.put(id, a.rest());
        }

        void reverse(int pick) {
            if (amounts.isEmpty()) {
                return;
            }
            Long id = new ArrayList<>(amounts.keySet()).get(Math.floorMod(pick, amounts.size()));
            amounts.remove(id);
            lines.remove(id);
            credit.remove(id);
            List<Allocation.HeldCredit> held = new ArrayList<>();
            credit.forEach((payment, c) -> {
                if (c > 0) {
                    held.add(new Allocation.HeldCredit(payment, c));
                }
            });
            for (Allocation.CreditUse use : Allocation.useCredits(open(), held, order)) {
                lines.get(use.paymentId()).addAll(use.allocation().lines());
                credit.merge(use.paymentId(), -use.allocation().allocated(), Long::sum);
            }
        }

        void adjust(AmountComponent component, int percent) {
            long owed = Allocation.owed(open(), component);
            long amount = owed * percent / 100;
            if (amount > 0) {
                Allocation a = Allocation.pourInto(open(), component, amount);
                assertThat(a.rest()).as("an adjustment within what is owed is allocated whole").isZero();
                adjustmentLines.addAll(a.lines());
                adjusted += amount;
            }
        }

        void apply(Step step) {
            switch (step) {
                case Pay p -> pay(p.amount());
                case Reverse r -> reverse(r.pick());
                case Adjust a -> adjust(a.component(), a.percentOfOwed());
            }
        }
    }

    @Property(tries = 500)
    void noFenIsCreatedOrLostWhateverIsPaidReversedOrAdjusted(@ForAll("schedules") List<long[]> schedule, @ForAll("orders") AllocationOrder order,
                                                            @ForAll("lives") List<Step> life) {
        Journal journal = new Journal(schedule, order);
        for (Step step : life) {
            journal.apply(step);
            journal.amounts.forEach((id, amount) -> assertThat(
                    journal.lines.get(id).stream().mapToLong(AllocationLine::total).sum() + journal.credit.get(id))
                    .as("payment %d: allocated + credit", id).isEqualTo(amount));
            assertThat(journal.credit.values()).allMatch(c -> c >= 0);
            assertThat(journal.adjustmentLines.stream().mapToLong(AllocationLine::total).sum()).isEqualTo(journal.adjusted);
        }
    }

    @Property(tries = 500)
    void noComponentIsEverPaidBeyondItsDueAndCreditIsKeptOnlyWhenNothingIsOwed(@ForAll("schedules") List<long[]> schedule,
                                                                               @ForAll("orders") AllocationOrder order,
                                                                               @ForAll("lives") List<Step> life) {
        Journal journal = new Journal(schedule, order);
        for (Step step : life) {
            journal.apply(step);
            List<OpenInstalment> open = journal.open();
            for (OpenInstalment i : open) {
                for (AmountComponent c : AmountComponent.values()) {
                    assertThat(i.owed(c)).as("instalment %d %s still owed", i.seq(), c).isNotNegative();
                }
            }
            long owed = open.stream().mapToLong(OpenInstalment::owed).sum();
            long credit = journal.credit.values().stream().mapToLong(Long::longValue).sum();
            if (credit > 0) {
                assertThat(owed).as("credit is held only when nothing is owed").isZero();
            }
        }
    }

    @Property(tries = 300)
    void reversingThePaymentJustPostedPutsTheAccountBackExactlyAsItWas(@ForAll("schedules") List<long[]> schedule,
                                                                       @ForAll("orders") AllocationOrder order,
                                                                       @ForAll("lives") List<Step> life, @ForAll("amounts") long amount) {
        Journal journal = new Journal(schedule, order);
        life.forEach(journal::apply);
        List<long[]> before = owedByComponent(journal.open());
        Map<Long, Long> creditBefore = new LinkedHashMap<>(journal.credit);

        journal.pay(amount);
        journal.reverse(journal.amounts.size() - 1);

        assertThat(owedByComponent(journal.open())).containsExactlyElementsOf(before);
        assertThat(journal.credit).isEqualTo(creditBefore);
    }

    @Property(tries = 300)
    void aPaymentFollowsTheOrderOldestInstalmentFirstOrOneComponentAcrossAllFirst(@ForAll("schedules") List<long[]> schedule,
                                                                                  @ForAll("orders") AllocationOrder order,
                                                                                  @ForAll("amounts") long amount) {
        List<OpenInstalment> open = new Journal(schedule, order).open();
        Allocation a = Allocation.pour(open, amount, order);
        if (a.rest() > 0) {
            assertThat(open.stream().mapToLong(OpenInstalment::owed).sum()).isZero();
        }
        // Every (instalment, component) slot before the last one paid in the order's sequence is paid in full.
        List<long[]> slots = new ArrayList<>();
        if (order.sweep() == AllocationOrder.Sweep.INSTALMENT_FIRST) {
            for (int i = 0; i < open.size(); i++) {
                for (AmountComponent c : order.components()) {
                    slots.add(new long[] {i, c.ordinal()});
                }
            }
        } else {
            for (AmountComponent c : order.components()) {
                for (int i = 0; i < open.size(); i++) {
                    slots.add(new long[] {i, c.ordinal()});
                }
            }
        }
        boolean sawUnpaid = false;
        for (long[] slot : slots) {
            OpenInstalment instalment = open.get((int) slot[0]);
            AmountComponent c = AmountComponent.values()[(int) slot[1]];
            long paid = a.lines().stream().filter(l -> l.seq() == instalment.seq()).mapToLong(l -> l.of(c)).sum();
            if (sawUnpaid) {
                assertThat(paid).as("nothing goes to a slot after one left owing").isZero();
            }
            sawUnpaid |= instalment.owed(c) > 0;
        }
    }

    private static List<long[]> owedByComponent(List<OpenInstalment> open) {
        List<long[]> owed = new ArrayList<>();
        for (OpenInstalment i : open) {
            owed.add(new long[] {i.owed(AmountComponent.FEE), i.owed(AmountComponent.PENALTY), i.owed(AmountComponent.INTEREST),
                    i.owed(AmountComponent.PRINCIPAL)});
        }
        return owed;
    }

    @Provide
    Arbitrary<List<long[]>> schedules() {
        Arbitrary<Long> part = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 50_000));
        return Combinators.combine(part, part, part, part).as((f, p, i, pr) -> new long[] {f, p, i, pr}).list().ofMinSize(0).ofMaxSize(12);
    }

    @Provide
    Arbitrary<AllocationOrder> orders() {
        return Combinators.combine(Arbitraries.of(AllocationOrder.Sweep.class),
                        Arbitraries.shuffle(AmountComponent.FEE, AmountComponent.PENALTY, AmountComponent.INTEREST, AmountComponent.PRINCIPAL))
                .as(AllocationOrder::new);
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.longs().between(1, 120_000);
    }

    @Provide
    Arbitrary<List<Step>> lives() {
        Arbitrary<Step> pay = amounts().map(Pay::new);
        Arbitrary<Step> reverse = Arbitraries.integers().between(0, 20).map(Reverse::new);
        Arbitrary<Step> adjust = Combinators.combine(Arbitraries.of(AmountComponent.class), Arbitraries.integers().between(1, 100)).as(Adjust::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, pay), net.jqwik.api.Tuple.of(2, reverse), net.jqwik.api.Tuple.of(1, adjust))
                .list().ofMaxSize(25);
    }

}
