-- Answers of an online application form that arrived after the applicant's session ended: kept
-- for a short while until the person signs in again and gets them back in the form (UnsentAnswers).
-- Found by the hash of a random token kept in the browser's cookie, never by the token itself;
-- the answers are personal data, encrypted like the other identifiers (shared.pii).
create table unsent_application_answers (
    token_hash      text primary key,
    item_code       text        not null,
    -- a keyed hash of the person the form was shown to and the form's key: whoever signs in gets
    -- the answers back only if it is theirs
    owner_proof     text        not null,
    idempotency_key text        not null,
    answers         text        not null,
    kept_at         timestamptz not null default now(),
    expires_at      timestamptz not null
);

create index unsent_application_answers_expiry on unsent_application_answers (expires_at);
