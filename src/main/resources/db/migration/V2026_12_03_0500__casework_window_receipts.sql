-- casework: the receipt a window gives the person it served, with the tracking code that lets
-- anyone holding it follow the application without an account. The code is kept only as a keyed
-- hash (HMAC of the number and the code under the platform's personal-data key): the database
-- alone cannot be searched for it. A new receipt replaces the code; the materials the window
-- took on paper are those of the filing.
create table window_receipt (
    application_number text        primary key references application (number),
    received_materials text[]      not null default '{}',
    tracking_code_hash text        not null,
    issued_by          text        not null,
    issued_at          timestamptz not null default now()
);
