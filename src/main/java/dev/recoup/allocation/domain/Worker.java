package dev.recoup.allocation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An agent or agency as allocation sees it on a day: its team's queues and requirements, its own
 * skills, regions and start date, and the room left under its capacities after the cases it keeps.
 *
 * @param requiredSkills skills the team requires of its agents (e.g. "legal")
 * @param regionMatching whether the team only takes cases whose customer lives in one of the worker's regions
 * @param regions        GB/T 2260 code prefixes: "44" a province, "4403" a city, "440305" a district
 * @param startedOn      an agent's first day; null for agencies
 * @param heldCases      open cases it keeps today
 * @param heldAmount     their overdue at assignment, fen
 * @param roomCases      how many more open cases it may take (its capacity minus what it keeps)
 * @param roomAmount     how much more overdue amount (fen) it may take
 */
public record Worker(WorkerKind kind, long id, String ref, long teamId, Set<String> queues, Set<String> requiredSkills,
                     boolean regionMatching, Set<String> skills, List<String> regions, LocalDate startedOn, int heldCases,
                     long heldAmount, int roomCases, long roomAmount) {

    public Worker {
        queues = Set.copyOf(queues);
        requiredSkills = Set.copyOf(requiredSkills);
        skills = Set.copyOf(skills);
        regions = List.copyOf(regions);
        roomCases = Math.max(0, roomCases);
        roomAmount = Math.max(0, roomAmount);
    }
}
