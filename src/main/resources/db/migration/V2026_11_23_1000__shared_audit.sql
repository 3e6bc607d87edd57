-- The shared audit trail: who did what to whom. Append-only.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    subject     text        not null,
    detail      text,
    request_id  text
);
create index audit_event_by_subject on audit_event (subject, occurred_at);
