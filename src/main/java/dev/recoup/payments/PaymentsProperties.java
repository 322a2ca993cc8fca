package dev.recoup.payments;

import dev.recoup.payments.domain.AllocationOrder;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * {@code recoup.payments}: the allocation order (R18), by default and per product, and how bulk
 * postings (a file, an import's payments) are cut into chunks (one {@link PaymentsPosted} per chunk).
 *
 * @param allocation    {@code default-order} and per-product ({@code products.credit_card}) orders
 * @param chunkAccounts accounts per chunk of a bulk posting (all payments of an account are in one chunk)
 */
@ConfigurationProperties("recoup.payments")
public record PaymentsProperties(Allocation allocation, int chunkAccounts) {

    public PaymentsProperties {
        allocation = allocation == null ? new Allocation(null, Map.of()) : allocation;
        chunkAccounts = chunkAccounts <= 0 ? 10_000 : chunkAccounts;
    }

    /** The order that applies to a product (the lower-case code stored on the account). */
    public AllocationOrder orderFor(String product) {
        Order order = allocation.products().get(product);
        return order != null ? order.toDomain() : allocation.defaultOrder().toDomain();
    }

    public record Allocation(Order defaultOrder, Map<String, Order> products) {
        public Allocation {
            defaultOrder = defaultOrder == null ? new Order(null, null) : defaultOrder;
            products = products == null ? Map.of() : Map.copyOf(products);
        }
    }

    /** One order: the sweep and the four components in the order they are paid (defaults: INSTALMENT_FIRST, FEE, PENALTY, INTEREST, PRINCIPAL). */
    public record Order(AllocationOrder.Sweep sweep, List<AmountComponent> components) {
        public Order {
            sweep = sweep == null ? AllocationOrder.DEFAULT.sweep() : sweep;
            components = components == null || components.isEmpty() ? AllocationOrder.DEFAULT.components() : List.copyOf(components);
            toDomain(sweep, components);
        }

        AllocationOrder toDomain() {
            return toDomain(sweep, components);
        }

        private static AllocationOrder toDomain(AllocationOrder.Sweep sweep, List<AmountComponent> components) {
            return new AllocationOrder(sweep, components);
        }
    }
}
