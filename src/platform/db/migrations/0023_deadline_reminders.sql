-- Issue 14: reminders of deadlines in their warning period or overdue (待办 提醒), and where staff are reached.

-- a user's contact for reminders (email through SMTP, SMS through the gateway), both optional
alter table users add column email text;
alter table users add column mobile text;

-- one row per (deadline, stage, recipient): a deadline is reminded once when its warning period begins and once
-- when it is overdue; the record entry `matter.deadlineReminded` on the matter names the recipients
create table deadline_reminders (
  id           text primary key,
  deadline_id  text not null references matter_deadlines(id),
  matter_id    text not null,
  matter_type  text not null,
  stage        text not null check (stage in ('warning', 'overdue')),
  user_id      text not null references users(id),
  channels     text[] not null,
  title        text not null,
  message      text not null,
  created_at   timestamptz not null default now(),
  unique (deadline_id, stage, user_id)
);
create index deadline_reminders_user on deadline_reminders (user_id, created_at desc);
create constraint trigger deadline_reminders_recorded after insert or update on deadline_reminders
  deferrable initially deferred for each row execute function require_ledger_entry('@matter_type', 'matter_id');
