-- Applications whose due dates are not stored yet (rows from before they were): DueDates fills
-- them at start-up. The index holds only those rows, so that the check on every start reads an
-- empty index instead of scanning every application.
create index application_due_dates_missing on application (id) where due_on is null and accepted_on is not null;
