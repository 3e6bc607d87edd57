-- identity's SMS outbox is handed to the province's SMS gateway (identity.SmsGateway) by a relay
-- on every node; a refused message is tried again after a pause that doubles, eight times in all.
alter table identity_message
    add column attempts        int         not null default 0,
    add column next_attempt_at timestamptz not null default now(),
    add column last_error      text;
create index identity_message_due on identity_message (next_attempt_at) where sent_at is null;

-- an enterprise's registration is as silent as a person's: a credit code that already has an
-- account is told to the agent's phone
alter table identity_message drop constraint identity_message_kind_check;
alter table identity_message add constraint identity_message_kind_check
    check (kind in ('ACCOUNT_OPENED', 'USERNAME_TAKEN', 'ID_NUMBER_REGISTERED_AGAIN', 'CREDIT_CODE_REGISTERED'));
