package dev.recoup.taskmessages;

import dev.recoup.casework.CaseQueries;
import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.Tasks;
import dev.recoup.contact.ContactHolds;
import dev.recoup.contact.MessageTemplateCodes;
import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.shared.BusinessClock;
import dev.recoup.taskmessages.domain.MessageValues;
import dev.recoup.taskmessages.persistence.MessageTaskStore;
import dev.recoup.taskmessages.persistence.MessageTaskStore.DueTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the strategy's message tasks (SMS, EMAIL, LETTER) through the outbox: every
 * {@code recoup.task-messages.schedule} (each minute by default), or when {@link #runOnce} is called.
 * Works in batches of {@code recoup.task-messages.batch-size} tasks, one transaction each: lock the
 * batch (SKIP LOCKED), look up contacts, debts and holds for all of it, enqueue all its messages with
 * one call, complete and cancel its tasks with one statement each. A task is taken once: afterwards
 * it is done or cancelled, so a second run finds nothing and enqueues nothing (and the idempotency
 * key {@code task/{id}} would return the same message if it did).
 *
 * <ul>
 *   <li>enqueued → DONE, outcome MESSAGE_SENT, note with the message id (the outbox asks the gate and
 *       records the ledger attempt when it sends; a message it then refuses for good turns the outcome
 *       into MESSAGE_NOT_DELIVERED — {@link NotDeliveredMessages});</li>
 *   <li>no valid own phone / e-mail / address for the medium → CANCELLED, reason NO_CONTACT_FOR_CHANNEL
 *       (the strategy's skip-trace step is the people's work for unreachable debtors);</li>
 *   <li>contact on hold (a complaint, dispute, death, bankruptcy, lawyer, cease notice placed after the
 *       task was created) → CANCELLED, reason CONTACT_HOLD: nothing is enqueued;</li>
 *   <li>nothing overdue in the current run (paid since) → CANCELLED, reason NOTHING_OVERDUE;</li>
 *   <li>refused by the outbox (a template needing a value the case cannot give…) → CANCELLED,
 *       reason "MESSAGE_REFUSED: " and the outbox's words.</li>
 * </ul>
 * Tasks whose template is not a message template — demand letters and lawyer's letters (documents
 * people prepare), or any unknown name — are not touched: they stay with people.
 */
@Service
public class TaskMessageDispatcher {

    private static final Logger log = LoggerFactory.getLogger(TaskMessageDispatcher.class);
    static final String REQUESTED_BY = "strategy";
    static final String NO_CONTACT = "NO_CONTACT_FOR_CHANNEL";
    static final String HELD = "CONTACT_HOLD";
    static final String NOTHING_OVERDUE = "NOTHING_OVERDUE";
    static final String REFUSED = "MESSAGE_REFUSED";
    private static final int MAX_REASON = 2000;

    /**
     * What one run did.
     *
     * @param millis      the whole run
     * @param selectMillis finding and locking the tasks with their contacts and debts
     * @param holdsMillis  asking for holds
     * @param enqueueMillis rendering and inserting the messages
     * @param closeMillis  completing and cancelling the tasks
     */
    public record Report(int batches, int tasks, int enqueued, int alreadyEnqueued, int noContact, int held, int nothingOverdue, int refused,
                         long millis, long selectMillis, long holdsMillis, long enqueueMillis, long closeMillis) {
    }

    private final MessageTaskStore store;
    private final Tasks tasks;
    private final CaseQueries cases;
    private final OutboundMessages outbox;
    private final MessageTemplateCodes templates;
    private final ContactHolds holds;
    private final TaskMessageProperties properties;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;

