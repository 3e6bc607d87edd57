-- casework: good/bad review. Every closed application may be rated once; a rating of 1 or 2
-- opens a follow-up that the supervisor of the region must answer within 5 working days.
create table rating (
    application_id uuid primary key references application (id),
    score          smallint    not null check (score between 1 and 5),
    reasons        jsonb       not null default '[]',
    rated_by       text        not null,
    rated_at       timestamptz not null,
    follow_up_due  date,
    answer         text,
    answered_by    text,
    answered_at    timestamptz,
    check ((score <= 2) = (follow_up_due is not null))
);
create index rating_open_follow_ups on rating (follow_up_due) where follow_up_due is not null and answer is null;
