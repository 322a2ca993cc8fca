-- Agreements (issue 5, R15/R16): promises to pay and instalment plans. Owned by the agreements module;
-- see docs/adr/0013-promises-and-instalment-plans.md. Foreign keys only to portfolio tables and
-- collection_case; agent and team ids (allocation) are plain bigints.

-- A promise to pay: by a date, an amount, on the accounts in promise_account. Judged from the payments
-- on those accounts from recorded_on to grace_ends_on: KEPT once paid >= required_amount; after
-- grace_ends_on PARTLY_KEPT (something paid) or BROKEN (nothing). required_amount and grace_ends_on
-- are fixed when recorded (the tolerance and grace days then in force).
create table promise (
    id               bigint generated always as identity primary key,
    case_id          bigint not null references collection_case (id),
    customer_id      bigint not null references customer (id),
    promised_on      date not null,
    amount           bigint not null check (amount > 0),
    required_amount  bigint not null check (required_amount > 0 and required_amount <= amount),
    grace_ends_on    date not null check (grace_ends_on >= promised_on),
    channel          text not null check (channel in ('PHONE', 'SMS', 'EMAIL', 'LETTER', 'VISIT', 'IN_PERSON', 'ONLINE', 'OTHER')),
    agent_id         bigint,                    -- allocation's agent.id who obtained it (the case's agent by default), or null
    team_id          bigint,                    -- that agent's team when the promise was recorded
    recorded_on      date not null check (recorded_on <= promised_on),
    recorded_at      timestamptz not null,
    recorded_by      text not null,
    note             text,
    status           text not null default 'OPEN' check (status in ('OPEN', 'KEPT', 'PARTLY_KEPT', 'BROKEN', 'CANCELLED')),
    paid             bigint not null default 0, -- paid towards it, as of the last judgement
    judged_on        date,                      -- when it left OPEN
    judged_by        text check (judged_by in ('PAYMENT', 'DAILY_RUN', 'PERSON')),
    cancel_reason    text,
    updated_at       timestamptz not null default now(),
    check ((status = 'OPEN') = (judged_on is null))
);
-- One open promise per case: a second would count the same payments twice.
create unique index promise_one_open_per_case on promise (case_id) where status = 'OPEN';
create index promise_open_by_date on promise (promised_on) where status = 'OPEN';
create index promise_case on promise (case_id);
-- What strategies count (case_agreement_status): an index-only scan, not the whole table.
create index promise_not_honoured on promise (case_id) where status in ('BROKEN', 'PARTLY_KEPT');
create index promise_agent on promise (agent_id, promised_on);

create table promise_account (
    promise_id  bigint not null references promise (id),
    account_id  bigint not null references account (id),
    primary key (promise_id, account_id)
);
create index promise_account_account on promise_account (account_id);

-- An instalment plan over all the accounts of the case's customer. Payments on them from created_on
-- pay its instalments in order. Terms fixed at creation: the product limits applied, grace days, the
-- number of missed instalments that breaks it, the affordability assessment.
create table plan (
    id                  bigint generated always as identity primary key,
    case_id             bigint not null references collection_case (id),
    customer_id         bigint not null references customer (id),
    total               bigint not null check (total > 0),
    instalments         integer not null check (instalments between 1 and 60),
    first_payment       bigint not null check (first_payment > 0),
    frequency           text not null check (frequency in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
    start_on            date not null,
    max_instalments     integer not null,       -- the product limits in force (beyond them: approval)
    min_first_percent   integer not null,
    limit_breaches      text[] not null default '{}',
    grace_days          integer not null check (grace_days >= 0),
    break_after_missed  integer not null check (break_after_missed >= 1),
    monthly_income      bigint not null check (monthly_income >= 0),
    monthly_expenses    bigint not null check (monthly_expenses >= 0),
    affordability       text not null check (affordability in ('OK', 'WARN')),
    affordability_code  text not null,
    approval_id         bigint,                 -- approvals' request when beyond the limits
    status              text not null check (status in ('PENDING_APPROVAL', 'ACTIVE', 'COMPLETED', 'BROKEN', 'REJECTED', 'CANCELLED')),
    agent_id            bigint,
    team_id             bigint,
    created_on          date not null,
    created_at          timestamptz not null,
    created_by          text not null,
    note                text,
    activated_on        date,
    paid                bigint not null default 0,  -- paid towards it (capped by nothing: overpaying completes it)
    missed              integer not null default 0, -- instalments past due + grace and not paid
    oldest_unpaid_due_on date,                      -- the first instalment not fully paid; null when all are
    ended_on            date,
    end_reason          text,
    updated_at          timestamptz not null default now()
);
-- One live plan per case.
create unique index plan_one_live_per_case on plan (case_id) where status in ('PENDING_APPROVAL', 'ACTIVE');
create index plan_active_customer on plan (customer_id) where status = 'ACTIVE';
create index plan_status on plan (status, created_on);

create table plan_instalment (
    plan_id  bigint not null references plan (id),
    seq      integer not null check (seq > 0),
    due_on   date not null,
    amount   bigint not null check (amount > 0),
    primary key (plan_id, seq)
);

-- Customers who completed a plan may have their credit record restored (R16): the first completion counts.
create table credit_restoration (
    customer_id  bigint primary key references customer (id),
    plan_id      bigint not null references plan (id),
    eligible_on  date not null,
    created_at   timestamptz not null default now()
);

-- Reminders handed to the outbox (contact's OutboundMessages), one per promise or plan instalment and
-- days-before; the key is the outbox's idempotency key, so a re-run enqueues nothing twice.
create table agreement_reminder (
    idempotency_key  text primary key,
    promise_id       bigint references promise (id),
    plan_id          bigint references plan (id),
    plan_seq         integer,
    due_on           date not null,
    days_before      integer not null,
    message_id       bigint not null,
    enqueued_on      date not null,
    check (num_nonnulls(promise_id, plan_id) = 1)
);
create index agreement_reminder_promise on agreement_reminder (promise_id) where promise_id is not null;
create index agreement_reminder_plan on agreement_reminder (plan_id) where plan_id is not null;

-- What strategies see of a case's agreements (strategy's OpenCaseReader joins it; CEL variables
-- brokenPromises, onActivePlan, planDpd, overdueBeyondPlan). Rows only for cases with a broken or
-- partly kept promise or an active plan.
create view case_agreement_status as
with not_honoured as (
    select case_id, count(*) as broken_promises from promise where status in ('BROKEN', 'PARTLY_KEPT') group by case_id),
active_plan as (
    select case_id, total - least(paid, total) as plan_remaining, oldest_unpaid_due_on from plan where status = 'ACTIVE')
select coalesce(b.case_id, p.case_id) as case_id,
       coalesce(b.broken_promises, 0)  as broken_promises,
       p.case_id is not null           as on_active_plan,
       coalesce(p.plan_remaining, 0)   as plan_remaining,
       p.oldest_unpaid_due_on          as plan_oldest_unpaid_due_on
from not_honoured b full join active_plan p on p.case_id = b.case_id;
