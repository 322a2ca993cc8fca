-- The daily run (日终): a ledger of runs with steps and chunks, per-run status snapshots, the
-- history of every bucket and tier move, and the cases it opens and closes.

create table daily_run (
    id               bigint generated always as identity primary key,
    business_date    date not null,
    status           text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    triggered_by     text not null,
    previous_run_id  bigint references daily_run (id),
    accounts_total   integer not null default 0,
    accounts_done    integer not null default 0,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    failure          text,
    summary          jsonb,
    -- A later run of the same business date replaces this one's snapshot.
    superseded_by    bigint references daily_run (id),
    -- Old snapshots are dropped after the retention period (month ends are kept).
    snapshot_dropped boolean not null default false
);
-- One run at a time: the daily run is a batch over the whole portfolio.
create unique index daily_run_one_running on daily_run ((true)) where status = 'RUNNING';
create index daily_run_date on daily_run (business_date, status);

create table daily_run_step (
    run_id       bigint not null references daily_run (id),
    position     integer not null,
    step         text not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    millis       bigint,
    primary key (run_id, position)
);

-- Accounts are assessed in chunks of account ids; a chunk commits its results and its "done"
-- mark together, so a run killed midway resumes after the last committed chunk.
create table daily_run_chunk (
    run_id           bigint not null references daily_run (id),
    chunk_no         integer not null,
    first_account_id bigint not null,
    last_account_id  bigint not null,
    accounts         integer,
    done             boolean not null default false,
    primary key (run_id, chunk_no)
);

-- Status snapshots, one partition per run (created by the run). Readers use the latest completed
-- run's partition, so a run in progress is never half-visible; a re-run of a date writes a new
-- partition and the superseded one is dropped.
create table account_status (
    run_id                 bigint not null,
    business_date          date not null,
    account_id             bigint not null,
    customer_id            bigint not null,
    days_past_due          integer not null,
    bucket                 text not null,
    oldest_unpaid_due_date date,
    overdue_principal      bigint not null,
    overdue_interest       bigint not null,
    overdue_fee            bigint not null,
    overdue_penalty        bigint not null,
    overdue_total          bigint not null,
    outstanding            bigint not null,
    paid                   bigint not null,
    credit                 bigint not null,
    max_days_late_settled  integer not null,
    repayments_made        integer not null,
    -- The three most recent repayments (1 = newest), for the customer's repayment trend.
    repaid_on_1            date,
    repaid_amount_1        bigint,
    repaid_on_2            date,
    repaid_amount_2        bigint,
    repaid_on_3            date,
    repaid_amount_3        bigint
) partition by list (run_id);

create table customer_status (
    run_id                 bigint not null,
    business_date          date not null,
    customer_id            bigint not null,
    worst_days_past_due    integer not null,
    bucket                 text not null,
    tier                   text,
    overdue_total          bigint not null,
    outstanding            bigint not null,
    accounts               integer not null,
    overdue_accounts       integer not null,
    good_history           boolean not null,
    repayment_trend        text not null,
    repayment_variation_bp integer not null
) partition by list (run_id);

-- Every move between buckets (accounts) and between tiers or buckets (customers), by business
-- date: roll rates are computed from these. One row per subject and date, so re-runs replace.
create table account_bucket_change (
    account_id     bigint not null,
    business_date  date not null,
    run_id         bigint not null,
    from_bucket    text not null,
    to_bucket      text not null,
    days_past_due  integer not null,
    overdue_total  bigint not null,
    primary key (account_id, business_date)
);
create index account_bucket_change_date on account_bucket_change (business_date);

create table customer_status_change (
    customer_id          bigint not null,
    business_date        date not null,
    run_id               bigint not null,
    from_bucket          text not null,
    to_bucket            text not null,
    from_tier            text,
    to_tier              text,
    worst_days_past_due  integer not null,
    overdue_total        bigint not null,
    primary key (customer_id, business_date)
);
create index customer_status_change_date on customer_status_change (business_date);

-- Cases: one open case per customer with anything overdue, grouping all the customer's accounts.
-- Run ids on cases and events carry no foreign key: the first run opens hundreds of thousands of
-- cases in one statement, and per-row checks against daily_run and against cases inserted in the
-- same statement cost minutes (the check plans are made while the tables are still small).
-- Events are written only from the RETURNING of the case statement, so they are right by construction.
create table collection_case (
    id             bigint generated always as identity primary key,
    customer_id    bigint not null references customer (id),
    status         text not null check (status in ('OPEN', 'CLOSED')),
    opened_on      date not null,
    opened_by_run  bigint not null,
    closed_on      date,
    closed_by_run  bigint,
    close_reason   text check (close_reason in ('CURED', 'RERUN_CORRECTION')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create unique index collection_case_one_open_per_customer on collection_case (customer_id) where status = 'OPEN';
create index collection_case_customer on collection_case (customer_id);

create table case_event (
    id             bigint generated always as identity primary key,
    case_id        bigint not null,
    business_date  date not null,
    run_id         bigint not null,
    event          text not null check (event in ('OPENED', 'CLOSED', 'REOPENED')),
    reason         text,
    created_at     timestamptz not null default now()
);
create index case_event_case on case_event (case_id);
