-- catalog: the standard list of service items, their local implementations and life-event bundles.

-- One row per version of an item. The standard (texts, materials, limits, fees) is a JSON
-- document; the columns the portal filters and sorts on are kept beside it.
create table service_item (
    id             uuid primary key,
    code           text        not null check (code ~ '^[A-Z]{2,3}-[0-9]{3,6}$'),
    version        int         not null check (version > 0),
    status         text        not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    department     text        not null,
    level          text        not null,
    audience       text        not null,
    category       text        not null,
    statutory_days int         not null check (statutory_days >= 0),
    promised_days  int         not null check (promised_days >= 0 and promised_days <= statutory_days),
    fee_yuan       numeric(12, 2) not null check (fee_yuan >= 0),
    visits         smallint    not null check (visits in (0, 1)),
    standard       jsonb       not null,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    published_at   timestamptz,
    published_by   text,
    retired_at     timestamptz,
    unique (code, version)
);
create unique index service_item_one_published on service_item (code) where status = 'PUBLISHED';
create unique index service_item_one_draft on service_item (code) where status = 'DRAFT';
create index service_item_published_by_department on service_item (department, level) where status = 'PUBLISHED';

-- A published version is never edited in place: only its retirement may be recorded.
create function service_item_guard() returns trigger language plpgsql as $$
begin
    if old.status = 'DRAFT' then
        return new;
    end if;
    if old.status = 'PUBLISHED' and new.status = 'RETIRED'
       and new.standard = old.standard and new.version = old.version and new.code = old.code then
        return new;
    end if;
    raise exception 'service item % version % is % and cannot be changed', old.code, old.version, old.status
        using errcode = 'check_violation';
end $$;
create trigger service_item_published_is_immutable before update on service_item
    for each row execute function service_item_guard();

create table local_implementation (
    item_code      text        not null,
    region_code    varchar(12) not null,
    details        jsonb       not null,
    promised_days  int check (promised_days >= 0),
    fee_yuan       numeric(12, 2) check (fee_yuan >= 0),
    visits         smallint check (visits in (0, 1)),
    material_codes text[],
    published_at   timestamptz not null default now(),
    published_by   text        not null,
    primary key (item_code, region_code)
);

create table life_event_bundle (
    id           uuid primary key,
    code         text        not null check (code ~ '^[a-z0-9-]{3,60}$'),
    version      int         not null check (version > 0),
    status       text        not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    audience     text        not null,
    texts        jsonb       not null,
    item_codes   text[]      not null check (cardinality(item_codes) between 2 and 30),
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    published_at timestamptz,
    unique (code, version)
);
create unique index life_event_bundle_one_published on life_event_bundle (code) where status = 'PUBLISHED';
create unique index life_event_bundle_one_draft on life_event_bundle (code) where status = 'DRAFT';
