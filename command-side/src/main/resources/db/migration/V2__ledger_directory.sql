-- The command side's cross-aggregate lookup table (JdbcLedgerDirectory): every id in use and its
-- kind; for programmes their organisation and period (years as the April they start in).
-- Written in the same transaction as the events that create the ids.
create table ledger_directory (
    id           varchar(63)  not null primary key,
    kind         varchar(16)  not null,
    organisation varchar(200),
    parent_id    varchar(63),
    first_year   integer,
    last_year    integer,
    recorded_at  timestamptz  not null default now()
);
