-- Issue 6, team leads and managers (ADR 0019): who moved which case to whom and why, and the date
-- indexes the day's dashboard reads by (one statement per figure group over the day's rows only).

-- A team lead's or manager's reassignment of a case: the old assignment ends (REALLOCATED), a new one
-- starts for the chosen agent (method MANUAL), or none when the case goes back to the pool.
create table case_reassignment (
    id                  bigint generated always as identity primary key,
    case_id             bigint not null,
    from_assignment_id  bigint not null,
    from_agent_id       bigint,
    from_agency_id      bigint,
    to_assignment_id    bigint,
    to_agent_id         bigint,               -- null: back to the pool (the next allocation deals it)
    team_id             bigint not null,      -- the team the case was in
    reason              text not null check (length(reason) between 1 and 500),
    reassigned_by       text not null,
    business_date       date not null,
    reassigned_at       timestamptz not null,
    check ((to_agent_id is null) = (to_assignment_id is null))
);
create index case_reassignment_case on case_reassignment (case_id);

-- Who held a case on a given day: the dashboard attributes the day's contacts and payments to it.
create index case_assignment_case_day on case_assignment (case_id, assigned_on);
-- The day's promises and payments.
create index promise_recorded_on on promise (recorded_on);
create index payment_paid_on on payment (paid_on);
