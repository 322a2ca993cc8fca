package dev.recoup.access;

import dev.recoup.access.persistence.UserStore;
import dev.recoup.shared.ForbiddenException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.EnumSet;
import java.util.Set;

/**
 * The viewer of the current request: roles from the authentication (what the login or token granted),
 * the user's id and agent/agency/team links from app_user, read once per request.
 */
@Service
class RequestViewers implements Viewers {

    private static final String ATTRIBUTE = RequestViewers.class.getName();

    private final UserStore users;

    RequestViewers(UserStore users) {
        this.users = users;
    }

    @Override
    public Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new ForbiddenException("Not logged in");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Viewer known
                && known.username().equals(auth.getName())) {
            return known;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            Role role = Role.ofAuthority(authority.getAuthority());
            if (role != null) {
                roles.add(role);
            }
        }
        Viewer viewer = users.viewer(auth.getName(), roles)
                .orElseGet(() -> new Viewer(0, auth.getName(), roles, null, null, Set.of()));
        if (request != null) {
            request.setAttribute(ATTRIBUTE, viewer, RequestAttributes.SCOPE_REQUEST);
        }
        return viewer;
    }
}
