package dev.recoup.contact.outbox;

import dev.recoup.contact.ContactDecisions;
import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.RecordedAttempt;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.RuleHit;
import dev.recoup.contact.outbox.DispatchProbe.Step;
import dev.recoup.contact.outbox.OutboxStore.Claimed;
import dev.recoup.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends what is due in the outbox, one message after the other:
 * <ol>
 *   <li>recover SENDING rows whose lease ran out (PENDING if the gateway was never called, else UNCERTAIN);</li>
 *   <li>claim due PENDING rows of channels with a gateway ({@code FOR UPDATE SKIP LOCKED}, a lease, a claim token);</li>
 *   <li>ask the gate right before sending — denied: rescheduled at the next allowed time when that is near, else BLOCKED with the reasons;</li>
 *   <li>commit send_started_at and the ledger attempt (outcome pending) — the point after which a crash means "may have gone out";</li>
 *   <li>hand it to the gateway; store its id (SENT), or back off and retry, or FAILED, or UNCERTAIN when the gateway's answer was lost.</li>
 * </ol>
 * Letters stop at step 3: they go into the day's print batch (docs/adr/0011-outbox-and-channels.md).
 */
@Service
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final DispatchProbe NO_PROBE = (step, id) -> {
    };

    /** What one run did. */
    public record Report(int recoveredToPending, int recoveredUncertain, int claimed, int sent, int lettersBatched, int deferred, int blocked,
                         int retried, int failed, int uncertain) {
    }

    private final OutboxStore store;
    private final OutboxReceipts receipts;
    private final Map<Channel, MessageGateway> gateways;
    private final ObjectProvider<ContactDecisions> gate;
    private final ObjectProvider<ContactLedger> ledger;
    private final ObjectProvider<DispatchProbe> probes;
    private final ObjectProvider<LetterCheck> letterCheck;
    private final OutboxProperties properties;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;
    private final NotSentNotices notSent;
    private volatile boolean warnedNoGate;

    OutboxDispatcher(OutboxStore store, OutboxReceipts receipts, List<MessageGateway> gateways, ObjectProvider<ContactDecisions> gate,
                     ObjectProvider<ContactLedger> ledger, ObjectProvider<DispatchProbe> probes, ObjectProvider<LetterCheck> letterCheck, OutboxProperties properties,
                     BusinessClock clock, PlatformTransactionManager transactions, NotSentNotices notSent) {
        this.store = store;
        this.receipts = receipts;
        this.gateways = gateways.stream().collect(Collectors.toMap(MessageGateway::channel, g -> g));
        this.gate = gate;
        this.ledger = ledger;
        this.probes = probes;
        this.letterCheck = letterCheck;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.notSent = notSent;
    }

    @EventListener
    void describeAtStart(ApplicationReadyEvent event) {
        List<String> lines = new ArrayList<>();
        for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
            MessageGateway gateway = gateways.get(channel);
            lines.add(gateway != null && gateway.configured() ? channel + " via " + gateway.describe()
                    : channel + ": no gateway configured (" + (channel == Channel.SMS ? "recoup.channels.smpp.host" : "recoup.channels.smtp.host")
                    + ") — these messages wait in the outbox");
        }
        lines.add("LETTER: printed in daily batches (GET /api/v1/letter-batches)");
        if (gate.getIfAvailable() == null || ledger.getIfAvailable() == null) {
            lines.add("no contact gate or ledger in this build — the dispatcher idles and every message waits");
        }
        log.info("Outbox dispatcher{}: {}", properties.scheduled() ? " (every " + properties.interval() + ")" : " (runs only when triggered)",
                String.join("; ", lines));
    }

    @Scheduled(fixedDelayString = "${recoup.channels.outbox.interval:PT10S}", initialDelayString = "${recoup.channels.outbox.initial-delay:PT15S}")
    void scheduled() {
        if (properties.scheduled()) {
            runOnce();
        }
    }

    /** One run now. */
    public Report runOnce() {
        return runOnce(clock.now());
    }

    /** One run as if it were {@code now} (tests move time forward to pass back-offs and leases). */
    public synchronized Report runOnce(Instant now) {
        ContactDecisions decisions = gate.getIfAvailable();
        ContactLedger contactLedger = ledger.getIfAvailable();
        if (decisions == null || contactLedger == null) {
            if (!warnedNoGate) {
                warnedNoGate = true;
                log.warn("Outbox dispatcher idle: no contact gate (ContactDecisions) or ledger (ContactLedger) in this build; nothing is sent");
            }
            return new Report(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        DispatchProbe probe = probes.getIfAvailable(() -> NO_PROBE);
        int[] recovered = transaction.execute(s -> store.recoverExpiredLeases(now));
        if (recovered[1] > 0) {
            log.warn("Outbox: {} message(s) were being handed to a gateway when their dispatcher stopped; marked UNCERTAIN, not resent", recovered[1]);
        }
        List<Channel> ready = new ArrayList<>(List.of(Channel.LETTER));
        for (MessageGateway gateway : gateways.values()) {
            if (gateway.configured()) {
                gateway.maintain();
                ready.add(gateway.channel());
            }
        }
        UUID token = UUID.randomUUID();
        List<Claimed> claimed = transaction.execute(s -> store.claim(now, ready, properties.batchSize(), token, now.plus(properties.lease())));
        int[] counts = new int[8];
        for (Claimed message : claimed) {
            probe.reached(Step.CLAIMED, message.id());
            try {
                counts[dispatch(message, now, decisions, contactLedger, probe).ordinal()]++;
            } catch (RuntimeException e) {
                // One message's trouble (a bad row, the ledger refusing it) must not stop the batch.
                log.error("Outbox message {} could not be dispatched", message.id(), e);
                counts[released(message, now, e).ordinal()]++;
            }
        }
        Report report = new Report(recovered[0], recovered[1], claimed.size(), counts[Result.SENT.ordinal()], counts[Result.BATCHED.ordinal()],
                counts[Result.DEFERRED.ordinal()], counts[Result.BLOCKED.ordinal()], counts[Result.RETRY.ordinal()], counts[Result.FAILED.ordinal()],
                counts[Result.UNCERTAIN.ordinal()]);
        if (!claimed.isEmpty() || recovered[0] + recovered[1] > 0) {
            log.info("Outbox run: {}", report);
        }
        return report;
    }

    private enum Result { SENT, BATCHED, DEFERRED, BLOCKED, RETRY, FAILED, UNCERTAIN, LOST_LEASE }

    private Result dispatch(Claimed message, Instant now, ContactDecisions decisions, ContactLedger contactLedger, DispatchProbe probe) {
        Long firstAccount = message.accountIds().isEmpty() ? null : message.accountIds().getFirst();
        Decision decision = decisions.decide(new ProposedContact(message.caseId(), message.caseId() == null ? firstAccount : null,
                message.contactId(), message.channel(), now, message.purpose(), message.carriesDebtDetails(), 0));
        probe.reached(Step.DECIDED, message.id());
        if (!decision.allowed()) {
            return refused(message, decision, now);
        }
        if (message.channel() == Channel.LETTER) {
            LetterCheck check = letterCheck.getIfAvailable();
            String missing = check == null ? "" : check.unprintable(message.recipientName() + message.endpoint() + message.subject() + message.body());
            if (!missing.isEmpty()) {
                boolean done = Boolean.TRUE.equals(transaction.execute(s -> ended(message, store.fail(message,
                        "the letter font has no glyph for " + missing + "; set recoup.channels.letters.font to a font that has"))));
                return done ? Result.FAILED : Result.LOST_LEASE;
            }
            LocalDate businessDate = now.atZone(clock.zone()).toLocalDate();
            return Boolean.TRUE.equals(transaction.execute(s -> store.placeInBatch(message, businessDate, now))) ? Result.BATCHED : Result.LOST_LEASE;
        }
        Long attemptId = transaction.execute(s -> {
            if (!store.startSend(message, now)) {
                return null;
            }
            long id = message.ledgerAttemptId() != null ? message.ledgerAttemptId()
                    : contactLedger.record(new RecordedAttempt(message.caseId(), message.contactId(), message.channel(), message.endpoint(), now, null,
                    message.purpose(), new HashSet<>(message.accountIds()), gatewayUser(message.channel()), null));
            store.setLedgerAttempt(message.id(), id);
            return id;
        });
        if (attemptId == null) {
            log.warn("Outbox message {}: this dispatcher's claim was taken over (lease {}); left alone", message.id(), properties.lease());
            return Result.LOST_LEASE;
        }
        probe.reached(Step.SEND_STARTED, message.id());
        MessageGateway gateway = gateways.get(message.channel());
        Accepted accepted;
        try {
            accepted = gateway.send(message.outgoing());
        } catch (GatewayException e) {
            return failed(message, e, now, attemptId, contactLedger);
        } catch (RuntimeException e) {
            // A bug or an unforeseen error inside the gateway code: it may have written the message.
            GatewayException unknown = GatewayException.ambiguous("unexpected error in the " + message.channel() + " gateway: " + e, e);
            return failed(message, unknown, now, attemptId, contactLedger);
        }
        probe.reached(Step.GATEWAY_ACCEPTED, message.id());
        boolean stored = Boolean.TRUE.equals(transaction.execute(s -> store.sent(message, accepted, now)));
        if (!stored) {
            log.error("Outbox message {} was accepted by the gateway as {} but its row changed meanwhile; recorded nowhere else — check it",
                    message.id(), accepted.messageId());
            return Result.LOST_LEASE;
        }
        receipts.apply(message.id());
        probe.reached(Step.RECORDED, message.id());
        return Result.SENT;
    }

    /**
     * After an unexpected error: back to PENDING with back-off if the gateway was never called
     * (send_started_at still empty); otherwise left SENDING for the lease recovery (→ UNCERTAIN).
     */
    private Result released(Claimed message, Instant now, RuntimeException e) {
        try {
            Integer released = transaction.execute(s -> store.releaseBeforeSend(message, now.plus(properties.backoff(message.attempts() + 1)),
                    "dispatch failed before the gateway was called: " + e));
            return released != null && released == 1 ? Result.RETRY : Result.LOST_LEASE;
        } catch (RuntimeException again) {
            log.error("Outbox message {} stays claimed until its lease ends", message.id(), again);
            return Result.LOST_LEASE;
        }
    }

    private Result refused(Claimed message, Decision decision, Instant now) {
        List<Map<String, String>> reasons = new ArrayList<>();
        for (RuleHit hit : decision.hits()) {
            Map<String, String> reason = new LinkedHashMap<>();
            reason.put("ruleId", hit.ruleId());
            reason.put("reasonZh", hit.reasonZh());
            reason.put("reasonEn", hit.reasonEn());
            reasons.add(reason);
        }
        String rules = decision.hits().stream().map(RuleHit::ruleId).collect(Collectors.joining(", "));
        Instant next = decision.nextAllowedAt();
        if (next != null && next.isAfter(now) && Duration.between(now, next).compareTo(properties.maxDefer()) <= 0) {
            boolean done = Boolean.TRUE.equals(transaction.execute(s -> store.defer(message, next, reasons, "not allowed now (" + rules + "); rescheduled to " + next)));
            return done ? Result.DEFERRED : Result.LOST_LEASE;
        }
        String why = next == null ? "not allowed (" + rules + ") and no time is known when it would be"
                : "not allowed (" + rules + ") until " + next + ", later than recoup.channels.outbox.max-defer " + properties.maxDefer();
        boolean done = Boolean.TRUE.equals(transaction.execute(s -> ended(message, store.block(message, reasons, why))));
        return done ? Result.BLOCKED : Result.LOST_LEASE;
    }

    private Result failed(Claimed message, GatewayException e, Instant now, long attemptId, ContactLedger contactLedger) {
        String error = e.kind() + ": " + e.getMessage();
        return switch (e.kind()) {
            case NOT_SENT -> {
                int attempts = message.attempts() + 1;
                boolean giveUp = attempts >= properties.maxAttempts();
                Instant next = now.plus(properties.backoff(attempts));
                boolean done = Boolean.TRUE.equals(transaction.execute(s -> {
                    boolean changed = store.retryOrFail(message, next, giveUp, giveUp ? error + " (gave up after " + attempts + " tries)" : error);
                    if (changed && giveUp) {
                        // Nothing reached the person; the ledger has no "not sent", BOUNCED is the outcome that counts as no contact.
                        contactLedger.outcome(attemptId, Outcome.BOUNCED, now);
                        notSent.ended(message.id());
                    }
                    return changed;
                }));
                log.info("Outbox message {} not sent ({}); {}", message.id(), e.getMessage(), giveUp ? "FAILED" : "retry at " + next);
                yield !done ? Result.LOST_LEASE : giveUp ? Result.FAILED : Result.RETRY;
            }
            case REJECTED -> {
                boolean done = Boolean.TRUE.equals(transaction.execute(s -> {
                    boolean changed = store.fail(message, error);
                    if (changed) {
                        contactLedger.outcome(attemptId, Outcome.BOUNCED, now);
                        notSent.ended(message.id());
                    }
                    return changed;
                }));
                log.info("Outbox message {} rejected by the gateway: {}", message.id(), e.getMessage());
                yield done ? Result.FAILED : Result.LOST_LEASE;
            }
            case AMBIGUOUS -> {
                boolean done = Boolean.TRUE.equals(transaction.execute(s -> store.uncertain(message, error
                        + " — it may have gone out; not resent automatically: resolve it (RESEND or MARK_SENT)")));
                log.warn("Outbox message {} UNCERTAIN: {}", message.id(), e.getMessage());
                yield done ? Result.UNCERTAIN : Result.LOST_LEASE;
            }
        };
    }

    /** After a change to BLOCKED or FAILED: tells whoever asked for the message, in the same transaction. */
    private boolean ended(Claimed message, boolean changed) {
        if (changed) {
            notSent.ended(message.id());
        }
        return changed;
    }

    private static String gatewayUser(Channel channel) {
        return channel == Channel.SMS ? "sms-gateway" : channel == Channel.EMAIL ? "email-gateway" : "letters";
    }

    /** The channels that have a configured gateway now (letters always). */
    public Set<Channel> readyChannels() {
        Set<Channel> ready = new HashSet<>(Set.of(Channel.LETTER));
        gateways.values().stream().filter(MessageGateway::configured).map(MessageGateway::channel).forEach(ready::add);
        return ready;
    }
}
