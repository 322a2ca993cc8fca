/**
 * Access: who the user is and what they may see — roles, data scopes over cases (an agent sees its
 * assigned cases, an agency user the cases placed with its agency, a team lead its teams' cases),
 * masking of personal data by role with audited reveal, and the audit log of sensitive reads and
 * every change. Users, teams memberships and API tokens live here (docs/adr/0017).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package dev.recoup.access;
