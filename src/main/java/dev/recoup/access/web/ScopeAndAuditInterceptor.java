package dev.recoup.access.web;

import dev.recoup.access.AuditLog;
import dev.recoup.access.CaseScope;
import dev.recoup.access.ScopeCondition;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.shared.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One place that applies case scopes to every request naming a case, or a thing of one case, in its path
 * (the case page and API, customers, accounts, tasks, documents, promises, plans, waivers, contacts, payments — and
 * the payment lists' caseId / accountId query): out of the
 * viewer's scope it is 403 before the controller runs. It also writes the audit log: the sensitive reads
 * (case page and API, customer, account) and every change (any request but GET/HEAD/OPTIONS, with its status).
 */
@Component
public class ScopeAndAuditInterceptor implements HandlerInterceptor {

    /** A path pattern (as mapped, with its {variables}) naming one thing, and how to find the case(s) it belongs to. */
    private record Rule(Pattern pattern, String variable, boolean numeric, String subjectType, String caseIdsSql) {
    }

    private static final String CASE_SQL = "select id as case_id from collection_case where id = :key";
    private static final String ACCOUNT_SQL = """
            select c.id as case_id from account a left join collection_case c on c.customer_id = a.customer_id where a.account_ref = :key""";

    private static final List<Rule> RULES = List.of(
            rule("^(/api/v1)?/cases/\\{id}(/.*)?$", "id", true, "case", CASE_SQL),
            rule("^(/api/v1)?/cases/\\{caseId}(/.*)?$", "caseId", true, "case", CASE_SQL),
            rule("^/api/v1/customers/\\{customerId}(/.*)?$", "customerId", false, "customer", """
                    select c.id as case_id from customer cu left join collection_case c on c.customer_id = cu.id where cu.customer_ref = :key"""),
            rule("^/api/v1/accounts/\\{accountId}(/.*)?$", "accountId", false, "account", ACCOUNT_SQL),
            rule("^(/api/v1)?/tasks/\\{id}(/.*)?$", "id", true, "task", "select case_id from task where id = :key"),
            rule("^(/api/v1)?/documents/\\{id}(/.*)?$", "id", true, "document", "select case_id from case_document where id = :key"),
            rule("^(/api/v1)?/promises/\\{id}(/.*)?$", "id", true, "promise", "select case_id from promise where id = :key"),
            rule("^(/api/v1)?/plans/\\{id}(/.*)?$", "id", true, "plan", "select case_id from plan where id = :key"),
            rule("^(/api/v1)?/waivers/\\{id}(/.*)?$", "id", true, "waiver", "select case_id from waiver where id = :key"),
            rule("^(/api/v1)?/contacts/\\{id}(/.*)?$", "id", true, "contact", """
                    select c.id as case_id from contact ct left join collection_case c on c.customer_id = ct.customer_id where ct.id = :key"""),
            rule("^/api/v1/payments/\\{id}(/.*)?$", "id", true, "payment", """
                    select c.id as case_id from payment p join account a on a.id = p.account_id
                    left join collection_case c on c.customer_id = a.customer_id where p.id = :key"""),
            rule("^(/api/v1)?/contact-attempts/\\{id}(/.*)?$", "id", true, "contact_attempt", """
                    select c.id as case_id from contact_attempt t left join collection_case c on c.customer_id = t.customer_id where t.id = :key"""));

    private static final Set<String> QUERY_SCOPED = Set.of("/api/v1/payments", "/payments");
    private static final Rule CASE_BY_QUERY = rule("^$", "caseId", true, "case", CASE_SQL);
    private static final Rule ACCOUNT_BY_QUERY = rule("^$", "accountId", false, "account", ACCOUNT_SQL);

    /** Exactly these reads are audited as sensitive (the case page and API, customer and account details). */
    private static final Set<String> SENSITIVE_READS = Set.of("/cases/{id}", "/api/v1/cases/{id}", "/api/v1/customers/{customerId}",
            "/api/v1/accounts/{accountId}");

    /** Requests that are POSTs but change nothing (asking a question with a body): not audited as changes. */
    private static final Set<String> NOT_CHANGES = Set.of("/api/v1/contact-decisions", "/api/v1/strategies/validate",
            "/api/v1/strategies/{code}/versions/{version}/preview", "/strategies/validate", "/strategies/preview", "/api/v1/plans/calculate",
            "/plans/calculate", "/api/v1/dialer/results");

    private static final String SUBJECT = ScopeAndAuditInterceptor.class.getName() + ".subject";

    private final Viewers viewers;
    private final CaseScope scope;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    ScopeAndAuditInterceptor(Viewers viewers, CaseScope scope, AuditLog audit, JdbcClient jdbc) {
        this.viewers = viewers;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    private static Rule rule(String pattern, String variable, boolean numeric, String subjectType, String sql) {
        return new Rule(Pattern.compile(pattern), variable, numeric, subjectType, sql);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws java.io.IOException {
        if (!loggedIn()) {
            return true;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pattern == null) {
            return true;
        }
        if (variables == null) {
            variables = Map.of();
        }
        for (Rule rule : RULES) {
            String value = variables.get(rule.variable());
            if (value != null && rule.pattern().matcher(pattern).matches()) {
                return check(request, response, rule, value);
            }
        }
        // Lists that name their case or account in the query rather than the path (payments).
        if (QUERY_SCOPED.contains(pattern)) {
            String caseId = request.getParameter("caseId");
            if (caseId != null && !check(request, response, CASE_BY_QUERY, caseId)) {
                return false;
            }
            String accountId = request.getParameter("accountId");
            if (accountId != null && !check(request, response, ACCOUNT_BY_QUERY, accountId)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the request may go on: the thing the rule finds is in the viewer's scope (or does not exist: the controller's 404). */
    private boolean check(HttpServletRequest request, HttpServletResponse response, Rule rule, String value) throws java.io.IOException {
        request.setAttribute(SUBJECT, new String[]{rule.subjectType(), value});
        Object key;
        if (rule.numeric()) {
            try {
                key = Long.parseLong(value);
            } catch (NumberFormatException notAnId) {
                return true; // the controller answers 400
            }
        } else {
            key = value;
        }
        Viewer viewer = viewers.current();
        if (viewer.seesAllCases()) {
            return true;
        }
        ScopeCondition visible = scope.casesVisibleTo(viewer, "x.case_id");
        var counts = jdbc.sql("select count(*) as n, count(*) filter (where " + visible.sql() + ") as visible from ("
                        + rule.caseIdsSql() + ") x")
                .param("key", key).params(visible.params())
                .query((rs, n) -> new long[]{rs.getLong("n"), rs.getLong("visible")}).single();
        if (counts[0] > 0 && counts[1] == 0) {
            String why = "The " + rule.subjectType() + " '" + value + "' is not among the cases of user '" + viewer.username() + "'";
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                // A page: the error page (templates/error/403.html) rather than a problem document.
                response.sendError(HttpServletResponse.SC_FORBIDDEN, why);
                return false;
            }
            throw new ForbiddenException(why);
        }
        return true;
    }

    /** Pages get the viewer's role names ("accessRoles"), so the layout shows only the links they may follow. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           org.springframework.web.servlet.ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null) {
            view.addObject("accessRoles", auth.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!loggedIn()) {
            return;
        }
        String method = request.getMethod();
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        int status = response.getStatus();
        if (read) {
            if (pattern != null && SENSITIVE_READS.contains(pattern) && status < 400) {
                String[] subject = (String[]) request.getAttribute(SUBJECT);
                audit.record(viewers.current(), "READ", subject == null ? null : subject[0], subject == null ? null : subject[1],
                        method + " " + request.getRequestURI());
            }
            return;
        }
        if (pattern != null && NOT_CHANGES.contains(pattern)) {
            return;
        }
        String[] subject = (String[]) request.getAttribute(SUBJECT);
        audit.record(viewers.current(), "CHANGE", subject == null ? null : subject[0], subject == null ? null : subject[1],
                method + " " + request.getRequestURI() + " → " + (ex != null && status < 400 ? 500 : status));
    }

    private static boolean loggedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
