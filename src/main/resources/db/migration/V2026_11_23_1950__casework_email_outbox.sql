-- casework: an e-mail outbox beside the SMS one (EMAIL rows are what a mail gateway adapter sends).
alter table notification drop constraint notification_channel_check;
alter table notification add constraint notification_channel_check check (channel in ('INBOX', 'SMS', 'EMAIL'));
create index notification_outbox on notification (created_at desc) where channel in ('SMS', 'EMAIL');
