package dev.recoup.allocation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reallocationCycleDays a case stays with its agent this many days, then it is reviewed (reallocated)
 * @param newAgentDays          an agent who started fewer days ago than this gets only T1 cases (seed 000: two weeks)
 * @param dailyMethod           the method the daily run allocates with
 * @param optimiser             solver settings, see {@link Optimiser}
 * @param model                 prior strengths of the propensity and effectiveness models, see {@link Model}
 */
@ConfigurationProperties("recoup.allocation")
public record AllocationProperties(int reallocationCycleDays, int newAgentDays, AllocationMethod dailyMethod, Optimiser optimiser,
                                   Model model) {

    public AllocationProperties {
        reallocationCycleDays = reallocationCycleDays <= 0 ? 30 : reallocationCycleDays;
        newAgentDays = newAgentDays <= 0 ? 14 : newAgentDays;
        dailyMethod = dailyMethod == null ? AllocationMethod.OPTIMISED : dailyMethod;
        optimiser = optimiser == null ? new Optimiser(0, 0, 0, 0) : optimiser;
        model = model == null ? new Model(0, 0) : model;
    }

    /**
     * @param maxArcs          the flow and LP are built over bands of similar cases so that they have at most about this many arcs
     * @param exactBelowEdges  instances with at most this many case–worker edges are finished by an exact integer program (CP-SAT)
     * @param exactSeconds     time limit of that exact solve
     * @param boundIterations  subgradient steps that tighten the LP upper bound
     */
    public record Optimiser(int maxArcs, int exactBelowEdges, double exactSeconds, int boundIterations) {

        public Optimiser {
            maxArcs = maxArcs <= 0 ? 50_000 : maxArcs;
            exactBelowEdges = exactBelowEdges <= 0 ? 5_000 : exactBelowEdges;
            exactSeconds = exactSeconds <= 0 ? 1.0 : exactSeconds;
            boundIterations = boundIterations <= 0 ? 60 : boundIterations;
        }
    }

    /**
     * @param propensityPriorStrength     pseudo-observations of the Beta prior of a bucket × tier cell (toward its bucket)
     * @param effectivenessPriorStrength  pseudo-assignments of the Beta prior of a worker × segment (toward the team's mean)
     */
    public record Model(double propensityPriorStrength, double effectivenessPriorStrength) {

        public Model {
            propensityPriorStrength = propensityPriorStrength <= 0 ? 50 : propensityPriorStrength;
            effectivenessPriorStrength = effectivenessPriorStrength <= 0 ? 20 : effectivenessPriorStrength;
        }
    }
}
