package dev.recoup.payments.domain;

import dev.recoup.payments.AmountComponent;

import java.util.EnumSet;
import java.util.List;

/**
 * The order in which money pays what an account owes (R18), per product.
 *
 * <p>Instalments are always taken oldest due date first (then by number). {@link Sweep} says how
 * instalments and components are crossed:
 * <ul>
 *   <li>{@link Sweep#INSTALMENT_FIRST} (the default): the oldest instalment is paid whole, component
 *       by component in {@code components} order, before the next instalment gets anything;</li>
 *   <li>{@link Sweep#COMPONENT_FIRST}: the first component is paid on every instalment, oldest first,
 *       before the second component gets anything (e.g. all fees, then all penalties …).</li>
 * </ul>
 *
 * @param components all four components, each once, in the order they are paid
 */
public record AllocationOrder(Sweep sweep, List<AmountComponent> components) {

    public enum Sweep { INSTALMENT_FIRST, COMPONENT_FIRST }

    /** Oldest instalment first; within it fees → penalty → interest → principal. */
    public static final AllocationOrder DEFAULT = new AllocationOrder(Sweep.INSTALMENT_FIRST,
            List.of(AmountComponent.FEE, AmountComponent.PENALTY, AmountComponent.INTEREST, AmountComponent.PRINCIPAL));

    public AllocationOrder {
        if (sweep == null) {
            throw new IllegalArgumentException("an allocation order needs a sweep: INSTALMENT_FIRST or COMPONENT_FIRST");
        }
        components = List.copyOf(components);
        if (components.size() != AmountComponent.values().length || !EnumSet.copyOf(components).equals(EnumSet.allOf(AmountComponent.class))) {
            throw new IllegalArgumentException("an allocation order names each of FEE, PENALTY, INTEREST, PRINCIPAL exactly once, not " + components);
        }
    }
}
