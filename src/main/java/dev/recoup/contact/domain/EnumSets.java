package dev.recoup.contact.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable enum sets backed by {@link EnumSet}: a membership test is a bit test, which the hot path does per ledger entry. */
final class EnumSets {

    private EnumSets() {
    }

    static <E extends Enum<E>> Set<E> frozen(Collection<E> values, Class<E> type) {
        EnumSet<E> set = values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
        return Collections.unmodifiableSet(set);
    }
}