    TaskMessageDispatcher(MessageTaskStore store, Tasks tasks, CaseQueries cases, OutboundMessages outbox, MessageTemplateCodes templates,
                          ContactHolds holds, TaskMessageProperties properties, BusinessClock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.tasks = tasks;
        this.cases = cases;
        this.outbox = outbox;
        this.templates = templates;
        this.holds = holds;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${recoup.task-messages.schedule:0 * * * * *}", zone = "${recoup.time-zone:Asia/Shanghai}")
    void scheduled() {
        runOnce();
    }

    /** One run now: every due message task, batch after batch. */
    public Report runOnce() {
        return runOnce(clock.today());
    }

    /** One run as of the business day {@code today}: tasks due on or before it. */
    public synchronized Report runOnce(LocalDate today) {
        long t0 = System.nanoTime();
        long runId = cases.currentRun().map(CaseQueries.CurrentRun::id).orElse(-1L);
        // The message templates written to the debtor: a task's template must be one of its channel's.
        List<String> channels = new ArrayList<>(), codes = new ArrayList<>();
        for (MessageTemplateCodes.TemplateCode code : templates.templateCodes().values()) {
            if (code.toTheDebtor()) {
                channels.add(code.channel().name());
                codes.add(code.code());
            }
        }
        int[] totals = new int[8];
        long[] nanos = new long[4];
        long after = 0;
        // Before any completed daily run there is no debt to speak of (and no strategy task either).
        while (!codes.isEmpty() && runId > 0) {
            long from = after;
            Batch batch = transaction.execute(s -> batch(today, from, runId, channels.toArray(String[]::new), codes.toArray(String[]::new)));
            if (batch == null || batch.tasks == 0) {
                break;
            }
            totals[0]++;
            totals[1] += batch.tasks;
            totals[2] += batch.enqueued;
            totals[3] += batch.alreadyEnqueued;
            totals[4] += batch.noContact;
            totals[5] += batch.held;
            totals[6] += batch.nothingOverdue;
            totals[7] += batch.refused;
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += batch.nanos[i];
            }
            after = batch.lastTaskId;
            if (batch.tasks < properties.batchSize()) {
                break;
            }
        }
        Report report = new Report(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7],
                (System.nanoTime() - t0) / 1_000_000, nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000, nanos[3] / 1_000_000);
        if (report.tasks() > 0) {
            log.info("Task messages for {}: {}", today, report);
        }
        return report;
    }

    private static final class Batch {
        int tasks, enqueued, alreadyEnqueued, noContact, held, nothingOverdue, refused;
        long lastTaskId;
        final long[] nanos = new long[4];
    }

    private Batch batch(LocalDate today, long after, long runId, String[] channels, String[] codes) {
        long t0 = System.nanoTime();
        List<DueTask> due = store.lockDue(today, after, properties.batchSize(), runId, channels, codes);
        Batch batch = new Batch();
        long t1 = System.nanoTime();
        batch.nanos[0] = t1 - t0;
        batch.tasks = due.size();
        if (due.isEmpty()) {
            return batch;
        }
        batch.lastTaskId = due.getLast().taskId();
        Instant now = clock.now();
        Set<Long> stopped = holds.casesUnderContactHold(due.stream().mapToLong(DueTask::caseId).distinct().sorted().toArray(), now);
        long t2 = System.nanoTime();
        batch.nanos[1] = t2 - t1;
        boolean chinese = properties.language().equals("zh-CN");
        MessageValues.Sender sender = new MessageValues.Sender(properties.senderName(), properties.lenderName(), properties.callBackNumber(),
                properties.paymentMethod());
        List<Tasks.Cancellation> cancellations = new ArrayList<>();
        List<DueTask> sending = new ArrayList<>();
        List<OutboundRequest> requests = new ArrayList<>();
        for (DueTask task : due) {
            if (stopped.contains(task.caseId())) {
                cancellations.add(new Tasks.Cancellation(task.taskId(), HELD));
                batch.held++;
            } else if (task.contactId() == null) {
                cancellations.add(new Tasks.Cancellation(task.taskId(), NO_CONTACT));
                batch.noContact++;
            } else if (task.debt() == null) {
                cancellations.add(new Tasks.Cancellation(task.taskId(), NOTHING_OVERDUE));
                batch.nothingOverdue++;
            } else {
                sending.add(task);
                Map<String, String> values = MessageValues.of(sender, task.debt(), chinese);
                requests.add(new OutboundRequest("task/" + task.taskId(), task.caseId(), Set.of(task.debt().accountId()), task.contactId(),
                        Channel.valueOf(task.type()), task.template(), null, null, properties.language(), values, REQUESTED_BY));
            }
        }
        List<OutboundMessages.EnqueueResult> results = requests.isEmpty() ? List.of() : outbox.enqueueAll(requests);
        long t3 = System.nanoTime();
        batch.nanos[2] = t3 - t2;
        List<Tasks.Completion> completions = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            OutboundMessages.EnqueueResult result = results.get(i);
            long taskId = sending.get(i).taskId();
            if (result.refused()) {
                String reason = REFUSED + ": " + result.refusal();
                cancellations.add(new Tasks.Cancellation(taskId, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
                batch.refused++;
                continue;
            }
            OutboundMessages.Enqueued enqueued = result.enqueued();
            if (enqueued.created()) {
                batch.enqueued++;
            } else {
                batch.alreadyEnqueued++;
            }
            completions.add(new Tasks.Completion(taskId, TaskOutcome.MESSAGE_SENT, note(enqueued)));
        }
        tasks.completeAll(completions, REQUESTED_BY);
        tasks.cancelAll(cancellations, REQUESTED_BY);
        batch.nanos[3] = System.nanoTime() - t3;
        return batch;
    }

    /** The outcome note: which outbox message carries the task (the outbox API and page show its fate). */
    static String note(OutboundMessages.Enqueued enqueued) {
        return "消息 " + enqueued.messageId() + " 已进入发送队列 · message " + enqueued.messageId() + " queued in the outbox"
                + (enqueued.created() ? "" : " (" + enqueued.status() + ")");
    }
}
