package dev.recoup.strategy;

import dev.recoup.contact.MessageTemplateCodes;
import dev.recoup.contact.domain.Channel;
import dev.recoup.documents.Documents;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.strategy.domain.CompiledStrategy;
import dev.recoup.strategy.domain.ConditionError;
import dev.recoup.strategy.domain.DefaultStrategy;
import dev.recoup.strategy.domain.StepType;
import dev.recoup.strategy.domain.StrategyCompiler;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.domain.StrategyDiff;
import dev.recoup.strategy.persistence.DefinitionJson;
import dev.recoup.strategy.persistence.StrategyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Strategies as versioned data (R6): saving a version (validated: every condition compiled),
 * reading, comparing two versions, activating one, rolling back. Versions never change once saved;
 * their compiled form is cached by version id.
 */
@Service
public class StrategyCatalogue {

    private static final Logger log = LoggerFactory.getLogger(StrategyCatalogue.class);
    public static final String DEFAULT_CODE = "default";
    public static final String SYSTEM = "system";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    /** Words the API uses beside strategy codes under /api/v1/strategies/. */
    private static final Set<String> RESERVED = Set.of("validate", "rollback", "active", "activations");

    private final StrategyStore store;
    private final DefinitionJson json;
    private final BusinessClock clock;
    private final MessageTemplateCodes templates;
    /** By definition (records compare by value), not by id: ids are reused when a test database is emptied. */
    private final Map<StrategyDefinition, CompiledStrategy> compiled = new ConcurrentHashMap<>();

