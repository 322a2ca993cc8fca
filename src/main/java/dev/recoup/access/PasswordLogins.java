package dev.recoup.access;

import dev.recoup.access.persistence.UserStore;
import dev.recoup.shared.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * Checks usernames and passwords against app_user (BCrypt) and locks an account for a while after
 * repeated wrong passwords (recoup.security.lockout). A locked or disabled account is refused before
 * its password is even checked.
 */
@Service
public class PasswordLogins implements UserDetailsService {

    private final UserStore users;
    private final BusinessClock clock;
    private final AccessProperties properties;
    private final ApplicationEventPublisher events;
    private final AuthenticationProvider checker;
    private final AuditLog audit;

    PasswordLogins(UserStore users, BusinessClock clock, AccessProperties properties, ApplicationEventPublisher events, PasswordEncoder encoder,
                   AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        var dao = new DaoAuthenticationProvider(this);
        dao.setPasswordEncoder(encoder);
        this.checker = new LockingProvider(dao);
    }

    /** The provider that checks a password (put a cache in front of it; failures must always reach it). */
    public AuthenticationProvider checker() {
        return checker;
    }

    /** A sign-in through the login form (a session begins): audited with where it came from. API calls are not sign-ins. */
    public void signedIn(String username, String remoteAddress) {
        audit.record(someone(username), "LOGIN", "user", username, "from " + remoteAddress);
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        var user = users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        Instant now = clock.now();
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!user.enabled())
                .accountLocked(user.lockedUntil() != null && user.lockedUntil().isAfter(now))
                .build();
    }

    private static Viewer someone(String username) {
        return new Viewer(0, username == null ? "?" : username, java.util.Set.of(), null, null, java.util.Set.of());
    }

    private final class LockingProvider implements AuthenticationProvider {

        private final AuthenticationProvider delegate;

        LockingProvider(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            try {
                Authentication result = delegate.authenticate(authentication);
                if (result != null && result.isAuthenticated()) {
                    users.recordSuccess(result.getName());
                }
                return result;
            } catch (BadCredentialsException wrong) {
                String name = authentication.getName();
                if (name != null && users.recordFailure(name, properties.lockout().maxFailures(),
                        clock.now().plus(properties.lockout().duration()))) {
                    events.publishEvent(new UserChanged(name));
                    audit.record(someone(name), "LOCKED", "user", name, properties.lockout().maxFailures() + " wrong passwords in a row; locked for "
                            + properties.lockout().duration());
                }
                throw wrong;
            } catch (org.springframework.security.authentication.LockedException | org.springframework.security.authentication.DisabledException refused) {
                audit.record(someone(authentication.getName()), "LOGIN_REFUSED", "user", authentication.getName(), refused.getClass().getSimpleName());
                throw refused;
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
