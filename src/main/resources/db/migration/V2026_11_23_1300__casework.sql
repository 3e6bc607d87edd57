-- casework: applications, their timelines, and the working-day calendar behind time limits.

-- Days that differ from Monday-to-Friday: public holidays, and weekend days declared working
-- days when holidays are moved. Maintained by administrators.
create table working_calendar_exception (
    day     date primary key,
    kind    text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name_zh text not null,
    name_en text not null
);

create sequence application_number_seq;

create table application (
    id                  uuid primary key,
    number              text        not null unique,
    item_code           text        not null,
    item_version        int         not null,
    region_code         varchar(12) not null,
    applicant           text        not null,
    submitted_by        text        not null,
    channel             text        not null check (channel in ('ONLINE', 'WINDOW', 'PROXY')),
    state               text        not null check (state in ('SUBMITTED', 'RETURNED_FOR_CORRECTION', 'NOT_ACCEPTED', 'ACCEPTED',
                                                  'UNDER_REVIEW', 'APPROVED', 'DENIED', 'DELIVERED', 'CLOSED', 'WITHDRAWN')),
    form                jsonb       not null,
    promised_days       int         not null check (promised_days >= 0),
    accepted_on         date,
    paused_since        date,
    paused_working_days int         not null default 0 check (paused_working_days >= 0),
    idempotency_key     text,
    version             int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    -- a retried submission with the same key finds the first one instead of making a second
    unique (submitted_by, idempotency_key)
);
create index application_by_applicant on application (applicant, created_at desc);
create index application_open_by_region on application (region_code, state)
    where state not in ('CLOSED', 'WITHDRAWN', 'NOT_ACCEPTED');

create table application_step (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references application (id),
    at             timestamptz not null,
    actor          text        not null,
    step           text        not null,
    state_after    text        not null,
    reasons        jsonb       not null default '[]'
);
create index application_step_by_application on application_step (application_id, id);
