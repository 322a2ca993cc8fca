-- Issue 5 (R16, R17): approval requests that need one or more people's approval — waivers and
-- settlements (team lead, then manager, by amount) and instalment plans beyond the product's limits.
-- The asking module keeps its own subject (waiver, settlement, plan) and acts on the final decision
-- (ApprovalDecided); this table only knows its kind and id. ADR 0014.
create table approval_request (
    id                bigint generated always as identity primary key,
    kind              text not null check (kind ~ '^[A-Z][A-Z_]{1,39}$'),
    subject_id        bigint not null,
    case_id           bigint not null references collection_case (id),
    amount            bigint not null check (amount >= 0),
    touches_principal boolean not null default false,
    summary           text,
    reason            text,
    status            text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    levels_required   integer not null check (levels_required > 0),
    levels_approved   integer not null default 0 check (levels_approved >= 0 and levels_approved <= levels_required),
    requested_by      text not null,
    requested_at      timestamptz not null,
    decided_at        timestamptz
);
-- At most one pending request per subject: asking again returns it.
create unique index approval_request_one_pending on approval_request (kind, subject_id) where status = 'PENDING';
create index approval_request_pending on approval_request (levels_approved) where status = 'PENDING';
create index approval_request_case on approval_request (case_id);

-- One row per decision: an approval of one level, or the rejection that ends the request. The same
-- person never decides two levels of one request (unique), whatever the application checks.
create table approval_decision (
    id          bigint generated always as identity primary key,
    approval_id bigint not null references approval_request (id),
    level       integer not null check (level > 0),
    level_name  text not null,
    decision    text not null check (decision in ('APPROVE', 'REJECT')),
    decided_by  text not null,
    roles       text not null,
    reason      text not null,
    decided_at  timestamptz not null,
    unique (approval_id, level),
    unique (approval_id, decided_by)
);
