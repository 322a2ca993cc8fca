package dev.recoup.management;

import dev.recoup.access.Role;
import dev.recoup.access.Viewer;
import dev.recoup.shared.ForbiddenException;

import java.util.Set;

/**
 * The teams a person oversees on the manager pages: a manager, compliance officer or administrator
 * every team ({@code null}), a team lead its own teams; anyone else none (403).
 */
public final class TeamsInView {

    private TeamsInView() {
    }

    /** @return null for every team, else the viewer's teams (possibly empty for a lead without a team) */
    public static Set<Long> of(Viewer viewer) {
        if (viewer.has(Role.MANAGER) || viewer.has(Role.ADMIN) || viewer.has(Role.COMPLIANCE)) {
            return null;
        }
        if (viewer.has(Role.TEAM_LEAD)) {
            return viewer.teamIds() == null ? Set.of() : Set.copyOf(viewer.teamIds());
        }
        throw new ForbiddenException("team queues and figures are for team leads and managers");
    }

    public static long[] array(Set<Long> teams) {
        return teams == null ? null : teams.stream().mapToLong(Long::longValue).toArray();
    }
}
