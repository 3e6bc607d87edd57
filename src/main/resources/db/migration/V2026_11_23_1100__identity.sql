-- identity: the government hierarchy and the accounts of people, enterprises and staff.

-- A node of the administrative tree. Region codes: 6 digits down to county (GB/T 2260),
-- 9 for a township, 12 for a village/community. A node's subtree is every code that starts
-- with its significant prefix (province 2 digits, city 4, county 6, township 9, village 12).
create table region (
    code        varchar(12) primary key check (code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    parent_code varchar(12) references region (code),
    level       text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    prefix      varchar(12) not null unique,
    name_zh     text        not null,
    name_en     text        not null
);
create index region_by_parent on region (parent_code);
create index region_by_prefix on region (prefix text_pattern_ops);

create table department (
    id          text primary key,               -- region code + ':' + kind, e.g. 330106:market-regulation
    region_code varchar(12) not null references region (code),
    kind        text        not null,
    name_zh     text        not null,
    name_en     text        not null,
    unique (region_code, kind)
);

create table account (
    id                uuid primary key,
    username          text        not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
    password_hash     text        not null,
    kind              text        not null check (kind in ('PERSON', 'ENTERPRISE', 'STAFF')),
    display_name      text        not null,
    -- personal identifiers: encrypted (AES-GCM) plus a keyed hash for equality look-ups
    id_number_cipher  text,
    id_number_index   text unique,
    phone_cipher      text,
    credit_code       varchar(18) unique,
    region_code       varchar(12) references region (code),
    department_id     text references department (id),
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    check (kind <> 'PERSON' or id_number_cipher is not null),
    check (kind <> 'ENTERPRISE' or credit_code is not null),
    check (kind <> 'STAFF' or region_code is not null)
);

create table account_role (
    account_id uuid not null references account (id) on delete cascade,
    role       text not null check (role in ('CITIZEN', 'ENTERPRISE_AGENT', 'CLERK', 'HANDLER', 'DATA_STEWARD', 'SUPERVISOR', 'ADMINISTRATOR')),
    primary key (account_id, role)
);
