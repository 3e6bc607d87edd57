-- casework: the due date and the day an application is at risk (three quarters of its time
-- used), stored so that the supervisor's list and the morning alerts find late applications
-- through an index instead of computing every open application's dates. Kept up to date on
-- every step and, after a change of the working calendar, by DueDates.
alter table application add column due_on date, add column at_risk_on date;
create index application_at_risk on application (at_risk_on) where state in ('ACCEPTED', 'UNDER_REVIEW');
