-- Access (issue 6, docs/adr/0017-security-roles-scopes-masking.md): users with their roles and what
-- scopes their data, personal API tokens, and the audit log.
-- Users link to allocation's agent and agency by their refs and to teams by code, not by id: the
-- organisation can be recreated (ids change) while the users stay.

create table app_user (
    id                   bigint generated always as identity primary key,
    username             text not null unique check (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
    display_name         text not null default '',
    -- {bcrypt}… (Spring's DelegatingPasswordEncoder format).
    password_hash        text not null,
    roles                text[] not null check (cardinality(roles) > 0 and roles <@ array['AGENT', 'TEAM_LEAD', 'MANAGER',
                             'COMPLIANCE', 'LEGAL', 'AGENCY', 'ADMIN', 'DIALER']),
    agent_ref            text,
    agency_ref           text,
    -- The teams (team.code) a team lead leads.
    team_codes           text[] not null default '{}',
    enabled              boolean not null default true,
    -- Created from recoup.security.demo-users at start (and kept by TestDatabase.clean).
    demo                 boolean not null default false,
    failed_logins        integer not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

-- Personal API tokens for scripts: only the SHA-256 of the token is kept; the token is shown once.
create table api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    name          text not null,
    token_hash    bytea not null unique,
    -- The first characters, so the owner can tell tokens apart in the list.
    token_prefix  text not null,
    created_at    timestamptz not null,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_user on api_token (user_id);

-- Every sensitive read and every change. No foreign key to app_user: the trail outlives users.
create table audit_event (
    id            bigint generated always as identity primary key,
    at            timestamptz not null,
    user_id       bigint,
    username      text not null,
    action        text not null,
    subject_type  text,
    subject_id    text,
    detail        text
);
create index audit_event_at on audit_event (at);
create index audit_event_user on audit_event (username, at);
create index audit_event_subject on audit_event (subject_type, subject_id, at);
