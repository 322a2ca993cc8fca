-- Portfolio: what the lender hands over. Ids the lender uses (customer_ref, account_ref, ...) are
-- unique and are what imports upsert by; our own bigint ids keep joins small.
-- Money is bigint minor units (fen). Codes are lower-case text with CHECKs, readable in SQL.

create table customer (
    id            bigint generated always as identity primary key,
    customer_ref  text not null unique,
    name          text not null,
    id_number     text,
    birth_date    date,
    gender        text check (gender in ('M', 'F')),
    occupation    text,
    employer      text,
    region_code   char(6),
    address       text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table contact (
    id            bigint generated always as identity primary key,
    contact_ref   text not null unique,
    customer_id   bigint not null references customer (id),
    role          text not null check (role in ('self', 'spouse', 'relative', 'colleague', 'emergency', 'other')),
    name          text,
    phone         text,
    email         text,
    address       text,
    valid         boolean not null default true,
    source        text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index contact_customer on contact (customer_id);

create table account (
    id            bigint generated always as identity primary key,
    account_ref   text not null unique,
    customer_id   bigint not null references customer (id),
    product       text not null check (product in ('consumer_loan', 'credit_card', 'sme_loan', 'secured_loan')),
    currency      char(3) not null,
    principal     bigint not null check (principal >= 0),
    annual_rate   numeric(9, 6) not null check (annual_rate >= 0),
    start_date    date not null,
    maturity_date date,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index account_customer on account (customer_id);

-- The repayment schedule as the lender computed it; Recoup does not re-price loans.
create table instalment (
    account_id    bigint not null references account (id),
    seq           integer not null check (seq > 0),
    due_date      date not null,
    principal_due bigint not null check (principal_due >= 0),
    interest_due  bigint not null check (interest_due >= 0),
    fee_due       bigint not null check (fee_due >= 0),
    penalty_due   bigint not null check (penalty_due >= 0),
    updated_at    timestamptz not null default now(),
    primary key (account_id, seq)
);

create table payment (
    id            bigint generated always as identity primary key,
    payment_ref   text not null unique,
    account_id    bigint not null references account (id),
    paid_on       date not null,
    amount        bigint not null check (amount > 0),
    channel       text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index payment_account on payment (account_id, paid_on);

create table collateral (
    id              bigint generated always as identity primary key,
    collateral_ref  text not null unique,
    account_id      bigint not null references account (id),
    type            text not null check (type in ('real_estate', 'vehicle', 'equity', 'receivable', 'other')),
    description     text,
    appraised_value bigint check (appraised_value >= 0),
    appraised_on    date,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index collateral_account on collateral (account_id);
