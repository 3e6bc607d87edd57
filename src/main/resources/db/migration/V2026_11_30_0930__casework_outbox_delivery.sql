-- casework: delivery of the outbox messages (SMS, e-mail) by the relay to a connected gateway.
-- A message stays in the outbox until a gateway took it; a failed try is retried later with a
-- growing pause, and after the last try it stays visible as failed on /admin/outbox.
alter table notification
    add column delivered_at    timestamptz,
    add column attempts        int not null default 0,
    add column next_attempt_at timestamptz,
    add column last_error      text;
create index notification_undelivered on notification (channel, id) where delivered_at is null and channel <> 'INBOX';
