-- Strategies (R6): versioned definitions, which version is active (and every activation), the
-- published segment of every open case, and champion/challenger experiments.
-- Case and run ids are plain bigint columns: no foreign keys into other modules' tables.

create table strategy (
    id          bigint generated always as identity primary key,
    code        text not null unique,
    name        text not null,
    created_by  text not null,
    created_at  timestamptz not null
);

-- One row per version; a version's definition never changes once saved (a change is a new version).
create table strategy_version (
    id           bigint generated always as identity primary key,
    strategy_id  bigint not null references strategy (id),
    version      integer not null check (version > 0),
    definition   jsonb not null,
    status       text not null check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    created_by   text not null,
    created_at   timestamptz not null,
    activated_at timestamptz,
    note         text,
    unique (strategy_id, version)
);
-- Exactly one version applies to cases outside an experiment, system-wide.
create unique index strategy_version_one_active on strategy_version ((true)) where status = 'ACTIVE';

-- Every activation, rollback included. previous_activation_id is the activation that was in force
-- before; a rollback re-establishes it, so repeated rollbacks walk back through the history.
create table strategy_activation (
    id                     bigint generated always as identity primary key,
    strategy_version_id    bigint not null references strategy_version (id),
    kind                   text not null check (kind in ('ACTIVATE', 'ROLLBACK', 'INSTALL')),
    previous_activation_id bigint references strategy_activation (id),
    activated_by           text not null,
    activated_at           timestamptz not null,
    note                   text
);

-- Published read model (ADR 0007): one row per open case, rewritten by every daily run's
-- "apply-strategy" step. segment_code and queue are null when no segment matched. entered_on is
-- the business date the case entered its current segment ("days in stage" counts from it).
-- The prior_* columns keep the state before the evaluation of evaluated_on, so a re-run of that
-- date starts from the same state as the first run of it did.
create table case_segment (
    case_id                   bigint primary key,
    strategy_version_id       bigint not null,
    experiment_arm            text,
    segment_code              text,
    queue                     text,
    entered_on                date not null,
    evaluated_on              date not null,
    run_id                    bigint not null,
    prior_strategy_version_id bigint,
    prior_segment_code        text,
    prior_entered_on          date,
    prior_evaluated_on        date
);

-- Every move between segments by business date (from_segment null: the case's first segment;
-- to_segment null: it matched no segment). One row per case and date, so a re-run replaces.
create table case_segment_change (
    case_id             bigint not null,
    business_date       date not null,
    run_id              bigint not null,
    from_segment        text,
    to_segment          text,
    strategy_version_id bigint not null,
    primary key (case_id, business_date)
);
create index case_segment_change_date on case_segment_change (business_date);

create table experiment (
    id          bigint generated always as identity primary key,
    name        text not null,
    status      text not null check (status in ('RUNNING', 'STOPPED')),
    started_on  date not null,
    stopped_on  date,
    seed        bigint not null,
    created_by  text not null,
    created_at  timestamptz not null
);
-- One experiment decides at a time.
create unique index experiment_one_running on experiment ((true)) where status = 'RUNNING';

create table experiment_arm (
    experiment_id       bigint not null references experiment (id),
    arm                 text not null,
    position            integer not null,
    strategy_version_id bigint not null references strategy_version (id),
    percent             integer not null check (percent > 0 and percent <= 100),
    primary key (experiment_id, arm)
);

-- A case's arm, fixed the first time a daily run sees it during the experiment.
create table case_experiment_arm (
    case_id           bigint not null,
    experiment_id     bigint not null references experiment (id),
    arm               text not null,
    entered_on        date not null,
    overdue_at_entry  bigint not null,
    primary key (experiment_id, case_id)
);
create index case_experiment_arm_case on case_experiment_arm (case_id);
