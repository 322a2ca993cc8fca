-- Issue 5 (R17): waivers of penalty, fees and interest with proof of hardship, and settlements
-- (which alone may forgive principal), both approved through approval_request (no key across
-- modules: approval_id is a plain id). Approved ones post adjustments through the payments module.
-- ADR 0014.
create table waiver (
    id                bigint generated always as identity primary key,
    kind              text not null check (kind in ('WAIVER', 'SETTLEMENT')),
    case_id           bigint not null references collection_case (id),
    account_id        bigint not null references account (id),
    fee               bigint not null default 0 check (fee >= 0),
    penalty           bigint not null default 0 check (penalty >= 0),
    interest          bigint not null default 0 check (interest >= 0),
    principal         bigint not null default 0 check (principal >= 0),
    total             bigint generated always as (fee + penalty + interest + principal) stored,
    -- What the customer pays under a settlement; null for a waiver.
    settlement_amount bigint check (settlement_amount >= 0),
    reason            text not null,
    exclude_from_kpis boolean not null default false,
    status            text not null check (status in ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    approval_id       bigint,
    requested_by      text not null,
    requested_at      timestamptz not null,
    decided_by        text,
    decision_reason   text,
    decided_at        timestamptz,
    -- Principal only in a settlement (R17), whatever the application checks.
    check (kind = 'SETTLEMENT' or principal = 0),
    check ((kind = 'SETTLEMENT') = (settlement_amount is not null)),
    check (total > 0)
);
create index waiver_case on waiver (case_id);

-- Proof of hardship: the files as uploaded (bytes in the database, at most a few MB each), each
-- with its SHA-256; the same file twice on one waiver is kept once.
create table waiver_evidence (
    id           bigint generated always as identity primary key,
    waiver_id    bigint not null references waiver (id),
    file_name    text not null,
    content_type text not null,
    size_bytes   integer not null check (size_bytes > 0),
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    unique (waiver_id, sha256)
);

-- Cases to leave out of collection KPIs (recovery rates, PTP-kept rates, agent league tables): a
-- waiver or settlement approved with exclude_from_kpis. Reporting joins on case_id.
create table case_kpi_exclusion (
    case_id     bigint primary key references collection_case (id),
    waiver_id   bigint not null references waiver (id),
    reason      text not null,
    excluded_by text not null,
    excluded_at timestamptz not null
);
