-- What a submission asked for, hashed, kept with its Idempotency-Key: a retry must ask for the
-- same thing, a different request under a used key is refused (422). Rows from before have none.
alter table application add column request_fingerprint text;
alter table application_bundle add column request_fingerprint text;
