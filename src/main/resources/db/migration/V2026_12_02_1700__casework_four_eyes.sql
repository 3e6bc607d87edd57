-- Four eyes per item: who may decide after having filed, accepted or reviewed a case.
-- DENIALS_AND_FEES (the default): a denial, or any decision on an item with a fee, needs a second person.
alter table item_procedure add column four_eyes text not null default 'DENIALS_AND_FEES'
    check (four_eyes in ('DENIALS_AND_FEES', 'EVERY_DECISION', 'OFF'));
