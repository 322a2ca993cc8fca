-- Portfolio imports: what each import read, accepted and rejected, kept so that a rejected row can
-- be looked up long after the HTTP answer is gone. Written in the same transaction as the data the
-- import applies: an import that is refused or dies leaves no trace here either.

create table portfolio_import (
    id              bigint generated always as identity primary key,
    requested_by    text not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    -- Workbook sheets named like no kind, so not read (the report says so).
    ignored_sheets  text[] not null default '{}'
);

-- One row per file, workbook sheet or JSON array. file_no orders them as they were applied
-- (dependency order: customers before contacts before accounts ...).
create table portfolio_import_file (
    import_id       bigint not null references portfolio_import (id) on delete cascade,
    file_no         integer not null,
    kind            text not null check (kind in ('customers', 'contacts', 'accounts', 'instalments', 'payments', 'collateral')),
    file_name       text not null,
    sheet_name      text,
    rows_read       bigint not null default 0,
    rows_accepted   bigint not null default 0,
    rows_rejected   bigint not null default 0,
    rows_inserted   bigint not null default 0,
    rows_updated    bigint not null default 0,
    rows_unchanged  bigint not null default 0,
    ignored_columns text[] not null default '{}',
    primary key (import_id, file_no)
);

-- One row per problem of a rejected row (a row can have several). The reason is stored as a code
-- and its arguments, rendered in English or Chinese when read (messages import.reason.<code>).
-- Row numbers count as a spreadsheet does: the header is row 1.
create table portfolio_import_rejection (
    import_id   bigint not null,
    file_no     integer not null,
    row_no      bigint not null,
    column_no   integer not null,           -- position in the format, to list a row's problems in column order; -1 for the whole row
    column_name text,                       -- null when the row as a whole is wrong
    value       text,
    code        text not null,
    args        text[] not null default '{}',
    foreign key (import_id, file_no) references portfolio_import_file (import_id, file_no) on delete cascade
);
create index portfolio_import_rejection_order on portfolio_import_rejection (import_id, file_no, row_no, column_no);
