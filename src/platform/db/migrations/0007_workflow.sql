-- The workflow engine: every matter (case, inspection task, normative document, complaint …)
-- moves through a declared, versioned workflow; its deadlines are computed from cited rules.
create table matters (
  id                text primary key,
  type              text not null,               -- workflow type, e.g. case
  workflow_version  int not null,                -- the version the matter started with, kept to the end
  state             text not null,
  version           int not null default 0,      -- optimistic concurrency: every transition increments it
  org_id            text not null references orgs(id),
  title             text not null,
  created_by        text,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  closed_at         timestamptz
);
create index matters_org_state on matters (org_id, type, state);
create constraint trigger matters_recorded after insert or update on matters
  deferrable initially deferred for each row execute function require_ledger_entry('@type', 'id');

create table matter_deadlines (
  id            text primary key,
  matter_id     text not null references matters(id),
  matter_type   text not null,
  rule_id       text not null,                  -- src/domain/deadlines/rules.ts
  label         text not null,
  start_date    date not null,
  due_date      date not null,
  warn_from     date not null,
  status        text not null check (status in ('open', 'met', 'cancelled')),
  opened_by_transition text,
  closed_by_transition text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index matter_deadlines_open on matter_deadlines (status, due_date);
create index matter_deadlines_matter on matter_deadlines (matter_id);
create constraint trigger matter_deadlines_recorded after insert or update on matter_deadlines
  deferrable initially deferred for each row execute function require_ledger_entry('@matter_type', 'matter_id');
