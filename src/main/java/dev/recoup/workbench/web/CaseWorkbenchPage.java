package dev.recoup.workbench.web;

import dev.recoup.access.AuditLog;
import dev.recoup.access.CaseScope;
import dev.recoup.access.PersonalData;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.agreements.NewPromise;
import dev.recoup.agreements.Promises;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.Tasks;
import dev.recoup.contact.AgentContacts;
import dev.recoup.contact.MessageTemplateCodes;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.RuleHit;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.ForbiddenException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import dev.recoup.shared.PageActions;
import dev.recoup.taskmessages.TaskMessageProperties;
import dev.recoup.workbench.DelinquencyCause;
import dev.recoup.workbench.Disposition;
import dev.recoup.workbench.WorkbenchProperties;
import dev.recoup.workbench.persistence.CallStore;
import dev.recoup.workbench.persistence.WorkbenchQueries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The case page of the workbench: everything about the case on one screen, and the call panel —
 * call and SMS through the contact gate, the identity check before any amount is shown in a call,
 * logging the call with its outcome and disposition (and a promise), notes.
 */
@Controller
class CaseWorkbenchPage {

    /** Outcomes an agent logs for a call (message receipts are the gateways'). */
    static final Set<Outcome> CALL_OUTCOMES = EnumSet.of(Outcome.CONVERSATION_DEBTOR, Outcome.CONVERSATION_THIRD_PARTY, Outcome.NO_ANSWER,
            Outcome.BUSY, Outcome.NOT_IN_SERVICE, Outcome.VOICEMAIL, Outcome.WRONG_NUMBER, Outcome.DROPPED);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkbenchQueries queries;
    private final CallStore calls;
    private final Viewers viewers;
    private final CaseScope scope;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final CaseFlow flow;
    private final Tasks tasks;
    private final AgentContacts contacts;
    private final ContactLedger ledger;
    private final Promises promises;
    private final WorkbenchProperties properties;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;
    private final TaskMessageProperties sender;
    private final MessageTemplateCodes templateCodes;

    CaseWorkbenchPage(WorkbenchQueries queries, CallStore calls, Viewers viewers, CaseScope scope, PersonalData personalData, AuditLog audit,
                      CaseFlow flow, Tasks tasks, AgentContacts contacts, ContactLedger ledger, Promises promises, WorkbenchProperties properties,
                      BusinessClock clock, TransactionTemplate transaction, TaskMessageProperties sender, MessageTemplateCodes templateCodes) {
        this.queries = queries;
        this.templateCodes = templateCodes;
        this.calls = calls;
        this.viewers = viewers;
        this.scope = scope;
        this.personalData = personalData;
        this.audit = audit;
        this.flow = flow;
        this.tasks = tasks;
        this.contacts = contacts;
        this.ledger = ledger;
        this.promises = promises;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
        this.sender = sender;
    }

    // Case scope (403 out of scope, 404 for no such case) and the audit of this read and of every change are applied by
    // access's ScopeAndAuditInterceptor to /cases/{id}/**; /calls/{id}/** are checked here (ownCall). The audit entries
    // below record what the interceptor cannot know (allowed or refused, verified or not).
    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Viewer viewer = viewers.current();
        Map<String, Object> header = queries.caseHeader(id);
        long customerId = ((Number) header.get("customer_pk")).longValue();
        header.put("id_number", personalData.idNumber(viewer, (String) header.get("id_number")));
        List<Map<String, Object>> people = queries.contacts(customerId);
        people.forEach(c -> c.put("phone", personalData.phone(viewer, (String) c.get("phone"))));
        model.addAttribute("detail", header);
        model.addAttribute("people", people);
        model.addAttribute("accounts", queries.accounts(customerId));
        model.addAttribute("repayments", queries.lastRepayments(customerId));
        model.addAttribute("history", queries.contactHistory(id, 20));
        model.addAttribute("promises", queries.promises(id));
        model.addAttribute("plans", queries.plans(id));
        model.addAttribute("waivers", queries.waivers(id));
        model.addAttribute("documents", queries.documents(id));
        model.addAttribute("notes", calls.notes(id));
        model.addAttribute("flow", flow.flowOf(id));
        model.addAttribute("tasks", tasks.ofCase(id));
        model.addAttribute("stats", tasks.stats(id));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("outcomes", TaskOutcome.values());
        model.addAttribute("zone", clock.zone());
        model.addAttribute("today", clock.today());
        calls.open(viewer.username(), id).ifPresent(call -> {
            model.addAttribute("call", call);
            model.addAttribute("callee", people.stream().filter(p -> ((Number) p.get("id")).longValue() == call.contactId()).findFirst().orElse(null));
        });
        model.addAttribute("callOutcomes", CALL_OUTCOMES);
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("causes", DelinquencyCause.values());
        // The SMS the agent may choose: the debtor's row offers the templates written to the debtor (the configured
        // reminder first chosen); anyone else's row the third-party call-back request first.
        List<MessageTemplateCodes.TemplateCode> sms = templateCodes.templateCodes().values().stream()
                .filter(t -> t.channel() == Channel.SMS && t.inUse())
                .sorted(java.util.Comparator.comparing(MessageTemplateCodes.TemplateCode::toTheDebtor).thenComparing(MessageTemplateCodes.TemplateCode::code))
                .toList();
        model.addAttribute("smsTemplates", sms);
        model.addAttribute("smsForDebtor", properties.smsTemplate());
        boolean chinese = !"en".equals(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("talkTracks", properties.talkTracks().stream()
                .map(t -> Map.of("code", t.code(), "objection", t.objection(chinese), "answer", t.answer(chinese))).toList());
        return "case";
    }

