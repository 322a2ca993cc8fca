package dev.recoup.allocation;

import dev.recoup.allocation.persistence.AllocationStore;
import dev.recoup.allocation.persistence.ReassignmentStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A team lead or manager moves chosen cases to another agent of the same team, or back to the pool
 * (the next allocation deals them again). The old assignment ends as REALLOCATED with what was
 * recovered while it lasted; the new one (method MANUAL) starts today, so the new agent's queue shows
 * the case at once. Every move is kept with who and why (case_reassignment). Agency placements are
 * not moved here: they are recalled by the allocation.
 */
@Service
public class CaseReassignments {

    /** One request moves at most this many cases (a page selection, not a bulk job). */
    public static final int MAX_CASES = 2_000;

    private final ReassignmentStore store;
    private final AllocationStore allocation;
    private final AllocationProperties properties;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;

    CaseReassignments(ReassignmentStore store, AllocationStore allocation, AllocationProperties properties, TransactionTemplate transaction,
                      BusinessClock clock) {
        this.store = store;
        this.allocation = allocation;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param toAgentId      the agent to give the cases to; null puts them back in the pool
     * @param allowedTeamIds the teams the person may move cases of (a team lead's); null for any team
     * @return how many cases moved (cases the agent holds already are left as they are)
     * @throws InvalidInputException for no cases, too many, a blank reason, an unknown or inactive agent, a case
     *                               without a current agent assignment, or one in another team
     * @throws ConflictException     while an allocation is running
     */
    public Moved reassign(List<Long> caseIds, Long toAgentId, String reason, String by, Set<Long> allowedTeamIds) {
        if (caseIds == null || caseIds.isEmpty()) {
            throw new InvalidInputException("caseIds", "", "choose at least one case");
        }
        long[] ids = caseIds.stream().mapToLong(Long::longValue).distinct().toArray();
        if (ids.length > MAX_CASES) {
            throw new InvalidInputException("caseIds", String.valueOf(ids.length), "at most " + MAX_CASES + " cases at once");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException("reason", reason, "a reason (at most 500 characters) is required");
        }
        return transaction.execute(status -> {
            ReassignmentStore.Target target = null;
            if (toAgentId != null) {
                target = store.agent(toAgentId).filter(ReassignmentStore.Target::active).orElseThrow(() ->
                        new InvalidInputException("agentId", String.valueOf(toAgentId), "no active agent has this id"));
                if (allowedTeamIds != null && !allowedTeamIds.contains(target.teamId())) {
                    throw new InvalidInputException("agentId", String.valueOf(toAgentId), "the agent is not in one of your teams");
                }
            }
            if (!allocation.lock(false)) {
                throw new ConflictException("An allocation is running; try again in a minute");
            }
            List<ReassignmentStore.Held> held = store.current(ids);
            Set<Long> found = held.stream().map(ReassignmentStore.Held::caseId).collect(Collectors.toSet());
            Set<Long> missing = Arrays.stream(ids).filter(id -> !found.contains(id)).boxed().collect(Collectors.toCollection(TreeSet::new));
            if (!missing.isEmpty()) {
                throw new InvalidInputException("caseIds", abbreviate(missing), "these cases have no current assignment");
            }
            for (ReassignmentStore.Held h : held) {
                if (h.agentId() == null) {
                    throw new InvalidInputException("caseIds", String.valueOf(h.caseId()), "the case is placed with an agency; recall it instead");
                }
                if (allowedTeamIds != null && !allowedTeamIds.contains(h.teamId())) {
                    throw new InvalidInputException("caseIds", String.valueOf(h.caseId()), "the case is not in one of your teams");
                }
                if (target != null && target.teamId() != h.teamId()) {
                    throw new InvalidInputException("agentId", String.valueOf(toAgentId),
                            "case " + h.caseId() + " belongs to another team: cases move within their team");
                }
            }
            long[] moving = held.stream().filter(h -> toAgentId == null || !toAgentId.equals(h.agentId()))
                    .mapToLong(ReassignmentStore.Held::assignmentId).toArray();
            int moved = moving.length == 0 ? 0
                    : store.move(moving, toAgentId, clock.today(), properties.reallocationCycleDays(), by, why, clock.now());
            return new Moved(moved, held.size() - moving.length);
        });
    }

    /** @param unchanged cases the chosen agent held already */
    public record Moved(int moved, int unchanged) {
    }

    private static String abbreviate(Set<Long> ids) {
        String all = ids.stream().limit(10).map(String::valueOf).collect(Collectors.joining(","));
        return ids.size() > 10 ? all + ",…" : all;
    }
}
