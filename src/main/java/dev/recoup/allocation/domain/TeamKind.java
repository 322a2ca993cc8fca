package dev.recoup.allocation.domain;

/** What a team does. Robot/SMS teams work their queue by machine: their cases are not allocated to people. */
public enum TeamKind {
    ROBOT_SMS, PHONE, SENIOR, LEGAL, FIELD, AGENCY;

    /** Whether cases in this team's queues are handed to agents or agencies. */
    public boolean allocatesCases() {
        return this != ROBOT_SMS;
    }
}
