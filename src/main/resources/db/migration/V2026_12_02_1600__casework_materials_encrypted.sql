-- casework: documents are kept encrypted (AES-256-GCM, PersonalDataCipher.encryptDocument).
-- Rows written before hold their content in clear: they are read as they are, and encrypted in
-- the background at start-up (LegacyDocuments), after which this index is empty.
alter table application_material add column content_encrypted boolean not null default false;
create index application_material_in_clear on application_material (id) where not content_encrypted;
