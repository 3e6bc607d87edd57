-- identity: what protects a sign-in. Kept in the database, not in one node's memory, so that
-- every node of a cluster sees the same lock-outs, disabled accounts and second factors.

-- Bumped whenever what an account may do changes (disabled, enabled, roles, region, password,
-- second factor): a page session or a remembered API credential made under an older stamp ends.
alter table account add column access_stamp bigint not null default 0;

-- TOTP (RFC 6238): the shared secret, encrypted like the personal identifiers; the last time
-- step a code was accepted for, so that a code seen once cannot be replayed; whether an
-- administrator requires a second factor of this account.
alter table account add column totp_secret_cipher text;
alter table account add column totp_last_step bigint;
alter table account add column totp_required boolean not null default false;

-- Failed sign-ins by account ('account:<username>') and by client address ('address:<ip>'):
-- consecutive failures, and until when sign-ins are refused after too many of them.
create table login_throttle (
    key             text primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
create index login_throttle_by_last_failure on login_throttle (last_failure_at);
