-- Append-only, hash-chained logs (decision 0006). A table joins a chain with
-- ledger_protect(table, chain, columns): each new row gets its position in the chain, the hash of
-- the row before it and the hash of its own content (SHA-256 over the previous hash and the
-- listed columns, each as PostgreSQL writes it in JSON, in UTC, as a netstring "<bytes>:<text>,",
-- a null as "~,"). Inserts into one chain wait for each other on the chain's head row, so the
-- chain cannot fork. Updates, deletes and truncation are refused. Heads are signed at intervals
-- by the platform (ledger_seal).

create table ledger_chain (
    chain      text primary key,
    table_name text   not null unique,
    columns    text[] not null,
    head_seq   bigint not null default 0,
    head_hash  bytea  not null default '\x0000000000000000000000000000000000000000000000000000000000000000'
);

create table ledger_seal (
    id        bigint generated always as identity primary key,
    chain     text        not null references ledger_chain (chain),
    seq       bigint      not null,
    head_hash bytea       not null,
    sealed_at timestamptz not null,
    key_id    text        not null,
    signature bytea       not null,
    unique (chain, seq)
);

-- the canonical encoding of a row's listed columns, shared by the chaining trigger and the first chaining below
create function ledger_content(r jsonb, columns text[]) returns bytea
    language plpgsql immutable as $$
declare
    c text;
    v text;
    out text := '';
begin
    foreach c in array columns loop
        v := r ->> c;
        out := out || case when v is null then '~,' else octet_length(v)::text || ':' || v || ',' end;
    end loop;
    return convert_to(out, 'UTF8');
end $$;

-- runs as the migrations' owner: the application's role needs no right on ledger_chain to append
create function ledger_chain_row() returns trigger
    language plpgsql security definer set search_path = public set timezone to 'UTC' as $$
declare
    head ledger_chain%rowtype;
    row_json jsonb;
begin
    select * into head from ledger_chain where chain = TG_ARGV[0] for update;
    -- columns are rendered in UTC (set above), so the hash does not depend on the session's time zone
    row_json := to_jsonb(NEW);
    NEW.chain_seq := head.head_seq + 1;
    NEW.prev_hash := head.head_hash;
    NEW.row_hash := sha256(head.head_hash || ledger_content(row_json, head.columns));
    update ledger_chain set head_seq = NEW.chain_seq, head_hash = NEW.row_hash where chain = TG_ARGV[0];
    return NEW;
end $$;

create function ledger_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'the rows of % are append-only: % refused', TG_TABLE_NAME, TG_OP
        using errcode = 'insufficient_privilege';
end $$;

create function ledger_protect(table_name text, chain_name text, chain_columns text[]) returns void
    language plpgsql set timezone to 'UTC' as $$
declare
    r record;
    previous bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
    n bigint := 0;
    hash bytea;
begin
    insert into ledger_chain (chain, table_name, columns) values (chain_name, table_name, chain_columns);
    execute format('alter table %I add column chain_seq bigint, add column prev_hash bytea, add column row_hash bytea', table_name);
    -- rows written before the table joined the chain are chained in the order they were written
    for r in execute format('select id, to_jsonb(t) as j from %I t order by id', table_name) loop
        n := n + 1;
        hash := sha256(previous || ledger_content(r.j, chain_columns));
        execute format('update %I set chain_seq = $1, prev_hash = $2, row_hash = $3 where id = $4', table_name)
            using n, previous, hash, r.id;
        previous := hash;
    end loop;
    update ledger_chain set head_seq = n, head_hash = previous where chain = chain_name;
    execute format('alter table %I alter column chain_seq set not null, alter column prev_hash set not null, '
                   || 'alter column row_hash set not null, add unique (chain_seq)', table_name);
    execute format('create trigger ledger_chain_row before insert on %I for each row execute function ledger_chain_row(%L)',
                   table_name, chain_name);
    execute format('create trigger ledger_refuse_change before update or delete on %I for each row '
                   || 'execute function ledger_refuse_change()', table_name);
    execute format('create trigger ledger_refuse_truncate before truncate on %I for each statement '
                   || 'execute function ledger_refuse_change()', table_name);
end $$;

create trigger ledger_refuse_delete before delete on ledger_chain for each row execute function ledger_refuse_change();
create trigger ledger_refuse_truncate before truncate on ledger_chain for each statement execute function ledger_refuse_change();
create trigger ledger_refuse_change before update or delete on ledger_seal for each row execute function ledger_refuse_change();
create trigger ledger_refuse_truncate before truncate on ledger_seal for each statement execute function ledger_refuse_change();

-- the purpose of a read, and the id a client sent (the platform's own id is request_id)
alter table audit_event add column purpose text, add column client_request_id text;
create index audit_event_reads_by_subject on audit_event (subject, id) where purpose is not null;

select ledger_protect('audit_event', 'audit', array['id', 'occurred_at', 'actor', 'action', 'subject', 'detail', 'purpose',
                                                    'request_id', 'client_request_id']);
select ledger_protect('application_step', 'timeline', array['id', 'application_id', 'at', 'actor', 'step', 'state_after',
                                                           'reasons']);
