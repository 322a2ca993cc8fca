-- Agent workbench (issue 6, docs/adr/0018-agent-workbench-and-browser-tests.md): notes on cases, and
-- the calls agents work from the case page (the identity check before any debt detail, the
-- disposition). Owned by the workbench module; case, contact and ledger ids are plain bigints.

create table case_note (
    id          bigint generated always as identity primary key,
    case_id     bigint not null,
    body        text not null check (length(body) between 1 and 4000),
    written_by  text not null,
    written_at  timestamptz not null
);
create index case_note_case on case_note (case_id, id);

-- One row per call started with the case page's call button (the gate allowed it; its pending ledger
-- attempt is attempt_id). The call panel shows amounts only once identity_verified_at is set.
create table workbench_call (
    id                   bigint generated always as identity primary key,
    case_id              bigint not null,
    contact_id           bigint not null,
    attempt_id           bigint not null unique,
    agent                text not null,
    started_at           timestamptz not null,
    -- Who the person on the line proved to be (name and the last four characters of the ID number).
    identity_verified_at timestamptz,
    identity_method      text check (identity_method in ('NAME_AND_ID_LAST4')),
    failed_verifications smallint not null default 0,
    -- The ledger outcome and the agent's disposition code when the call was logged.
    outcome              text,
    disposition          text,
    note                 text,
    promise_id           bigint,
    ended_at             timestamptz
);
create index workbench_call_case on workbench_call (case_id, id);
create index workbench_call_open on workbench_call (agent, case_id) where ended_at is null;

-- The queue ("my queue"): an agent's open tasks by case. Tasks are read by case id for each assigned
-- case; this partial index keeps that to the open ones.
create index task_open_by_case on task (case_id, due_on) where status = 'OPEN';
create index plan_case on plan (case_id);
