-- Contact (issue 4, R10–R14): the contact ledger, holds, consents, the rule pack chosen per portfolio,
-- complaints and the learned best times to call. Owned by the contact module; see
-- docs/adr/0010-contact-ledger-and-gate.md. Ids of other modules (case, customer, contact, account)
-- are plain bigint columns without foreign keys: the ledger is written by every channel and in bulk,
-- and no module reaches into another's tables with constraints.

-- The ledger: every attempt and conversation on every channel, outbound and inbound.
-- An attempt whose outcome is null is pending (a call placed or a message handed to a gateway, its
-- result awaited); the gate counts it as made. A call-list entry handed to the dialer is a pending
-- attempt reserved for its slot (via = 'DIALER', expires_at = the end of its slot); one the dialer
-- never dialled is voided (voided_at) and is then no attempt at all.
create table contact_attempt (
    id                    bigint generated always as identity primary key,
    case_id               bigint,                 -- the case it concerned, if any
    customer_id           bigint not null,        -- the contact's customer (holds and audits join by it)
    contact_id            bigint not null,
    channel               text not null check (channel in ('AGENT_CALL', 'ROBOT_CALL', 'SMS', 'EMAIL', 'LETTER', 'VISIT')),
    direction             text not null default 'OUTBOUND' check (direction in ('OUTBOUND', 'INBOUND')),
    endpoint              text,                   -- number or address used
    endpoint_kind         text check (endpoint_kind in ('MOBILE_PHONE', 'HOME_PHONE', 'WORK_PHONE', 'PERSONAL_EMAIL', 'WORK_EMAIL',
                                                        'HOME_ADDRESS', 'WORK_ADDRESS', 'OTHER')),
    at                    timestamptz not null,   -- placed, sent or received
    outcome               text check (outcome in ('CONVERSATION_DEBTOR', 'CONVERSATION_THIRD_PARTY', 'NO_ANSWER', 'BUSY',
                                                  'NOT_IN_SERVICE', 'VOICEMAIL', 'WRONG_NUMBER', 'DROPPED', 'DELIVERED', 'BOUNCED',
                                                  'OPTED_OUT')),
    outcome_at            timestamptz,
    purpose               text not null check (purpose in ('COLLECTION', 'PAYMENT_REMINDER', 'PROMISE_REMINDER', 'CALL_BACK_REQUEST',
                                                           'LOCATION_INFO', 'CEASE_NOTICE', 'OPT_OUT_CONFIRMATION', 'COMPLAINT_RESPONSE')),
    account_ids           bigint[] not null default '{}',   -- the debts it concerned (empty: all of the customer's)
    discussed_account_ids bigint[] not null default '{}',   -- in a conversation, the debts discussed (empty: the same)
    staff_count           smallint not null default 0 check (staff_count >= 0),
    in_response_to        bigint,                 -- the inbound entry it answered
    made_by               text not null,          -- user name, 'dialer', 'robot', 'sms-gateway', ...
    consent_note          text,                   -- consent the person gave in it, in their words
    via                   text not null check (via in ('RECORDED', 'CALL_BUTTON', 'DIALER', 'OUTBOX', 'GATE')),
    dialer_call_id        text,                   -- the dialer's id of the call (results are idempotent by it)
    slot_start            timestamptz,            -- a call-list entry: dial from this …
    expires_at            timestamptz,            -- … and before this
    voided_at             timestamptz,            -- a call-list entry not dialled (expired, or cancelled by a new hold)
    void_reason           text,
    recorded_at           timestamptz not null default now()
);
-- The gate loads one person's recent entries: an index range scan on (contact, time).
create index contact_attempt_contact_at on contact_attempt (contact_id, at);
create index contact_attempt_case_at on contact_attempt (case_id, at) where case_id is not null;
create unique index contact_attempt_dialer_call on contact_attempt (dialer_call_id) where dialer_call_id is not null;
-- Call-list entries awaiting their result (few at any time): which contacts are reserved, which expire.
create index contact_attempt_reserved on contact_attempt (contact_id) where via = 'DIALER' and outcome is null and voided_at is null;
create index contact_attempt_reserved_expiry on contact_attempt (expires_at) where via = 'DIALER' and outcome is null and voided_at is null;
-- Time-range reads over everyone (learning best times, audits): rows arrive in time order.
create index contact_attempt_at on contact_attempt using brin (at);

-- Holds stop or narrow contact from the instant the notice was received (effective_from) until
-- effective_until (planned end, or when lifted); null = until further notice. A hold on a case or a
-- customer protects every contact of the customer; a hold on a contact only that person.
create table contact_hold (
    id              bigint generated always as identity primary key,
    level           text not null check (level in ('CASE', 'CUSTOMER', 'CONTACT')),
    customer_id     bigint not null,
    case_id         bigint,
    contact_id      bigint,
    kind            text not null check (kind in ('COMPLAINT_OPEN', 'DISPUTE_OPEN', 'DECEASED', 'BANKRUPT', 'ATTORNEY_REPRESENTS',
                                                  'CEASE_COMMUNICATION', 'MEDIUM_OPT_OUT', 'WORKPLACE_BAN', 'INCONVENIENT_PLACE',
                                                  'BREATHING_SPACE')),
    medium          text check (medium in ('TELEPHONE', 'TEXT_MESSAGE', 'EMAIL', 'MAIL', 'IN_PERSON')),
    endpoint        text,                           -- an opt-out of one number or address
    place           text check (place in ('HOME', 'WORK')),
    account_ids     bigint[] not null default '{}', -- the debts it concerns (empty: all)
    effective_from  timestamptz not null,
    effective_until timestamptz,
    note            text,
    placed_by       text not null,
    placed_at       timestamptz not null,
    lifted_by       text,
    lifted_at       timestamptz,
    lift_reason     text,
    complaint_id    bigint,                         -- the complaint that holds it (lifted when it closes)
    check (level <> 'CASE' or case_id is not null),
    check (level <> 'CONTACT' or contact_id is not null),
    check (kind <> 'MEDIUM_OPT_OUT' or medium is not null),
    check (kind <> 'INCONVENIENT_PLACE' or place is not null),
    check (effective_until is null or effective_until > effective_from)
);
create index contact_hold_customer on contact_hold (customer_id);
create index contact_hold_complaint on contact_hold (complaint_id) where complaint_id is not null;

-- Consents: "call me Monday 19:00–20:00", "you may call me at the office". A window opens quiet hours
-- on its days; without a window a consent opens no time.
create table contact_consent (
    id            bigint generated always as identity primary key,
    contact_id    bigint not null,
    customer_id   bigint not null,
    source        text not null check (source in ('DEBTOR_DIRECT', 'VIA_CREDITOR', 'COURT')),
    received_at   timestamptz not null,
    channels      text[] not null default '{}',     -- empty: every channel
    account_ids   bigint[] not null default '{}',   -- empty: every debt
    days          smallint[] not null default '{}', -- ISO days 1 = Monday … 7 = Sunday; empty: every day
    window_start  time,
    window_end    time,
    zone          text,                             -- zone of the window; null: the person's own
    endpoint      text,
    valid_until   timestamptz,
    revoked_at    timestamptz,
    note          text,
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    attempt_id    bigint,                           -- the ledger entry in which it was given
    check ((window_start is null) = (window_end is null)),
    check (window_start is null or window_start <> window_end)
);
create index contact_consent_contact on contact_consent (contact_id);

-- The rule pack and its parameters. There is no "portfolio" column on accounts (one lender per
-- installation), so one system-wide row ('*') with optional overrides per product code. No row at
-- all means the China pack with its defaults.
create table contact_pack_setting (
    scope       text primary key check (scope in ('*', 'consumer_loan', 'credit_card', 'sme_loan', 'secured_loan')),
    pack        text not null check (pack in ('CN', 'US-REGF', 'UK-CONC')),
    parameters  jsonb not null default '{}',
    updated_by  text not null,
    updated_at  timestamptz not null
);

-- Complaints (R14): answered within 24 hours (first response), tracked to closure. While open, a
-- COMPLAINT_OPEN hold on the case stops contact except to answer the complaint.
create table complaint (
    id                     bigint generated always as identity primary key,
    case_id                bigint not null,
    customer_id            bigint not null,
    channel                text not null check (channel in ('PHONE', 'SMS', 'EMAIL', 'LETTER', 'IN_PERSON', 'ONLINE', 'REGULATOR')),
    category               text not null check (category in ('HARASSMENT', 'THIRD_PARTY_DISCLOSURE', 'ABUSIVE_LANGUAGE',
                                                             'IMPERSONATION', 'WRONG_AMOUNT', 'PRIVACY', 'SERVICE', 'OTHER')),
    text                   text not null,
    status                 text not null check (status in ('OPEN', 'CLOSED')),
    received_at            timestamptz not null,
    registered_by          text not null,
    registered_at          timestamptz not null,
    assignee               text,
    assigned_at            timestamptz,
    first_response_due_at  timestamptz not null,
    first_response_at      timestamptz,
    first_response_by      text,
    first_response_note    text,
    escalated_at           timestamptz,
    closed_at              timestamptz,
    closed_by              text,
    outcome                text check (outcome in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN')),
    resolution             text,
    hold_id                bigint,
    check ((status = 'CLOSED') = (closed_at is not null and outcome is not null))
);
create index complaint_open_by_due on complaint (first_response_due_at) where status = 'OPEN';
create index complaint_case on complaint (case_id);

-- Best time to contact (R11): connect and right-party-contact rates of outbound calls by region
-- (province: the first two digits of the customer's region code; '*' = all regions), local weekday
-- and hour, learned from the ledger and smoothed with a Beta prior. Rebuilt as a whole by
-- BestTimes.refresh (nightly).
create table contact_rate_cell (
    region        text not null,
    weekday       smallint not null check (weekday between 1 and 7),
    hour          smallint not null check (hour between 0 and 23),
    attempts      integer not null,
    connects      integer not null,
    right_party   integer not null,
    connect_rate  double precision not null,
    rpc_rate      double precision not null,
    primary key (region, weekday, hour)
);
create table contact_rate_refresh (
    id            bigint generated always as identity primary key,
    refreshed_at  timestamptz not null,
    from_at       timestamptz not null,
    until_at      timestamptz not null,
    calls         bigint not null,
    prior_weight  double precision not null
);

-- Transcript QA (R12): a call's transcript (uploaded, or posted by a speech-to-text adapter) and
-- what its scan found, queued for a compliance reviewer with the passage's offsets.
create table transcript (
    id           bigint generated always as identity primary key,
    attempt_id   bigint not null unique,
    case_id      bigint,
    contact_id   bigint not null,
    text         text not null,
    source       text not null check (source in ('UPLOAD', 'SPEECH_TO_TEXT')),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create table qa_review (
    id             bigint generated always as identity primary key,
    transcript_id  bigint not null references transcript (id),
    attempt_id     bigint not null,
    case_id        bigint,
    kind           text not null check (kind in ('FORBIDDEN_WORDING', 'MISSING_IDENTITY_CHECK')),
    category       text,                   -- the lexicon's category, for forbidden wording
    phrase         text not null,
    start_offset   integer not null,       -- the passage in the transcript's text
    end_offset     integer not null,
    passage        text not null,
    status         text not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    found_at       timestamptz not null,
    reviewed_by    text,
    reviewed_at    timestamptz,
    note           text
);
create index qa_review_open on qa_review (found_at) where status = 'OPEN';
create index qa_review_transcript on qa_review (transcript_id);
