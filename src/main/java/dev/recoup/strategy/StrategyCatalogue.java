package dev.recoup.strategy;

import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.strategy.domain.CompiledStrategy;
import dev.recoup.strategy.domain.ConditionError;
import dev.recoup.strategy.domain.DefaultStrategy;
import dev.recoup.strategy.domain.StrategyCompiler;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.domain.StrategyDiff;
import dev.recoup.strategy.persistence.DefinitionJson;
import dev.recoup.strategy.persistence.StrategyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    /** By definition (records compare by value), not by id: ids are reused when a test database is emptied. */
    private final Map<StrategyDefinition, CompiledStrategy> compiled = new ConcurrentHashMap<>();

    public StrategyCatalogue(StrategyStore store, DefinitionJson json, BusinessClock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Every error of the definition; empty when it compiles. */
    public List<ConditionError> validate(StrategyDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("definition", null, "a strategy definition is required");
        }
        return switch (StrategyCompiler.compile(definition)) {
            case StrategyCompiler.Compiled c -> List.of();
            case StrategyCompiler.Invalid invalid -> invalid.errors();
        };
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
