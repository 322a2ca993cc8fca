-- Payments (issue 5, R18): posting by API (idempotency keys) and by file, allocation of every fen
-- to the instalment components it paid, credit, reversals and adjustments (approved waivers).
-- ADR 0012. Payments themselves stay in the portfolio's `payment` table, whoever brought them in
-- (import, file posting, API); this module adds the journal of what they paid.

-- Adjustments reduce what is owed without money (an approved waiver, a settlement's discount).
-- Posting the same (source_kind, source_id, component) again returns the first one.
create table payment_adjustment (
    id            bigint generated always as identity primary key,
    account_id    bigint not null references account (id),
    component     text not null check (component in ('FEE', 'PENALTY', 'INTEREST', 'PRINCIPAL')),
    amount        bigint not null check (amount > 0),
    reason        text not null,
    source_kind   text not null,
    source_id     bigint not null,
    posted_by     text not null,
    effective_on  date not null,
    posted_at     timestamptz not null,
    unique (source_kind, source_id, component)
);
create index payment_adjustment_account on payment_adjustment (account_id);

-- The allocation journal: what each payment or adjustment paid of each instalment, per component,
-- written when it was posted (in posting order) and never rewritten. A row with seq null moves
-- credit: a payment's part no instalment needed (+) or credit used later by a due (−, with a row
-- for the instalment it paid). For every payment not reversed, the sum of its rows' components and
-- credit equals its amount; a reversal deletes exactly its rows (kept in payment_reversal.undone).
-- effective_on is the payment's paid_on (an adjustment's effective date): the daily run reads the
-- journal as of its business date. A payment deleted outright (never done by Recoup: a reversal
-- keeps the row) takes its rows with it.
create table payment_allocation (
    payment_id     bigint references payment (id) on delete cascade,
    adjustment_id  bigint references payment_adjustment (id) on delete cascade,
    account_id     bigint not null,
    seq            integer,
    fee            bigint not null default 0,
    penalty        bigint not null default 0,
    interest       bigint not null default 0,
    principal      bigint not null default 0,
    credit         bigint not null default 0,
    effective_on   date not null,
    allocated_at   timestamptz not null,
    check (num_nonnulls(payment_id, adjustment_id) = 1),
    check (seq is not null or (fee = 0 and penalty = 0 and interest = 0 and principal = 0)),
    check (seq is null or credit = 0),
    check (adjustment_id is null or credit = 0)
);
create index payment_allocation_account on payment_allocation (account_id, seq);
create index payment_allocation_payment on payment_allocation (payment_id) where payment_id is not null;
create index payment_allocation_adjustment on payment_allocation (adjustment_id) where adjustment_id is not null;

-- A reversed payment stays in `payment` (its reference stays taken) but counts for nothing.
create table payment_reversal (
    payment_id   bigint primary key references payment (id),
    account_id   bigint not null,
    reason       text not null,
    reversed_by  text not null,
    reversed_at  timestamptz not null,
    -- The journal rows the reversal removed, as they were: the allocation it undid.
    undone       jsonb not null
);
create index payment_reversal_account on payment_reversal (account_id);

-- Idempotency keys of POST /api/v1/payments: the first result is kept and returned again for the
-- same key and the same request; the same key with another request is refused (409).
create table payment_request (
    idempotency_key  text primary key,
    request_hash     text not null,
    payment_id       bigint not null,
    status           integer not null,
    response         text not null,
    requested_by     text not null,
    created_at       timestamptz not null
);

-- Payment files (CSV or XLSX) and their row report, like portfolio imports.
create table payment_file (
    id             bigint generated always as identity primary key,
    file_name      text not null,
    sheet_name     text,
    requested_by   text not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    rows_read      bigint not null default 0,
    rows_posted    bigint not null default 0,
    rows_rejected  bigint not null default 0,
    amount_posted  bigint not null default 0,
    credit_kept    bigint not null default 0,
    ignored_columns text[] not null default '{}'
);

create table payment_file_rejection (
    file_id      bigint not null references payment_file (id) on delete cascade,
    row_no       bigint not null,
    column_no    integer not null,
    column_name  text,
    value        text,
    code         text not null,
    args         text[] not null default '{}'
);
create index payment_file_rejection_order on payment_file_rejection (file_id, row_no, column_no);
