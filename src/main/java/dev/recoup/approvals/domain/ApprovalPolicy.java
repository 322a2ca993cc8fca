package dev.recoup.approvals.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many levels a request needs (R16, R17): every request needs the first level; each further
 * level is needed when the amount exceeds that level's threshold for the request's kind (e.g.
 * waivers above 2,000 yuan need the team lead and then the manager). A request that forgives
 * principal (a settlement) needs at least {@code principalMinLevels} levels whatever its amount.
 *
 * @param levels             the levels in order, the first being number 1
 * @param thresholdsFen      per kind, the amount above which level 2, 3, … is needed (ascending); kinds not
 *                           listed are unknown
 * @param principalMinLevels levels a request touching principal needs at least (0: principal is never allowed)
 */
public record ApprovalPolicy(List<ApprovalLevel> levels, Map<String, List<Long>> thresholdsFen, int principalMinLevels) {

    public ApprovalPolicy {
        levels = List.copyOf(levels);
        thresholdsFen = Map.copyOf(thresholdsFen);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one approval level is needed");
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).number() != i + 1) {
                throw new IllegalArgumentException("approval levels are numbered 1, 2, … in order");
            }
        }
        for (Map.Entry<String, List<Long>> kind : thresholdsFen.entrySet()) {
            if (kind.getValue().size() > levels.size() - 1) {
                throw new IllegalArgumentException(kind.getKey() + " has " + kind.getValue().size() + " thresholds but there are only "
                        + levels.size() + " levels");
            }
        }
    }

    public Set<String> kinds() {
        return new TreeSet<>(thresholdsFen.keySet());
    }

    /**
     * The number of levels a request of this kind and amount needs.
     *
     * @throws InvalidInputException for an unknown kind, a negative amount, or principal no level may forgive
     */
    public int levelsFor(String kind, long amountFen, boolean touchesPrincipal) {
        List<Long> limits = kind == null ? null : thresholdsFen.get(kind);
        if (limits == null) {
            throw new InvalidInputException("kind", kind, "kind must be one of " + kinds());
        }
        if (amountFen < 0) {
            throw new InvalidInputException("amountFen", String.valueOf(amountFen), "the amount of an approval request is not negative");
        }
        int needed = 1;
        for (long limit : limits) {
            if (amountFen > limit) {
                needed++;
            }
        }
        if (touchesPrincipal) {
            if (principalMinLevels <= 0 || principalMinLevels > levels.size()) {
                throw new InvalidInputException("principal", String.valueOf(amountFen),
                        "no approval level may forgive principal (recoup.approvals.principal-min-levels)");
            }
            needed = Math.max(needed, principalMinLevels);
        }
        return needed;
    }

    public ApprovalLevel level(int number) {
        return levels.get(number - 1);
    }
}
