package dev.recoup.strategy;

import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.strategy.domain.ArmAssignment;
import dev.recoup.strategy.domain.RatioDifference;
import dev.recoup.strategy.persistence.ExperimentStore;
import dev.recoup.strategy.persistence.PromiseOutcomes;
import dev.recoup.strategy.persistence.TaskOutcomes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Champion/challenger experiments (R6): start, stop, and the report per arm. */
@Service
public class Experiments {

    private static final Pattern ARM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    static final String METHOD = "Recovery rate of an arm = Σ recovered ÷ Σ overdue at entry over its cases (a ratio estimator). "
            + "Its variance by the delta method: with d = recovered − rate × overdue per case, Var = s²(d) ÷ (n × mean overdue²). "
            + "Difference of two arms = challenger rate − champion rate (the first arm); standard error = √(Var₁ + Var₂); "
            + "95% interval = difference ± 1.96 standard errors (normal approximation, arms independent by random assignment). "
            + "Significant when the interval excludes 0.";

    private final ExperimentStore store;
    private final StrategyCatalogue catalogue;
    private final TaskOutcomes tasks;
    private final PromiseOutcomes promiseOutcomes;
    private final BusinessClock clock;

    public Experiments(ExperimentStore store, StrategyCatalogue catalogue, TaskOutcomes tasks, PromiseOutcomes promiseOutcomes, BusinessClock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.promiseOutcomes = promiseOutcomes;
        this.clock = clock;
    }

    public record ArmRequest(String code, Long strategyVersionId, Integer percent) {
    }

    /** Starts an experiment; from the next daily run on, open cases are split among its arms. */
    @Transactional
    public Experiment start(String name, Long seed, List<ArmRequest> arms, String by) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", name, "an experiment needs a name");
        }
        if (arms == null || arms.size() < 2) {
            throw new InvalidInputException("arms", String.valueOf(arms == null ? 0 : arms.size()),
                    "an experiment needs at least two arms (champion and challenger)");
        }
        List<Experiment.Arm> checked = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int total = 0;
        for (int i = 0; i < arms.size(); i++) {
            ArmRequest arm = arms.get(i);
            String field = "arms[" + i + "]";
            if (arm.code() == null || !ARM_CODE.matcher(arm.code()).matches()) {
                throw new InvalidInputException(field + ".code", arm.code(), "an arm code is 1–20 letters, digits, '-' or '_'");
            }
            if (!codes.add(arm.code())) {
                throw new InvalidInputException(field + ".code", arm.code(), "arm codes must differ");
            }
            if (arm.percent() == null || arm.percent() <= 0 || arm.percent() > 100) {
                throw new InvalidInputException(field + ".percent", String.valueOf(arm.percent()), "a percent is a whole number from 1 to 100");
            }
            if (arm.strategyVersionId() == null) {
                throw new InvalidInputException(field + ".strategyVersionId", null, "each arm names the strategy version it applies");
            }
            StrategyVersion version;
            try {
                version = catalogue.version(arm.strategyVersionId());
            } catch (NotFoundException e) {
                throw new InvalidInputException(field + ".strategyVersionId", String.valueOf(arm.strategyVersionId()), "no such strategy version");
            }
            total += arm.percent();
            checked.add(new Experiment.Arm(arm.code(), version.id(), version.strategyCode(), version.version(), arm.percent()));
        }
        if (total != 100) {
            throw new InvalidInputException("arms.percent", String.valueOf(total), "the arms' percentages must add up to 100, not " + total);
        }
        if (store.running().isPresent()) {
            throw new ConflictException("Experiment " + store.running().get().name() + " is running; stop it before starting another.");
        }
        long id = store.create(name.strip(), seed != null ? seed : ArmAssignment.hash(clock.now().toEpochMilli(), name.hashCode()),
                clock.today(), by, clock.now(), checked);
        return find(id);
    }

    @Transactional
    public Experiment stop(long id) {
        Experiment experiment = find(id);
        if (!store.stop(id, clock.today())) {
            throw new ConflictException("Experiment " + experiment.name() + " is not running.");
        }
        return find(id);
    }

    public Experiment find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    public List<Experiment> list() {
        return store.list();
    }

    public java.util.Optional<Experiment> running() {
        return store.running();
    }

    public ExperimentReport report(long id) {
        Experiment experiment = find(id);
        Map<String, ExperimentStore.ArmOutcome> outcomes = store.outcomes(id);
        TaskOutcomes.Contacts contacts = tasks.contactsMade(id, experiment.stoppedOn());
        PromiseOutcomes.Promises promises = promiseOutcomes.promises(id, experiment.stoppedOn());
        List<ExperimentReport.ArmResult> arms = new ArrayList<>();
        for (Experiment.Arm arm : experiment.arms()) {
            ExperimentStore.ArmOutcome o = outcomes.getOrDefault(arm.code(),
                    new ExperimentStore.ArmOutcome(arm.code(), 0, 0, 0, new RatioDifference.ArmSums(0, 0, 0, 0, 0, 0)));
            double variance = o.sums().rateVariance();
            PromiseOutcomes.Counts promised = promises.byArm().getOrDefault(arm.code(), new PromiseOutcomes.Counts(0, 0));
            arms.add(new ExperimentReport.ArmResult(arm.code(), arm.strategyVersionId(), arm.strategyCode(), arm.version(), arm.percent(),
                    o.cases(), o.overdueAtEntry(), o.recovered(), o.sums().rate(), Double.isNaN(variance) ? null : Math.sqrt(variance),
                    contacts.byArm().getOrDefault(arm.code(), 0L), promised.made(), promised.kept()));
        }
        List<ExperimentReport.Comparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ExperimentStore.ArmOutcome baseline = outcomes.get(experiment.arms().getFirst().code());
        for (Experiment.Arm arm : experiment.arms().subList(1, experiment.arms().size())) {
            ExperimentStore.ArmOutcome challenger = outcomes.get(arm.code());
            if (baseline == null || challenger == null) {
                notes.add("No comparison of " + arm.code() + " with " + experiment.arms().getFirst().code()
                        + " yet: both arms need cases (cases join arms at the daily runs after the experiment starts).");
                continue;
            }
            RatioDifference.Interval ci = RatioDifference.between(baseline.sums(), challenger.sums());
            boolean known = !Double.isNaN(ci.standardError());
            comparisons.add(new ExperimentReport.Comparison(baseline.arm(), arm.code(), ci.difference(), known ? ci.standardError() : null,
                    known ? ci.lower() : null, known ? ci.upper() : null, known && (ci.lower() > 0 || ci.upper() < 0)));
        }
        notes.add(contacts.note());
        notes.add(promises.note());
        notes.add("Recovered counts payments after the day a case entered its arm"
                + (experiment.stoppedOn() == null ? "" : ", up to the day the experiment stopped (" + experiment.stoppedOn() + ")") + ".");
        return new ExperimentReport(experiment.id(), experiment.name(), experiment.status(), experiment.startedOn(), experiment.stoppedOn(),
                arms, comparisons, METHOD, notes);
    }
}
