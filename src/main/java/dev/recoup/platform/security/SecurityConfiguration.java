package dev.recoup.platform.security;

import dev.recoup.access.AccessProperties;
import dev.recoup.access.PasswordLogins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Login for everything but the login page itself: HTTP basic for scripts calling {@code /api},
 * a form for people. The API is stateless (no session, so no CSRF token); pages keep CSRF.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] ALLOCATION_API = {"/api/v1/teams/**", "/api/v1/agents/**", "/api/v1/agencies/**", "/api/v1/allocations/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around every security filter of every request: it cost about a tenth of the CPU of
     * a contact decision over HTTP (docs/benchmarks.md, issue 4). Request metrics (http.server.requests) stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Password checks (BCrypt, against app_user, with lockout) remembered for a few minutes: see
     * {@link CachingAuthenticationProvider}; a change to a user forgets theirs ({@link dev.recoup.access.UserChanged}).
     */
    @Bean
    CachingAuthenticationProvider authenticationProvider(PasswordLogins logins, AccessProperties properties) {
        return new CachingAuthenticationProvider(logins.checker(), properties.passwordCacheTtl(), java.time.Clock.systemUTC());
    }

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        // Strategies: validating and previewing change nothing; every other write is a manager's.
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/validate", "/api/v1/strategies/*/versions/*/preview").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/**", "/api/v1/experiments/**").hasAnyRole("MANAGER", "ADMIN")
                        // Allocation: its organisation and runs are changed by managers only.
                        .requestMatchers(HttpMethod.GET, ALLOCATION_API).authenticated()
                        .requestMatchers(ALLOCATION_API).hasAnyRole("MANAGER", "ADMIN")
                        // Contact channels (issue 4): saving templates and operating the outbox and letters are for managers.
                        .requestMatchers(HttpMethod.POST, "/api/v1/templates", "/api/v1/templates/*/versions", "/api/v1/outbound-messages/dispatch",
                                "/api/v1/outbound-messages/*/resolve", "/api/v1/outbound-messages/*/receipts", "/api/v1/outbound-messages/bounces",
                                "/api/v1/letter-batches/*/tracking-numbers", "/api/v1/task-messages/dispatch").hasAnyRole("MANAGER", "ADMIN")
                        // Contact (issue 4): the dialer's results authenticate by their HMAC signature (see docs/dialer-contract.md).
                        .requestMatchers(HttpMethod.POST, "/api/v1/dialer/results").permitAll()
                        .requestMatchers("/api/v1/dialer/**").hasAnyRole("DIALER", "MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/contact-settings/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/contact-settings/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/contact-holds/*/lift", "/api/v1/complaints/*/close",
                                "/api/v1/contact-rates/refresh", "/api/v1/qa/reviews/*/resolve").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/api/v1/contact-audit").hasAnyRole("MANAGER", "ADMIN")
                        // Documents (issue 5): saving a new template version is for managers.
                        .requestMatchers(HttpMethod.POST, "/api/v1/document-templates/**").hasAnyRole("MANAGER", "ADMIN")
                        // Payments (issue 5): posting, files and reversals move money; managers and administrators only.
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/**", "/api/v1/payment-files/**").hasAnyRole("MANAGER", "ADMIN")
                        // Agreements (issue 5): the PTP kept rate compares agents, for team leads and managers.
                        .requestMatchers("/api/v1/promises/kept-rate").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                // Stateless: no login session to log out of, no saved request to resume.
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/error").permitAll()
                        // Documents (issue 5): the customer signs through a one-time link, without an account.
                        .requestMatchers("/sign/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/document-templates/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/strategies/validate", "/strategies/preview").authenticated()
                        .requestMatchers(HttpMethod.POST, "/strategies/**", "/experiments/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/allocation/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/templates", "/templates/*/versions").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/payments/**").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/promises/kept-rate").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN")
                        // Management (issue 6): team queues, the day's figures and exports; scoped further by the pages.
                        .requestMatchers("/team", "/team/**", "/today", "/exports/**").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN", "COMPLIANCE")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
