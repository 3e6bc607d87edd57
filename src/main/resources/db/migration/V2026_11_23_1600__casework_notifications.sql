-- casework: what applicants are told at each step. INBOX rows are the in-platform inbox; SMS
-- rows are the outbox a gateway adapter sends from (the default sender only writes them).
create table notification (
    id                 bigint generated always as identity primary key,
    recipient          text        not null,
    channel            text        not null check (channel in ('INBOX', 'SMS')),
    application_number text        not null,
    step               text        not null,
    state_after        text        not null,
    step_at            timestamptz not null,
    created_at         timestamptz not null default now(),
    read_at            timestamptz,
    -- a redelivered event (after a crash) must not tell anyone twice
    unique (recipient, channel, application_number, step, step_at)
);
create index notification_by_recipient on notification (recipient, channel, created_at desc);
