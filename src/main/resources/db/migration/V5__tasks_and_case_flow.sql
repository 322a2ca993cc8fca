-- Tasks (R9) and the case flow (R8). Owned by the casework module; see docs/adr/0008-tasks-and-case-flow.md.

-- The order of the case flow. Rules move cases forward only (a higher rank); people may move them anywhere.
create function case_stage_rank(stage text) returns integer language sql immutable parallel safe as $$
    select array_position(array['INTAKE', 'CLASSIFIED', 'ASSIGNED', 'FIRST_CONTACT', 'NEGOTIATION', 'LEGAL',
                                'ASSET_REALISATION', 'CLOSED', 'ARCHIVED'], stage)
$$;

-- Every case is in one flow stage, entered on a business date. Case synchronisation sets both when it
-- opens a case (with its INTAKE history row); there is no default for the date on purpose.
alter table collection_case
    add column flow_stage text not null default 'INTAKE' check (case_stage_rank(flow_stage) is not null),
    add column stage_entered_on date;
-- Stage moves rewrite case rows, sometimes all open cases at once (every new case assigned on a first
-- run). Half-empty pages let those updates stay on the page (HOT: no index entries to add), which made
-- a move of 650k cases about three times faster. So flow_stage, stage_entered_on and updated_at must
-- stay out of every index of this table.
alter table collection_case set (fillfactor = 50);

-- Every move between stages: by a rule ('rule'; run_id when the daily run made it) or by a person
-- (user name), always with a reason (a code for rules, the person's words otherwise).
-- No foreign key to collection_case: rows are written from the RETURNING of the case statement that
-- moves the case (hundreds of thousands at a time on a first run), so they are right by construction.
create table case_stage_change (
    id             bigint generated always as identity primary key,
    case_id        bigint not null,
    from_stage     text,                        -- null for the case's first stage
    to_stage       text not null,
    business_date  date not null,
    moved_at       timestamptz not null,
    moved_by       text not null,
    reason         text not null,
    run_id         bigint
);
create index case_stage_change_case on case_stage_change (case_id, id);

-- A case over its stage's time limit is escalated once per stage entry (case, stage, date entered).
-- Resolved when the case leaves that stage (or closes).
create table case_escalation (
    id                bigint generated always as identity primary key,
    case_id           bigint not null,
    stage             text not null,
    stage_entered_on  date not null,
    limit_on          date not null,            -- the last day within the time limit
    escalated_on      date not null,
    owner_role        text not null,            -- who owned the stage
    to_queue          text not null,            -- whose queue the ESCALATION task went to
    run_id            bigint,
    resolved_on       date,
    unique (case_id, stage, stage_entered_on)
);
create index case_escalation_unresolved on case_escalation (case_id) where resolved_on is null;

-- Cases that exist already: open ones start in INTAKE on their opening date, closed ones are CLOSED
-- on their closing date (and archive after the archive period).
update collection_case set stage_entered_on = opened_on where status = 'OPEN';
update collection_case set flow_stage = 'CLOSED', stage_entered_on = closed_on where status = 'CLOSED';
alter table collection_case alter column stage_entered_on set not null;
insert into case_stage_change (case_id, from_stage, to_stage, business_date, moved_at, moved_by, reason)
select id, null, 'INTAKE', opened_on, now(), 'migration', 'CASE_OPENED' from collection_case order by id;
insert into case_stage_change (case_id, from_stage, to_stage, business_date, moved_at, moved_by, reason)
select id, 'INTAKE', 'CLOSED', closed_on, now(), 'migration', close_reason from collection_case where status = 'CLOSED' order by id;

-- Tasks on cases. (case_id, step_key, due_on) identifies a task: a strategy offering the same step of
-- the same case for the same day again (a re-run) creates nothing.
-- No foreign key to collection_case: a daily run creates hundreds of thousands of tasks in one
-- statement, and the per-row check cost about as much as the insert itself; the statements that
-- create tasks select only drafts whose case exists and is open.
create table task (
    id              bigint generated always as identity primary key,
    case_id         bigint not null,            -- an open collection_case (checked by the INSERT … SELECT that creates tasks)
    type            text not null,              -- SMS, ROBOT_CALL, AGENT_CALL, ... (strategy step types), ESCALATION, or a person's
    step_key        text not null,              -- "segment/step" for strategy tasks, "escalation/STAGE", "manual/<id>"
    due_on          date not null,
    due_at          timestamptz not null,       -- the end of the due day in the lender's time zone (recoup.tasks.due-time)
    queue           text,                       -- the team queue that works it, or
    owner           text,                       -- the person (user name) or agent reference it is given to
    status          text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED', 'EXPIRED')),
    outcome         text,                       -- a TaskOutcome code, when done
    outcome_note    text,
    template        text,
    note            text,                       -- what a person asked for (manual tasks)
    source          text not null,              -- "strategy:<version>", "case-flow", or the user who created it
    created_by_run  bigint,                     -- the daily run that created it; null when a person did
    created_on      date not null,              -- business date
    completed_at    timestamptz,                -- when it left OPEN (done, cancelled or expired)
    completed_by    text,                       -- who: a user name, or 'rule'
    closed_on       date,                       -- the business date it left OPEN
    on_time         boolean,                    -- when DONE: completed at or before due_at
    cancel_reason   text,
    check (queue is not null or owner is not null),
    check ((status = 'DONE') = (on_time is not null))
);
create unique index task_once_per_case_step_and_day on task (case_id, step_key, due_on);
-- Open tasks of a queue by due date (work lists), and open tasks by due date (the daily expiry reads
-- only what expires; new entries all land near today's end of this index, so it is cheap to keep).
create index task_open_by_queue on task (queue, due_on) where status = 'OPEN';
create index task_open_by_due_date on task (due_on) where status = 'OPEN';
create index task_by_owner on task (owner, due_on) where owner is not null;

-- Timeliness and follow-up counts per case (R9), for reports; the application computes the same
-- per case (Tasks.stats). A follow-up is a task done with an outcome that records a contact attempt.
create view case_task_stats as
select case_id,
       count(*) filter (where status = 'OPEN')                     as open,
       count(*) filter (where status = 'DONE')                     as done,
       count(*) filter (where status = 'DONE' and on_time)         as done_on_time,
       count(*) filter (where status = 'DONE' and not on_time)     as done_late,
       count(*) filter (where status = 'EXPIRED')                  as expired,
       count(*) filter (where status = 'CANCELLED')                as cancelled,
       count(*) filter (where status = 'DONE' and outcome in ('RIGHT_PARTY_CONTACT', 'THIRD_PARTY_CONTACT', 'PROMISE_TO_PAY',
                        'REFUSED_TO_PAY', 'NEGOTIATING', 'NO_ANSWER', 'WRONG_NUMBER', 'MESSAGE_SENT', 'VISITED_NOT_MET')) as follow_ups
from task
group by case_id;
