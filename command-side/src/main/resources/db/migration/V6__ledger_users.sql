-- Users administrators keep over /admin/users (StoredUsers, ledger-web), besides the administrator and
-- the users of the configuration. Both sides read them at every sign-in, so a change holds on every
-- instance at once. Names are lower-case (sign-in ignores case); passwords only as hashes ({bcrypt}…).
create table ledger_users (
    name           varchar(64)  primary key check (name = lower(name)),
    password_hash  varchar(200) not null,
    roles          text[]       not null,
    organisations  text[]       not null,
    enabled        boolean      not null default true,
    version        bigint       not null,
    created_at     timestamptz  not null default now(),
    changed_at     timestamptz  not null default now()
);

-- Who changed which user when, and what (never a password: "password set"). Users are never deleted.
create table ledger_user_changes (
    id          bigserial    primary key,
    user_name   varchar(64)  not null references ledger_users (name),
    version     bigint       not null,
    changed_by  text         not null,
    changed_at  timestamptz  not null default now(),
    change      text         not null
);
create index ledger_user_changes_user on ledger_user_changes (user_name, id);
