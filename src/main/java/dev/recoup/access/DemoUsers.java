package dev.recoup.access;

import dev.recoup.access.persistence.UserStore;
import dev.recoup.shared.BusinessClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Set;

/**
 * Creates the demo users of recoup.security.demo-users at start, or brings existing ones back to
 * what the configuration says (roles, links, password), so a fresh install can be signed into.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoUsers implements ApplicationRunner {

    private final AccessProperties properties;
    private final UserStore users;
    private final PasswordEncoder encoder;
    private final BusinessClock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoUsers(AccessProperties properties, UserStore users, PasswordEncoder encoder, BusinessClock clock,
              org.springframework.context.ApplicationEventPublisher events) {
        this.properties = properties;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var now = clock.now();
        for (AccessProperties.DemoUser demo : properties.demoUsers()) {
            Set<Role> roles = EnumSet.copyOf(demo.roleSet());
            var existing = users.byUsername(demo.username());
            if (existing.isEmpty()) {
                users.insert(demo.username(), demo.description(), encoder.encode(demo.password()), roles, demo.agentRef(), demo.agencyRef(),
                        demo.teams(), true, now);
                continue;
            }
            var user = existing.get();
            users.update(user.id(), demo.description(), roles, demo.agentRef(), demo.agencyRef(), demo.teams(), now);
            if (!encoder.matches(demo.password(), user.passwordHash())) {
                users.setPassword(user.id(), encoder.encode(demo.password()), now);
            }
            events.publishEvent(new UserChanged(user.username()));
        }
    }
}
