-- casework: the facts of each decision the indicators count, stored when it is made: the day,
-- who made it, the working days the office used and whether it was on time. They are facts of
-- that day (a holiday declared later does not rewrite them) and the supervisors' indicators add
-- them up in the database instead of reading every decision of their part of the tree.
alter table application
    add column decided_on             date,
    add column decided_by             text,
    add column decision_working_days  int,
    add column decided_on_time        boolean;

-- decisions made before: day and actor from the timeline; the working days and the on-time
-- answer need the working calendar and are filled at start-up (DueDates)
update application a set decided_on = (s.at at time zone 'Asia/Shanghai')::date, decided_by = s.actor
from application_step s
where s.application_id = a.id and s.step in ('approved', 'denied');

create index application_decided_by_region on application (region_code text_pattern_ops) where decided_on is not null;
create index application_decision_facts_missing on application (id) where decided_on is not null and decided_on_time is null;
