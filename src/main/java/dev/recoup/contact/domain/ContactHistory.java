package dev.recoup.contact.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ledger entries with one person that a decision needs, in time order: at least
 * {@link RulePack#historyLookback()} before the proposed time, and any entries after it.
 */
public final class ContactHistory {

    private static final ContactHistory EMPTY = new ContactHistory(new Attempt[0]);

    private final Attempt[] attempts;
    private final long[] seconds;

    private ContactHistory(Attempt[] sorted) {
        this.attempts = sorted;
        this.seconds = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            seconds[i] = sorted[i].at().getEpochSecond();
        }
    }

    public static ContactHistory empty() {
        return EMPTY;
    }

    /** The entries, in any order; sorted here by time (a stable sort keeps ties in the given order). */
    public static ContactHistory of(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return EMPTY;
        }
        Attempt[] array = attempts.toArray(new Attempt[0]);
        boolean sorted = true;
        for (int i = 1; i < array.length && sorted; i++) {
            sorted = !array[i].at().isBefore(array[i - 1].at());
        }
        if (!sorted) {
            Arrays.sort(array, Comparator.comparing(Attempt::at));
        }
        return new ContactHistory(array);
    }

    public static ContactHistory of(Attempt... attempts) {
        return of(Arrays.asList(attempts));
    }

    public List<Attempt> attempts() {
        return List.of(attempts);
    }

    /** The same history with one more entry (a simulation records what it just did). */
    public ContactHistory plus(Attempt attempt) {
        List<Attempt> all = new ArrayList<>(Arrays.asList(attempts));
        all.add(attempt);
        return of(all);
    }

    public int size() {
        return attempts.length;
    }

    Attempt get(int i) {
        return attempts[i];
    }

    long second(int i) {
        return seconds[i];
    }

    /** Index of the first entry at or after {@code epochSecond}. */
    int firstAtOrAfter(long epochSecond) {
        int lo = 0;
        int hi = seconds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seconds[mid] < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    Attempt byId(String id) {
        for (Attempt a : attempts) {
            if (id.equals(a.id())) {
                return a;
            }
        }
        return null;
    }

    boolean answered(String inboundId) {
        for (Attempt a : attempts) {
            if (a.outbound() && inboundId.equals(a.inResponseTo())) {
                return true;
            }
        }
        return false;
    }
}
