package dev.recoup.platform.security;

import dev.recoup.access.AccessProperties;
import dev.recoup.access.ApiTokens;
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
 * Login for everything but the login page itself: HTTP basic or a personal API token (Bearer) for scripts
 * calling {@code /api}, a form for people. The API is stateless (no session, so no CSRF token); pages keep
 * CSRF. Who may do what is the permission matrix of docs/permissions.md (issue 6).
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

    /** Everyone who works in Recoup (the dialer is a system: it has the dialer API and contact decisions only). */
    private static final String[] PEOPLE = {"AGENT", "TEAM_LEAD", "MANAGER", "COMPLIANCE", "LEGAL", "AGENCY", "ADMIN"};
    /** The lender's own people: an outside agency's users see their placed cases only, nothing of the organisation. */
    private static final String[] STAFF = {"AGENT", "TEAM_LEAD", "MANAGER", "COMPLIANCE", "LEGAL", "ADMIN"};
    /** Who works cases (writes on them); compliance officers read and oversee but do not collect. */
    private static final String[] CASE_WORKERS = {"AGENT", "TEAM_LEAD", "MANAGER", "LEGAL", "AGENCY", "ADMIN"};
    private static final String[] MANAGERS = {"MANAGER", "ADMIN"};
    /** Complaints, transcript QA and contact holds. */
    private static final String[] OVERSIGHT = {"MANAGER", "COMPLIANCE", "ADMIN"};
    /** Legal and document templates. */
    private static final String[] LEGAL_DOCUMENTS = {"LEGAL", "MANAGER", "ADMIN"};
    private static final String[] AUDITORS = {"COMPLIANCE", "ADMIN"};

    /** The API of cases and what belongs to one case: agency users work here (their placed cases, see access/CaseScope). */
    private static final String[] CASE_API = {"/api/v1/cases/**", "/api/v1/customers/**", "/api/v1/accounts/**", "/api/v1/tasks/**",
            "/api/v1/promises/**", "/api/v1/plans/**", "/api/v1/waivers/**", "/api/v1/contacts/**", "/api/v1/contact-attempts/**"};
    private static final String[] CASE_PAGES = {"/", "/cases/**", "/tasks/**", "/promises/**", "/plans/**", "/documents/**", "/waivers/**",
            "/calls/**"};

    /**
     * The API: the permission matrix of docs/permissions.md (PermissionMatrixTest reads that file and checks these
     * rules against it). Data scopes (an agent's own cases …) and masking are applied by the access module.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        // Contact (issue 4): the dialer's results authenticate by their HMAC signature (see docs/dialer-contract.md).
                        .requestMatchers(HttpMethod.POST, "/api/v1/dialer/results").permitAll()
                        .requestMatchers("/api/v1/dialer/**").hasAnyRole("DIALER", "MANAGER", "ADMIN")
                        // Asking the contact gate changes nothing; the dialer asks it too.
                        .requestMatchers(HttpMethod.POST, "/api/v1/contact-decisions").authenticated()
                        // Access (issue 6): users for administrators, the audit log for compliance, my tokens for everyone.
                        .requestMatchers("/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit-events/**").hasAnyRole(AUDITORS)
                        .requestMatchers("/api/v1/me/**").authenticated()
                        // Strategies: validating and previewing change nothing; every other write is a manager's.
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/validate", "/api/v1/strategies/*/versions/*/preview").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/**", "/api/v1/experiments/**").hasAnyRole(MANAGERS)
                        // Allocation: its organisation and runs are changed by managers only.
                        .requestMatchers(HttpMethod.GET, ALLOCATION_API).hasAnyRole(STAFF)
                        .requestMatchers(ALLOCATION_API).hasAnyRole(MANAGERS)
                        // Portfolio imports and daily runs replace portfolio data.
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/**", "/api/v1/daily-runs/**").hasAnyRole(MANAGERS)
                        // Contact channels (issue 4): saving templates and operating the outbox and letters are for managers.
                        .requestMatchers(HttpMethod.POST, "/api/v1/templates", "/api/v1/templates/*/versions", "/api/v1/outbound-messages/dispatch",
                                "/api/v1/outbound-messages/*/resolve", "/api/v1/outbound-messages/*/receipts", "/api/v1/outbound-messages/bounces",
                                "/api/v1/letter-batches/*/tracking-numbers", "/api/v1/task-messages/dispatch").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/contact-settings/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/contact-settings/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/contact-rates/refresh").hasAnyRole(MANAGERS)
                        // Oversight: complaints are handled, holds lifted and transcripts reviewed by compliance and managers.
                        .requestMatchers(HttpMethod.POST, "/api/v1/contact-holds/*/lift", "/api/v1/complaints/*/close",
                                "/api/v1/qa/reviews/*/resolve").hasAnyRole(OVERSIGHT)
                        .requestMatchers("/api/v1/contact-audit", "/api/v1/qa/**").hasAnyRole(OVERSIGHT)
                        // Documents (issue 5): template versions are the legal officer's and managers'.
                        .requestMatchers(HttpMethod.POST, "/api/v1/document-templates/**").hasAnyRole(LEGAL_DOCUMENTS)
                        // Payments (issue 5): posting, files and reversals move money; managers and administrators only.
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/**", "/api/v1/payment-files/**").hasAnyRole(MANAGERS)
                        // A case's payments are read like the case: by the people whose scope holds it (access checks the scope).
                        .requestMatchers(HttpMethod.GET, "/api/v1/payments", "/api/v1/payments/**").hasAnyRole(PEOPLE)
                        // Agreements (issue 5): the PTP kept rate compares agents, for team leads and managers.
                        .requestMatchers("/api/v1/promises/kept-rate").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN")
                        // Revealing personal data: the lender's staff (agency users may not); the access module checks the case scope.
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/reveal").hasAnyRole(STAFF)
                        // Cases and what belongs to them: read by all people in their scope, worked by case workers.
                        .requestMatchers(HttpMethod.GET, CASE_API).hasAnyRole(PEOPLE)
                        .requestMatchers(CASE_API).hasAnyRole(CASE_WORKERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints").hasAnyRole(STAFF)
                        .anyRequest().hasAnyRole(STAFF))
                .addFilterBefore(tokens.filter(), org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                // Stateless: no login session to log out of, no saved request to resume.
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The pages: the same matrix (docs/permissions.md), form login with lockout messages, an idle session ends (recoup.security.session-timeout). */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccessProperties properties, PasswordLogins logins) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/error").permitAll()
                        // Documents (issue 5): the customer signs through a one-time link, without an account.
                        .requestMatchers("/sign/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/audit/**").hasAnyRole(AUDITORS)
                        .requestMatchers("/me/**").hasAnyRole(PEOPLE)
                        .requestMatchers(HttpMethod.POST, "/document-templates/**").hasAnyRole(LEGAL_DOCUMENTS)
                        .requestMatchers(HttpMethod.POST, "/strategies/validate", "/strategies/preview").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/strategies/**", "/experiments/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.POST, "/allocation/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.POST, "/templates", "/templates/*/versions").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.POST, "/payments/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.POST, "/complaints/*/close", "/contact-holds/*/lift").hasAnyRole(OVERSIGHT)
                        .requestMatchers("/qa/**").hasAnyRole(OVERSIGHT)
                        .requestMatchers("/promises/kept-rate").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN")
                        // Management (issue 6): team queues, the day's figures and exports; scoped further by the pages.
                        .requestMatchers("/team", "/team/**", "/today", "/exports/**").hasAnyRole("TEAM_LEAD", "MANAGER", "ADMIN", "COMPLIANCE")
                        .requestMatchers(HttpMethod.POST, "/cases/*/reveal").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, CASE_PAGES).hasAnyRole(PEOPLE)
                        .requestMatchers(CASE_PAGES).hasAnyRole(CASE_WORKERS)
                        .anyRequest().hasAnyRole(STAFF))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new LoginOutcomes.Success(properties.sessionTimeout(), logins))
                        .failureHandler(new LoginOutcomes.Failure())
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
