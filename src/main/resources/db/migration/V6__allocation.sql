-- Allocation (分案, R7): teams serving the strategy's queues, the agents and outside agencies in
-- them, who holds which open case (one current assignment per case), the allocation runs, and
-- what the allocator learns from (propensity tallies; finished assignments).
-- No foreign keys to other modules' tables (collection_case, daily_run): case and run ids are plain
-- bigints. case_assignment has none at all: a first day writes hundreds of thousands of rows in one
-- COPY, and its rows are only ever written by the allocator from ids it has just read.

create table team (
    id               bigint generated always as identity primary key,
    code             text not null unique,
    name_zh          text not null,
    name_en          text not null,
    kind             text not null check (kind in ('ROBOT_SMS', 'PHONE', 'SENIOR', 'LEGAL', 'FIELD', 'AGENCY')),
    -- The strategy queues whose cases this team works (case_segment.queue), e.g. {phone-t2}.
    queues           text[] not null check (cardinality(queues) > 0),
    -- Skills every agent of the team must have to be given its cases, e.g. {legal}.
    required_skills  text[] not null default '{}',
    -- Only cases whose customer lives in one of the worker's regions (field visits).
    region_matching  boolean not null default false,
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table agent (
    id                 bigint generated always as identity primary key,
    agent_ref          text not null unique,
    name               text not null,
    team_id            bigint not null references team (id),
    skills             text[] not null default '{}',
    level              smallint not null check (level between 1 and 5),
    started_on         date not null,
    -- GB/T 2260 prefixes: '44' a province, '4403' a city, '440305' a district.
    region_codes       text[] not null default '{}',
    max_open_cases     integer not null check (max_open_cases >= 0),
    max_overdue_minor  bigint not null check (max_overdue_minor >= 0),
    active             boolean not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index agent_team on agent (team_id);

create table agency (
    id                  bigint generated always as identity primary key,
    agency_ref          text not null unique,
    name                text not null,
    team_id             bigint not null references team (id),
    commission_rate_bp  integer not null check (commission_rate_bp between 0 and 10000),
    placement_days      integer not null check (placement_days between 1 and 3650),
    max_open_cases      integer not null check (max_open_cases >= 0),
    max_overdue_minor   bigint not null check (max_overdue_minor >= 0),
    active              boolean not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index agency_team on agency (team_id);

-- One row per run of the allocator; dry runs are recorded too (their assignments in allocation_proposal).
-- Expected recoveries are in fen, each method's on the same cases and workers, side by side.
create table allocation_run (
    id                     bigint generated always as identity primary key,
    business_date          date not null,
    method                 text not null check (method in ('ROUND_ROBIN', 'SNAKE', 'OPTIMISED')),
    dry_run                boolean not null,
    triggered_by           text not null,
    -- The daily run whose customer_status partition the allocation read (tier, bucket, overdue).
    daily_run_id           bigint not null,
    started_at             timestamptz not null default clock_timestamp(),
    finished_at            timestamptz,
    cases_to_allocate      integer not null default 0,
    cases_assigned         integer not null default 0,
    ended_case_closed      integer not null default 0,
    ended_recalled         integer not null default 0,
    ended_stage_changed    integer not null default 0,
    ended_reallocated      integer not null default 0,
    expected_round_robin   bigint,
    expected_snake         bigint,
    expected_optimised     bigint,
    lp_bound               bigint,
    solve_millis           bigint,
    details                jsonb
);
create index allocation_run_date on allocation_run (business_date);

-- Per worker and run: what the run's method gave it, and what it held after the run.
create table allocation_run_worker (
    run_id                   bigint not null references allocation_run (id),
    agent_id                 bigint references agent (id),
    agency_id                bigint references agency (id),
    team_id                  bigint not null references team (id),
    cases                    integer not null,
    overdue_minor            bigint not null,
    expected_recovery_minor  bigint not null,
    open_cases               integer not null,
    open_overdue_minor       bigint not null,
    check (num_nonnulls(agent_id, agency_id) = 1)
);
create index allocation_run_worker_run on allocation_run_worker (run_id);

-- Who holds which case. One current row (ended_on is null) per case; ended rows are the history and
-- what effectiveness is learned from (recovered_minor, set when the row ends).
create table case_assignment (
    id                     bigint generated always as identity primary key,
    case_id                bigint not null,
    agent_id               bigint,
    agency_id              bigint,
    team_id                bigint not null,
    queue                  text not null,
    segment_code           text not null,
    tier                   text,
    overdue_at_assignment  bigint not null,
    expected_recovery      bigint not null,
    method                 text not null,
    allocation_run_id      bigint not null,
    assigned_on            date not null,
    -- Agents: assigned_on + the reallocation cycle. Agencies: the placement's end date.
    review_on              date not null,
    placement_ends_on      date,
    ended_on               date,
    end_reason             text check (end_reason in ('REALLOCATED', 'STAGE_CHANGED', 'RECALLED', 'CASE_CLOSED')),
    -- Payments on the customer's accounts after assigned_on up to ended_on; commission for agencies.
    recovered_minor        bigint,
    commission_minor       bigint,
    check (num_nonnulls(agent_id, agency_id) = 1),
    check ((ended_on is null) = (end_reason is null)),
    check ((agency_id is null) = (placement_ends_on is null))
);
create unique index case_assignment_current on case_assignment (case_id) where ended_on is null;
create index case_assignment_agent on case_assignment (agent_id) where ended_on is null;
create index case_assignment_agency on case_assignment (agency_id) where ended_on is null;
create index case_assignment_run on case_assignment (allocation_run_id);
create index case_assignment_ended on case_assignment (ended_on) where ended_on is not null;

-- What a dry run would have assigned (a real run's assignments are in case_assignment).
create table allocation_proposal (
    run_id             bigint not null references allocation_run (id),
    case_id            bigint not null,
    agent_id           bigint,
    agency_id          bigint,
    team_id            bigint not null,
    queue              text not null,
    segment_code       text not null,
    tier               text,
    overdue_minor      bigint not null,
    expected_recovery  bigint not null,
    primary key (run_id, case_id)
);

-- The propensity model's counts: customers entering an overdue bucket × tier on a day, and how many
-- of them paid something or cured within the next 30 days. Added to once per day, for the days whose
-- 30-day window has just closed (observed_through moves forward).
create table allocation_propensity_tally (
    bucket        text not null,
    tier          text not null,
    observations  bigint not null,
    successes     bigint not null,
    primary key (bucket, tier)
);
create table allocation_propensity_watermark (
    only_row          boolean primary key default true check (only_row),
    observed_through  date not null
);
