-- casework: a life event applied for at once ("one thing, done once"): one submission, split
-- into one application per item, followed together.
create table application_bundle (
    id              uuid primary key,
    number          text        not null unique,
    bundle_code     text        not null,
    applicant       text        not null,
    submitted_by    text        not null,
    idempotency_key text,
    created_at      timestamptz not null default now(),
    unique (submitted_by, idempotency_key)
);
alter table application add column bundle_id uuid references application_bundle (id);
create index application_by_bundle on application (bundle_id) where bundle_id is not null;
