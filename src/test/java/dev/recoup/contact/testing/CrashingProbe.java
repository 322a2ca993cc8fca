package dev.recoup.contact.testing;

import dev.recoup.contact.outbox.DispatchProbe;

/** Kills the dispatcher (throws {@link SimulatedCrash}) the first time it reaches the chosen step, once. */
public class CrashingProbe implements DispatchProbe {

    /** An Error, so no catch in the dispatcher takes it for a gateway problem: it unwinds like a dying process. */
    public static class SimulatedCrash extends Error {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    private volatile Step crashAt;

    public void crashOnceAt(Step step) {
        crashAt = step;
    }

    public void disarm() {
        crashAt = null;
    }

    @Override
    public void reached(Step step, long messageId) {
        if (step == crashAt) {
            crashAt = null;
            throw new SimulatedCrash("simulated crash at " + step + " of message " + messageId);
        }
    }
}
