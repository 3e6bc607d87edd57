-- A password an administrator set for someone (a reset) is theirs only until they choose their
-- own: until then the account signs in to nothing but the page that changes it.
alter table account add column password_change_due boolean not null default false;
