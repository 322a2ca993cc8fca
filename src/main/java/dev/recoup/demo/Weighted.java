package dev.recoup.demo;

import java.util.ArrayList;
import java.util.List;

/** A fixed list of choices with integer weights; drawing uses integers only, so it is exact. */
final class Weighted<T> {

    private final List<T> items;
    private final long[] cumulative;

    private Weighted(List<T> items, long[] weights) {
        this.items = List.copyOf(items);
        this.cumulative = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight for " + items.get(i));
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
    }

    static <T> Weighted<T> of(List<T> items, long[] weights) {
        if (items.size() != weights.length) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
        }
        return new Weighted<>(items, weights);
    }

    /** Alternating choice and weight: {@code Weighted.of("a", 3, "b", 1)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... choiceWeightPairs) {
        List<T> items = new ArrayList<>();
        long[] weights = new long[choiceWeightPairs.length / 2];
        for (int i = 0; i < choiceWeightPairs.length; i += 2) {
            items.add((T) choiceWeightPairs[i]);
            weights[i / 2] = ((Number) choiceWeightPairs[i + 1]).longValue();
        }
        return of(items, weights);
    }

    T draw(DemoRandom random) {
        long ticket = random.nextLong(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return items.get(low);
    }

    List<T> items() {
        return items;
    }
}
