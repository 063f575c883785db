-- 访问日志: reads of personal data (a case file with the party's unmasked data, its record, evidence and
-- instrument files, 双公示 export files with resident ids) — who, when, what, about whom, from where.
-- Reads are not acts, so they are not record entries; the log is append-only like the record: a trigger
-- rejects UPDATE, DELETE and TRUNCATE on both databases, and on PostgreSQL the application role gets only
-- SELECT and INSERT on it (migrate.ts revokes the rest after every migration run).
create table access_log (
  id             bigint generated always as identity primary key,
  at             timestamptz not null default now(),
  user_id        text not null references users(id),
  username       text not null,
  display_name   text not null,
  org_id         text not null references orgs(id),     -- the reader's org: a supervisor sees the reads of its subtree
  roles          text[] not null,
  action         text not null check (action in (
                   'case.read', 'case.record', 'record.list', 'evidence.download',
                   'instrument.read', 'instrument.download', 'creditExport.create', 'creditExport.download')),
  resource_type  text not null,                         -- case, evidence, instrument, creditExport, ledger
  resource_id    text not null,
  matter_type    text,                                  -- the matter the resource belongs to (a file's case …)
  matter_id      text,
  subject_name   text,                                  -- whom the data is about: the party's name …
  subject_code   text,                                  -- … its uscc, or a natural person's masked resident id
  note           text,
  ip             text not null,
  user_agent     text,
  request_id     text not null
);
create index access_log_org_at on access_log (org_id, at desc, id desc);
create index access_log_user_at on access_log (user_id, at desc);
create index access_log_resource on access_log (resource_id);
create index access_log_matter on access_log (matter_id);

create function access_log_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'ACCESS_LOG_IMMUTABLE: % on % is not allowed; the access log is append-only', tg_op, tg_table_name
    using errcode = 'P0001';
end $$;
create trigger access_log_immutable before update or delete on access_log
  for each row execute function access_log_reject_change();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function access_log_reject_change();
