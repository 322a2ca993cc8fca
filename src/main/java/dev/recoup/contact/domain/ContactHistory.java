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
    // Column copies of what the counting rules read for every entry, so a scan stays in a few
    // contiguous arrays instead of visiting each entry's objects.
    private final long[] seconds;
    private final int[] contact;
    private final byte[] channel;
    private final byte[] outcome;
    private final boolean[] outbound;
    private final List<String> contactIds = new ArrayList<>(2);

    private ContactHistory(Attempt[] sorted) {
        this(sorted, new long[sorted.length]);
        for (int i = 0; i < sorted.length; i++) {
            fill(i, sorted[i]);
        }
    }

    /** Fills the columns as it goes; the caller checks the order (one pass over the entries). */
    private ContactHistory(Attempt[] attempts, long[] seconds) {
        this.attempts = attempts;
        int n = attempts.length;
        this.seconds = seconds;
        this.contact = new int[n];
        this.channel = new byte[n];
        this.outcome = new byte[n];
        this.outbound = new boolean[n];
    }

    private String lastContactId;
    private int lastContactIndex;

    private void fill(int i, Attempt a) {
        seconds[i] = a.at().getEpochSecond();
        String id = a.contactId();
        int index;
        if (id.equals(lastContactId)) {
            index = lastContactIndex;
        } else {
            index = contactIds.indexOf(id);
            if (index < 0) {
                index = contactIds.size();
                contactIds.add(id);
            }
            lastContactId = id;
            lastContactIndex = index;
        }
        contact[i] = index;
        channel[i] = (byte) a.channel().ordinal();
        outcome[i] = (byte) a.outcome().ordinal();
        outbound[i] = a.outbound();
    }

    /** The index the entries of {@code contactId} carry ({@link #contact(int)}), or -1 when it has none. */
    int contactIndex(String contactId) {
        return contactIds.indexOf(contactId);
    }

    int contact(int i) {
        return contact[i];
    }

    Channel channel(int i) {
        return CHANNELS[channel[i]];
    }

    Outcome outcome(int i) {
        return OUTCOMES[outcome[i]];
    }

    boolean outbound(int i) {
        return outbound[i];
    }

    private static final Channel[] CHANNELS = Channel.values();
    private static final Outcome[] OUTCOMES = Outcome.values();

    public static ContactHistory empty() {
        return EMPTY;
    }

    /** The entries, in any order; sorted here by time (a stable sort keeps ties in the given order). */
    public static ContactHistory of(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return EMPTY;
        }
        Attempt[] array = attempts.toArray(new Attempt[0]);
        ContactHistory history = new ContactHistory(array, new long[array.length]);
        for (int i = 0; i < array.length; i++) {
            history.fill(i, array[i]);
            if (i > 0 && history.seconds[i] < history.seconds[i - 1]
                    || i > 0 && history.seconds[i] == history.seconds[i - 1] && array[i].at().isBefore(array[i - 1].at())) {
                Arrays.sort(array, Comparator.comparing(Attempt::at));
                return new ContactHistory(array);
            }
        }
        return history;
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
