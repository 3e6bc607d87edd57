-- identity: a person's recorded permission for someone else (a family member, an agent) to act
-- for them, limited to named items and a date. Revoked authorizations are kept as history.
create table proxy_authorization (
    id          uuid primary key,
    principal   text        not null references account (username),
    proxy       text        not null references account (username),
    item_codes  text[]      not null check (cardinality(item_codes) between 1 and 50),
    valid_until date        not null,
    granted_by  text        not null,
    granted_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    revoked_by  text,
    check (principal <> proxy)
);
create index proxy_authorization_by_proxy on proxy_authorization (proxy, principal) where revoked_at is null;
create index proxy_authorization_by_principal on proxy_authorization (principal);
