-- casework: which process and which instant-approval table each item follows, and the evidence
-- of every automatic decision. Flowable keeps its own ACT_* tables (created after Flyway runs).

-- Items not listed follow the standard process (acceptance, then decision) with no table.
create table item_procedure (
    item_code      text primary key,
    process_key    text        not null,
    decision_table text,
    updated_by     text        not null,
    updated_at     timestamptz not null default now()
);

-- What the decision table saw, which version of it, which rules fired and what it concluded.
create table automatic_decision (
    application_id uuid primary key references application (id),
    table_key      text        not null,
    table_version  text        not null,
    inputs         jsonb       not null,
    fired_rules    jsonb       not null,
    outcome        text        not null check (outcome in ('APPROVE', 'REFER')),
    decided_at     timestamptz not null
);

-- "certificates the applicant holds": results of earlier applications, looked up per decision
create index application_results_by_applicant on application (applicant, item_code)
    where state in ('APPROVED', 'DELIVERED', 'CLOSED');
