-- identity: an account's resident ID number is trusted only once the real-name register confirmed
-- it (or an OIDC provider asserted it, or a clerk's window record passed the register's check).
-- Until then it binds to nothing, so several unverified accounts may claim the same number; only
-- one account per number can be verified.
alter table account
    add column identity_verified_at timestamptz,
    add column identity_verified_by text,
    -- false for the login-less record a clerk keeps for someone served at a window
    add column opened_by_person     boolean not null default true,
    -- a window record the person later took over with an account of their own
    add column claimed_by           text;

update account set opened_by_person = false where kind = 'PERSON' and not enabled and username like 'p-%';

alter table account drop constraint account_id_number_index_key;
create unique index account_verified_id_number on account (id_number_index) where identity_verified_at is not null;
create index account_by_id_number on account (id_number_index);

-- identity's own SMS outbox: what registration tells the phone it was given (or the verified
-- phone of the number's owner), so that the registration answer itself reveals nothing.
create table identity_message (
    id           bigserial primary key,
    phone_cipher text        not null,
    kind         text        not null check (kind in ('ACCOUNT_OPENED', 'USERNAME_TAKEN', 'ID_NUMBER_REGISTERED_AGAIN')),
    username     text        not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
