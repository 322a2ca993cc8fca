-- Issue 4 (R13, channels): message templates with versions, the outbox every SMS, e-mail and letter
-- goes through, gateway receipts, and the daily letter batches. No foreign keys to other modules'
-- tables: case, contact and ledger ids are plain bigints (ADR 0011).

-- A template: what it is for (kind), its channel, and a pointer to its latest version. Versions
-- are never changed: every save is a new one, and a message records the version it was made from.
create table message_template (
    id              bigint generated always as identity primary key,
    code            text not null unique,
    name            text not null,
    kind            text not null check (kind in ('REMINDER', 'FIRST_DAY_REMINDER', 'RISK_WARNING', 'INVITATION_TO_NEGOTIATE',
                                                  'PROMISE_REMINDER', 'THIRD_PARTY_CALL_BACK')),
    channel         text not null check (channel in ('SMS', 'EMAIL', 'LETTER')),
    current_version integer not null default 0,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table message_template_version (
    id                  bigint generated always as identity primary key,
    template_id         bigint not null references message_template (id),
    version             integer not null check (version > 0),
    subject_zh          text,
    body_zh             text not null,
    subject_en          text,
    body_en             text not null,
    uses_debt_variables boolean not null,
    note                text,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    unique (template_id, version)
);

-- The day's printable letters: one batch per business date, one letter per page.
create table letter_batch (
    id            bigint generated always as identity primary key,
    business_date date not null unique,
    created_at    timestamptz not null default now()
);

-- The outbox. A row is written in the caller's transaction (a task, a person's request) and sent
-- by the dispatcher: PENDING → SENDING (claimed, with a lease) → SENT → DELIVERED, or FAILED,
-- BLOCKED (the gate said no), UNCERTAIN (the dispatcher stopped while handing it to the gateway:
-- not resent blindly, a person decides). send_started_at is written before the gateway is called.
create table outbound_message (
    id                   bigint generated always as identity primary key,
    idempotency_key      text not null unique,
    case_id              bigint,
    account_ids          bigint[] not null default '{}',
    contact_id           bigint not null,
    channel              text not null check (channel in ('SMS', 'EMAIL', 'LETTER')),
    purpose              text not null,
    carries_debt_details boolean not null,
    endpoint             text not null,
    recipient_name       text,
    template_version_id  bigint not null references message_template_version (id),
    language             text not null check (language in ('zh-CN', 'en')),
    subject              text,
    body                 text not null,
    status               text not null check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'BLOCKED', 'UNCERTAIN')),
    attempts             integer not null default 0,
    next_attempt_at      timestamptz not null,
    claim_token          uuid,
    lease_until          timestamptz,
    send_started_at      timestamptz,
    last_error           text,
    block_reasons        jsonb,
    gateway_message_id   text,
    gateway_segment_ids  text[],
    ledger_attempt_id    bigint,
    letter_batch_id      bigint references letter_batch (id),
    requested_by         text not null,
    created_at           timestamptz not null default now(),
    sent_at              timestamptz,
    delivered_at         timestamptz,
    updated_at           timestamptz not null default now()
);
create index outbound_message_due on outbound_message (next_attempt_at) where status = 'PENDING';
create index outbound_message_leased on outbound_message (lease_until) where status = 'SENDING';
create index outbound_message_gateway_id on outbound_message (channel, gateway_message_id) where gateway_message_id is not null;
create index outbound_message_segments on outbound_message using gin (gateway_segment_ids) where gateway_segment_ids is not null;
create index outbound_message_case on outbound_message (case_id, created_at);
create index outbound_message_batch on outbound_message (letter_batch_id) where letter_batch_id is not null;

-- Receipts as the gateways report them (SMPP delivery receipts, e-mail bounces, returned letters).
-- Kept even when no message matches yet: a receipt can arrive before the dispatcher has stored the
-- gateway's id; it is applied when the id is stored.
create table gateway_receipt (
    id                 bigint generated always as identity primary key,
    channel            text not null check (channel in ('SMS', 'EMAIL', 'LETTER')),
    gateway_message_id text not null,
    result             text not null check (result in ('DELIVERED', 'FAILED')),
    detail             text,
    occurred_at        timestamptz not null,
    received_at        timestamptz not null default now(),
    outbound_id        bigint
);
create index gateway_receipt_unapplied on gateway_receipt (channel, gateway_message_id) where outbound_id is null;
create index gateway_receipt_outbound on gateway_receipt (outbound_id) where outbound_id is not null;
