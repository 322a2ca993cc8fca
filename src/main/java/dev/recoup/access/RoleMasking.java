package dev.recoup.access;

import dev.recoup.shared.ForbiddenException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.Masking;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Set;

/**
 * Masks ID and phone numbers by role (docs/permissions.md). Managers, compliance and legal officers,
 * administrators and the dialer (it dials the numbers) see them in full; agents, team leads and agency
 * users masked. Staff may reveal one, with a reason, for a customer in their case scope; agency users may not.
 */
@Service
class RoleMasking implements PersonalData {

    static final Set<Role> UNMASKED = EnumSet.of(Role.MANAGER, Role.COMPLIANCE, Role.LEGAL, Role.ADMIN, Role.DIALER);
    static final Set<Role> MAY_REVEAL = EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER, Role.COMPLIANCE, Role.LEGAL, Role.ADMIN);

    private final JdbcClient jdbc;
    private final CaseScope scope;
    private final AuditLog audit;

    RoleMasking(JdbcClient jdbc, CaseScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.audit = audit;
    }

    @Override
    public String idNumber(Viewer viewer, String raw) {
        return seesUnmasked(viewer) ? raw : Masking.idNumber(raw);
    }

    @Override
    public String phone(Viewer viewer, String raw) {
        return seesUnmasked(viewer) ? raw : Masking.phone(raw);
    }

    @Override
    public boolean seesUnmasked(Viewer viewer) {
        return viewer != null && viewer.roles().stream().anyMatch(UNMASKED::contains);
    }

    @Override
    @Transactional
    public String reveal(Viewer viewer, long customerId, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is needed to reveal personal data");
        }
        if (field == null || !(field.equals("idNumber") || field.equals("phone") || field.matches("phone:\\d{1,18}"))) {
            throw new InvalidInputException("field", field, "idNumber, phone (the customer's own) or phone:<contact id>");
        }
        if (viewer.roles().stream().noneMatch(MAY_REVEAL::contains)) {
            throw new ForbiddenException("User '" + viewer.username() + "' may not reveal personal data");
        }
        if (jdbc.sql("select count(*) from customer where id = ?").param(customerId).query(Long.class).single() == 0) {
            throw new NotFoundException("customer", customerId);
        }
        if (!viewer.seesAllCases()) {
            var caseScope = scope.casesVisibleTo(viewer, "c.id");
            boolean inScope = jdbc.sql("select exists (select 1 from collection_case c where c.customer_id = :scopeCustomerId and "
                            + caseScope.sql() + ")")
                    .param("scopeCustomerId", customerId).params(caseScope.params()).query(Boolean.class).single();
            if (!inScope) {
                throw new ForbiddenException("Customer " + customerId + " is not among the cases of user '" + viewer.username() + "'");
            }
        }
        String value;
        if (field.equals("idNumber")) {
            value = jdbc.sql("select id_number from customer where id = ?").param(customerId).query(String.class).optional().orElse(null);
        } else if (field.equals("phone")) {
            value = jdbc.sql("select phone from contact where customer_id = ? and role = 'self' and phone is not null order by valid desc, id limit 1")
                    .param(customerId).query(String.class).optional().orElse(null);
        } else {
            long contactId = Long.parseLong(field.substring("phone:".length()));
            value = jdbc.sql("select phone from contact where customer_id = ? and id = ?").params(customerId, contactId)
                    .query(String.class).optional().orElseThrow(() -> new NotFoundException("contact", contactId));
        }
        audit.record(viewer, "REVEAL", "customer", String.valueOf(customerId), field + ": " + reason.strip());
        return value;
    }
}
