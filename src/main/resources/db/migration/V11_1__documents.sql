-- Issue 5 (R19): documents generated for a case from versioned templates, kept with the case with
-- their SHA-256, and signed by the customer through a one-time link. ADR 0015.

-- One template per kind; every save is a new version, earlier versions stay and documents point at
-- the version they were made from.
create table document_template (
    kind            text primary key check (kind in ('REPAYMENT_COMMITMENT', 'INSTALMENT_AGREEMENT', 'WAIVER_APPLICATION',
                                                     'DEMAND_LETTER', 'LAWYERS_LETTER')),
    current_version integer not null default 0,
    updated_at      timestamptz not null default now()
);

create table document_template_version (
    id         bigint generated always as identity primary key,
    kind       text not null references document_template (kind),
    version    integer not null check (version > 0),
    title_zh   text not null,
    body_zh    text not null,
    title_en   text not null,
    body_en    text not null,
    note       text,
    created_by text not null,
    created_at timestamptz not null default now(),
    unique (kind, version)
);

-- A generated document: the PDF bytes as they were given out, their SHA-256 (hex) and size. Bytes
-- in the database: a few tens of KB each, transactional with the case's other records, backed up
-- with them.
create table case_document (
    id                  bigint generated always as identity primary key,
    case_id             bigint not null references collection_case (id),
    kind                text not null,
    template_version_id bigint not null references document_template_version (id),
    template_version    integer not null,
    language            text not null check (language in ('zh-CN', 'en')),
    title               text not null,
    variables           jsonb not null,
    content             bytea not null,
    sha256              char(64) not null,
    size_bytes          integer not null,
    status              text not null default 'GENERATED' check (status in ('GENERATED', 'SIGNED')),
    created_by          text not null,
    created_at          timestamptz not null
);
create index case_document_case on case_document (case_id);

-- A one-time signing link: only the SHA-256 of its random token is kept (the token itself is only
-- in the link given to the customer). Used once (used_at), until expires_at.
create table document_signing_link (
    id           bigint generated always as identity primary key,
    document_id  bigint not null references case_document (id),
    token_sha256 char(64) not null unique,
    expires_at   timestamptz not null,
    created_by   text not null,
    created_at   timestamptz not null,
    used_at      timestamptz
);
create index document_signing_link_document on document_signing_link (document_id);

-- The signature: who typed which name, from where, when; the original's hash and the signed PDF
-- (the original with a signature page appended) with its own hash. One per document.
create table document_signature (
    id              bigint generated always as identity primary key,
    document_id     bigint not null unique references case_document (id),
    link_id         bigint not null unique references document_signing_link (id),
    signer_name     text not null,
    signer_ip       text not null,
    user_agent      text,
    signed_at       timestamptz not null,
    original_sha256 char(64) not null,
    content         bytea not null,
    sha256          char(64) not null,
    size_bytes      integer not null
);
