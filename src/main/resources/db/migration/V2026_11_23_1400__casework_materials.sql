-- casework: the documents an applicant uploads. Kept in the database, in the same transaction
-- as the step that records them, so that a crash leaves no orphaned file and no missing one.
create table application_material (
    id             uuid primary key,
    application_id uuid        not null references application (id),
    material_code  text        not null,
    file_name      text        not null,
    content_type   text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     int         not null check (size_bytes > 0),
    sha256         text        not null,
    content        bytea       not null,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null default now()
);
create index application_material_by_application on application_material (application_id);