    public StrategyCatalogue(StrategyStore store, DefinitionJson json, BusinessClock clock, MessageTemplateCodes templates) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.templates = templates;
    }

    /** Every error of the definition; empty when it compiles. */
    public List<ConditionError> validate(StrategyDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", null, "a strategy definition is required");
        }
        List<ConditionError> errors = new ArrayList<>(switch (StrategyCompiler.compile(definition)) {
            case StrategyCompiler.Compiled c -> List.<ConditionError>of();
            case StrategyCompiler.Invalid invalid -> invalid.errors();
        });
        errors.addAll(templateErrors(definition));
        return List.copyOf(errors);
    }

    /** The documents module's kinds a LETTER or LAWYER_LETTER step may name: legal documents people prepare (issue 5). */
    static final Set<String> DOCUMENT_KINDS = Arrays.stream(Documents.Kind.values()).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The templates the steps name, against the templates in the database: an SMS or e-mail step
     * names a message template of its channel written to the debtor (the task's message is made from
     * it and sent by the outbox); a letter step names a letter template (sent by the outbox) or a
     * document kind (prepared and posted by people); a lawyer's letter step names nothing or a
     * document kind. Other steps' templates are talk tracks for people and robots, not checked.
     */
    private List<ConditionError> templateErrors(StrategyDefinition definition) {
        List<StrategyDefinition.Segment> segments = definition.segments() == null ? List.of() : definition.segments();
        Map<String, MessageTemplateCodes.TemplateCode> codes = null;
        List<ConditionError> errors = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            StrategyDefinition.Segment segment = segments.get(s);
            List<StrategyDefinition.Step> steps = segment == null || segment.steps() == null ? List.of() : segment.steps();
            for (int i = 0; i < steps.size(); i++) {
                StrategyDefinition.Step step = steps.get(i);
                if (step == null || step.type() == null) {
                    continue;
                }
                Channel channel = switch (step.type()) {
                    case SMS -> Channel.SMS;
                    case EMAIL -> Channel.EMAIL;
                    case LETTER -> Channel.LETTER;
                    default -> null;
                };
                if (channel == null && step.type() != StepType.LAWYER_LETTER) {
                    continue;
                }
                if (codes == null) {
                    codes = templates.templateCodes();
                }
                String problem = templateProblem(step.type(), channel, step.template() == null ? null : step.template().strip(), codes);
                if (problem != null) {
                    errors.add(new ConditionError(segment.code(), step.key(), null, 0, 0, problem, "segments[" + s + "].steps[" + i + "].template"));
                }
            }
        }
        return errors;
    }

    private static String templateProblem(StepType type, Channel channel, String template, Map<String, MessageTemplateCodes.TemplateCode> codes) {
        boolean blank = template == null || template.isEmpty();
        if (type == StepType.LAWYER_LETTER) {
            return blank || DOCUMENT_KINDS.contains(template) ? null
                    : "template '" + template + "' is not a document kind; a lawyer's letter step names one of " + sorted(DOCUMENT_KINDS) + " or none";
        }
        String examples = codes.values().stream().filter(c -> c.channel() == channel && c.toTheDebtor()).map(MessageTemplateCodes.TemplateCode::code)
                .sorted().limit(8).toList().toString();
        String documents = type == StepType.LETTER ? ", or a document kind people prepare " + sorted(DOCUMENT_KINDS) : "";
        if (blank) {
            return a(type) + " step needs a template: " + a(channel) + " template the outbox sends, one of " + examples + documents;
        }
        if (type == StepType.LETTER && DOCUMENT_KINDS.contains(template)) {
            return null;
        }
        MessageTemplateCodes.TemplateCode code = codes.get(template);
        if (code == null) {
            return "template '" + template + "' does not exist; " + a(type) + " step names " + a(channel) + " template, one of " + examples + documents;
        }
        if (code.channel() != channel) {
            return "template '" + template + "' is " + a(code.channel()) + " template; " + a(type) + " step needs " + a(channel) + " template, one of "
                    + examples + documents;
        }
        if (!code.toTheDebtor()) {
            return "template '" + template + "' is written to third parties; " + a(type) + " step writes to the debtor: one of " + examples;
        }
        return null;
    }

    /** "an SMS", "an EMAIL", "a LETTER". */
    private static String a(Enum<?> code) {
        return (code.name().startsWith("S") || code.name().startsWith("E") ? "an " : "a ") + code.name();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A new strategy with its first version (DRAFT). */
    @Transactional
    public StrategyVersion create(String code, String name, StrategyDefinition definition, String note, String by) {
        if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code)) {
            throw new InvalidInputException("code", code, "a strategy code is 1–40 characters a-z, 0-9, '-' or '_', starting with a letter"
                    + " or digit, and not one of " + RESERVED);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", name, "a strategy needs a name");
        }
        refuseInvalid(definition);
        if (store.strategy(code).isPresent()) {
            throw new ConflictException("A strategy with code " + code + " exists; add a version to it instead.");
        }
        long id = store.createStrategy(code, name.strip(), by, clock.now());
        return store.insertVersion(id, json.write(definition), by, clock.now(), note);
    }

    /** The next version of a strategy (DRAFT); activating it is a separate decision. */
    @Transactional
    public StrategyVersion addVersion(String code, StrategyDefinition definition, String note, String by) {
        refuseInvalid(definition);
        StrategyStore.StrategyRow strategy = store.strategyForUpdate(code).orElseThrow(() -> new NotFoundException("strategy", code));
        return store.insertVersion(strategy.id(), json.write(definition), by, clock.now(), note);
    }

    public List<StrategySummary> list() {
        return store.strategies().stream().map(s -> new StrategySummary(s.id(), s.code(), s.name(), s.createdBy(), s.createdAt(),
                store.versions(s.id()).stream().map(StrategyVersion::summary).toList())).toList();
    }

    public StrategySummary strategy(String code) {
        StrategyStore.StrategyRow s = store.strategy(code).orElseThrow(() -> new NotFoundException("strategy", code));
        return new StrategySummary(s.id(), s.code(), s.name(), s.createdBy(), s.createdAt(),
                store.versions(s.id()).stream().map(StrategyVersion::summary).toList());
    }

    public StrategyVersion version(String code, int version) {
        return store.version(code, version).orElseThrow(() -> new NotFoundException("strategy version", code + " v" + version));
    }

    public StrategyVersion version(long id) {
        return store.version(id).orElseThrow(() -> new NotFoundException("strategy version", id));
    }

    public java.util.Optional<StrategyVersion> active() {
        return store.active();
    }

    public List<Activation> activations(int limit) {
        return store.activations(limit);
    }

    public StrategyDiff diff(String code, int from, int to) {
        return StrategyDiff.between(version(code, from).definition(), version(code, to).definition());
    }

    /** Makes the version the one the daily run applies (outside experiments), from the next run on. */
    @Transactional
    public Activation activate(String code, int version, String by, String note) {
        StrategyVersion target = version(code, version);
        store.lockActivations();
        Activation current = store.currentActivation().orElse(null);
        if (current != null && current.strategyVersionId() == target.id() && "ACTIVE".equals(target.status())) {
            throw new ConflictException(code + " v" + version + " is already the active version.");
        }
        Activation done = store.activate(target.id(), "ACTIVATE", current == null ? null : current.id(), by, clock.now(), note);
        log.info("Strategy {} v{} activated by {}", code, version, by);
        return done;
    }

    /**
     * Re-activates the version that was active before the current one, recorded as a ROLLBACK;
     * a second rollback goes one step further back.
     */
    @Transactional
    public Activation rollback(String by, String note) {
        store.lockActivations();
        Activation current = store.currentActivation()
                .orElseThrow(() -> new ConflictException("No strategy has been activated yet: nothing to roll back."));
        if (current.previousActivationId() == null) {
            throw new ConflictException(current.strategyCode() + " v" + current.version()
                    + " is the first version ever activated: there is nothing before it to roll back to.");
        }
        Activation previous = store.activation(current.previousActivationId()).orElseThrow();
        Activation done = store.activate(previous.strategyVersionId(), "ROLLBACK", previous.previousActivationId(), by, clock.now(),
                note == null ? "rolled back from " + current.strategyCode() + " v" + current.version() : note);
        log.info("Strategy rolled back from {} v{} to {} v{} by {}", current.strategyCode(), current.version(), done.strategyCode(),
                done.version(), by);
        return done;
    }

    /**
     * The active version; on a system where none was ever activated, installs the default strategy
     * (the seeds) as the active version, created by "system", so a fresh Recoup works at once.
     */
    @Transactional
    public StrategyVersion ensureActive() {
        return store.active().orElseGet(() -> {
            store.lockActivations();
            return store.active().orElseGet(this::installDefault);
        });
    }

    private StrategyVersion installDefault() {
        StrategyDefinition definition = DefaultStrategy.definition();
        long strategyId = store.strategy(DEFAULT_CODE).map(StrategyStore.StrategyRow::id)
                .orElseGet(() -> store.createStrategy(DEFAULT_CODE, definition.name(), SYSTEM, clock.now()));
        StrategyVersion installed = store.insertVersion(strategyId, json.write(definition), SYSTEM, clock.now(),
                "default strategy from the seeds, installed on first use");
        store.activate(installed.id(), "INSTALL", store.currentActivation().map(Activation::id).orElse(null), SYSTEM, clock.now(), null);
        log.info("No active strategy: installed the default strategy as {} v{}", installed.strategyCode(), installed.version());
        return store.version(installed.id()).orElseThrow();
    }

    /** The compiled form of a saved version (compiled once per process and definition). */
    public CompiledStrategy compiled(StrategyVersion version) {
        return compiled.computeIfAbsent(version.definition(), definition -> switch (StrategyCompiler.compile(definition)) {
            case StrategyCompiler.Compiled c -> c.strategy();
            case StrategyCompiler.Invalid invalid -> throw new IllegalStateException(
                    "Saved version " + version.strategyCode() + " v" + version.version() + " no longer compiles: " + invalid.errors());
        });
    }

    private void refuseInvalid(StrategyDefinition definition) {
        List<ConditionError> errors = validate(definition);
        if (!errors.isEmpty()) {
            throw new InvalidStrategyException(errors);
        }
    }
}