    @PostMapping("/cases/{id}/calls")
    String call(@PathVariable long id, @RequestParam(required = false) Long contactId, RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        if (contactId == null) {
            redirect.addFlashAttribute("error", "contactId: choose whom to call");
            return "redirect:/cases/" + id;
        }
        AgentContacts.Started started = transaction.execute(status -> {
            AgentContacts.Started s = contacts.call(id, contactId, viewer.username());
            if (s.allowed()) {
                calls.start(id, contactId, s.id(), viewer.username(), clock.now());
            }
            return s;
        });
        audit.record(viewer, started.allowed() ? "CALL_STARTED" : "CALL_REFUSED", "case", String.valueOf(id), "contact " + contactId);
        if (!started.allowed()) {
            redirect.addFlashAttribute("refusal", refusal("call", started.decision()));
        }
        return "redirect:/cases/" + id + "#call";
    }

    /** Texts a contact from the template the agent chose (the configured reminder when none is given). */
    @PostMapping("/cases/{id}/sms")
    String sms(@PathVariable long id, @RequestParam(required = false) Long contactId, @RequestParam(required = false) String templateCode,
               RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        if (contactId == null) {
            redirect.addFlashAttribute("error", "contactId: choose whom to send the SMS to");
            return "redirect:/cases/" + id;
        }
        Locale locale = LocaleContextHolder.getLocale();
        boolean chinese = !"en".equals(locale.getLanguage());
        try {
            String template = templateCode == null || templateCode.isBlank() ? properties.smsTemplate() : templateCode.strip();
            AgentContacts.Started started = contacts.sms(id, contactId, template, chinese ? "zh-CN" : "en", viewer.username(),
                    SmsValues.of(sender, queries.accounts(queries.customerOf(id)), queries.promises(id),
                            chinese));
            audit.record(viewer, started.allowed() ? "SMS_QUEUED" : "SMS_REFUSED", "case", String.valueOf(id), "contact " + contactId + " " + template);
            if (started.allowed()) {
                redirect.addFlashAttribute("done", "workbench.sms.queued");
            } else {
                redirect.addFlashAttribute("refusal", refusal("sms", started.decision()));
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** The identity check: the person on the line gives the customer's name and the last four characters of the ID number. */
    @PostMapping("/calls/{callId}/verify")
    String verify(@PathVariable long callId, @RequestParam(required = false) String name, @RequestParam(required = false) String idLast4,
                  RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        CallStore.Call call = ownCall(viewer, callId);
        Map<String, Object> header = queries.caseHeader(call.caseId());
        String rawId = (String) header.get("id_number");
        boolean nameMatches = name != null && name.strip().equals(header.get("customer_name"));
        boolean idMatches = idLast4 != null && rawId != null && rawId.length() >= 4
                && idLast4.strip().equalsIgnoreCase(rawId.substring(rawId.length() - 4));
        if (nameMatches && idMatches) {
            calls.verified(callId, clock.now());
            audit.record(viewer, "IDENTITY_VERIFIED", "case", String.valueOf(call.caseId()), "call " + callId);
            redirect.addFlashAttribute("done", "workbench.verify.done");
        } else {
            calls.failedVerification(callId);
            audit.record(viewer, "IDENTITY_NOT_VERIFIED", "case", String.valueOf(call.caseId()), "call " + callId);
            redirect.addFlashAttribute("error", LocaleContextHolder.getLocale().getLanguage().equals("en")
                    ? "The name or the last four characters of the ID number do not match: no debt detail may be given."
                    : "姓名或身份证号后四位不符：不得透露任何债务信息。");
        }
        return "redirect:/cases/" + call.caseId() + "#call";
    }

    /** Logs the call: the ledger outcome, the disposition, the cause of delinquency, a note, and with PROMISE_TO_PAY the promise. */
    @PostMapping("/calls/{callId}/log")
    String log(@PathVariable long callId, @RequestParam(required = false) String outcome, @RequestParam(required = false) String disposition,
               @RequestParam(required = false) String cause, @RequestParam(required = false) String note, @RequestParam(required = false) String promiseAmount,
               @RequestParam(required = false) String promiseOn, RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        CallStore.Call call = ownCall(viewer, callId);
        try {
            transaction.executeWithoutResult(status -> {
                Outcome o = CALL_OUTCOMES.stream().filter(x -> x.name().equals(outcome)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("outcome", outcome, "choose how the call went: " + CALL_OUTCOMES));
                Disposition d = disposition == null || disposition.isBlank() ? (o.conversation() ? null : Disposition.NOT_REACHED)
                        : java.util.Arrays.stream(Disposition.values()).filter(x -> x.name().equals(disposition)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("disposition", disposition, "not a disposition code"));
                if (d == null) {
                    throw new InvalidInputException("disposition", null, "say where the conversation went (a disposition code)");
                }
                if (d.needsConversation() && !o.conversation()) {
                    throw new InvalidInputException("disposition", d.name(), "only after a conversation (the outcome is " + o + ")");
                }
                DelinquencyCause c = cause == null || cause.isBlank() ? null
                        : java.util.Arrays.stream(DelinquencyCause.values()).filter(x -> x.name().equals(cause)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("cause", cause, "not a cause of delinquency code"));
                if (c != null && (!call.verified() || o != Outcome.CONVERSATION_DEBTOR)) {
                    throw new InvalidInputException("cause", c.name(), "the cause is the debtor's own account, taken after the identity check");
                }
                Long promiseId = null;
                if (d == Disposition.PROMISE_TO_PAY) {
                    if (!call.verified() || o != Outcome.CONVERSATION_DEBTOR) {
                        throw new InvalidInputException("disposition", d.name(), "a promise is taken from the debtor, after the identity check");
                    }
                    promiseId = promises.record(call.caseId(), new NewPromise(date("promiseOn", promiseOn), fen("promiseAmount", promiseAmount),
                            "PHONE", null, List.of(), note), viewer.username()).id();
                }
                ledger.outcome(call.attemptId(), o, clock.now());
                calls.end(callId, o.name(), d.name(), c == null ? null : c.name(), note == null || note.isBlank() ? null : note.strip(), promiseId, clock.now());
                if (note != null && !note.isBlank()) {
                    calls.addNote(call.caseId(), note, viewer.username(), clock.now());
                }
            });
            audit.record(viewer, "CALL_LOGGED", "case", String.valueOf(call.caseId()),
                    "call " + callId + " " + outcome + " " + disposition + (cause == null || cause.isBlank() ? "" : " " + cause));
            redirect.addFlashAttribute("done", "workbench.call.logged");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + call.caseId();
    }

    @PostMapping("/cases/{id}/notes")
    String note(@PathVariable long id, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        PageActions.attempt(redirect, "workbench.note.added", () -> calls.addNote(id, body, viewer.username(), clock.now()));
        return "redirect:/cases/" + id + "#notes";
    }

    private CallStore.Call ownCall(Viewer viewer, long callId) {
        CallStore.Call call = calls.find(callId).orElseThrow(() -> new NotFoundException("call", callId));
        if (!call.agent().equals(viewer.username())) {
            throw new ForbiddenException("Call " + callId + " is another user's");
        }
        scope.requireCase(viewer, call.caseId());
        return call;
    }

    /** A gate refusal as the page shows it: each rule's reason in the page's language, and the next allowed time. */
    private Map<String, Object> refusal(String what, Decision decision) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("what", what);
        view.put("reasons", decision.hits().stream().map(h -> h.ruleId() + ": " + reason(h, locale)).toList());
        view.put("nextAllowedAt", decision.nextAllowedAt() == null ? null : MINUTE.format(decision.nextAllowedAt().atZone(clock.zone())));
        return view;
    }

    private static String reason(RuleHit hit, Locale locale) {
        return "en".equals(locale.getLanguage()) ? hit.reasonEn() : hit.reasonZh();
    }

    private static long fen(String field, String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new InvalidInputException(field, yuan, "an amount in yuan is required, e.g. 1234.56");
        }
        try {
            return MinorUnits.parse(yuan.strip().replace(",", ""), 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, yuan, e.getMessage());
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, text, "a date as YYYY-MM-DD is required");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, text, "a date as YYYY-MM-DD");
        }
    }
}
