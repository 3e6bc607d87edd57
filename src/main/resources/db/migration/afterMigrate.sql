-- Runs after every migration run, as the role that runs the migrations (the schema's owner), so
-- that the platform's own role (${approle}) has what it needs and no more, for the tables made by
-- every migration so far and, through the default privileges, by later ones:
--  * read and write the tables, use the sequences;
--  * only read and add to the append-only records: the audit trail, the timelines and the signed
--    heads of their chains (decision 0006); the chains' heads move only through the chaining trigger;
--  * create tables and own the engine's (Flowable's ACT_*, FLW_*, the event publication registry),
--    which Flowable and Spring Modulith create and upgrade themselves at start-up.
-- Nothing is done when the platform connects as the owner itself (an external database with one
-- role) or when its role does not exist.
do $$
declare
    app text := '${approle}';
    engine_table record;
begin
    if app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage, create on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    execute format('revoke update, delete, truncate on audit_event, application_step from %I', app);
    -- the chains' heads move only through the chaining trigger (security definer, the owner's);
    -- signed heads are added, never changed
    execute format('revoke insert, update, delete, truncate on ledger_chain from %I', app);
    execute format('revoke update, delete, truncate on ledger_seal from %I', app);
    for engine_table in
        select tablename from pg_tables
        where schemaname = 'public' and tableowner <> app
          and (tablename like 'act\_%' or tablename like 'flw\_%' or tablename like 'event\_publication%')
    loop
        execute format('alter table %I owner to %I', engine_table.tablename, app);
    end loop;
end $$;
