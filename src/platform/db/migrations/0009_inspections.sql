-- 双随机、一公开 (random inspections): the item list, the target pool and the inspector pool
-- (两库一单), annual plans and their tasks, the verifiable draw, results per target and the
-- publication of results. A task is a workflow matter (matters.type = 'inspectionTask'); every
-- table here carries the deferred require_ledger_entry trigger.

-- 行政区划代码 (GB/T 2260) known to the platform. A deployment loads the official list; the
-- fictional 示例市 of the demo is here so that a target's division code can be checked.
create table division_codes (
  code        text primary key check (code ~ '^\d{6}$'),
  name        text not null,
  parent_code text
);
insert into division_codes (code, name, parent_code) values
  ('990000', '示例省', null),
  ('990100', '示例市', '990000'),
  ('990101', '示例市市辖区', '990100'),
  ('990102', '示例市东城区', '990100'),
  ('990103', '示例市西城区', '990100'),
  ('990104', '示例市南湖区', '990100'),
  ('990105', '示例区', '990100'),
  ('990106', '示例市北山区', '990100');

-- 随机抽查事项清单: what a body may inspect at random, on which basis (citations subject
-- 'inspectionItem'), how, how often. Versioned: every change increments version and the record
-- keeps each version's full content.
create table inspection_items (
  id             text primary key,
  body_id        text not null references orgs(id),
  code           text not null,
  name           text not null,
  power_item_id  text references power_items(id),   -- the 行政检查 item of the power list
  subject_type   text not null,                      -- 检查对象类型, e.g. 食品经营者
  content        text not null,                      -- 检查内容
  method         text not null check (method in ('onSite', 'documents', 'online', 'sampling')),
  field          text not null,                      -- 执法领域: the certificate field an inspector needs
  ratio_note     text,                               -- 抽查比例 as published (e.g. 不低于5%)
  frequency      text,                               -- 抽查频次
  version        int not null default 1,
  published      boolean not null default true,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  unique (body_id, code)
);
create constraint trigger inspection_items_recorded after insert or update on inspection_items
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionItem', 'id');

-- 检查对象名录库: one row per market entity in a body's pool, merged by uscc on re-import. The
-- record holds one entry per import (matter 'targetPool', id = the body) with the hash of the rows.
create table inspection_targets (
  id             text primary key,
  body_id        text not null references orgs(id),
  uscc           text not null,
  name           text not null,
  entity_type    text not null,                      -- 企业 / 个体工商户 / 农民专业合作社 …
  legal_rep      text,
  address        text not null,
  division_code  text not null references division_codes(code),
  industry       text not null,
  licences       text not null default '',
  risk_class     text not null check (risk_class in ('A', 'B', 'C', 'D')),
  status         text not null default 'active' check (status in ('active', 'suspended', 'closed')),
  uscc_flagged   boolean not null default false,     -- check character failed in a register import: to be confirmed
  import_id      text,
  updated_at     timestamptz not null default now(),
  unique (body_id, uscc)
);
create index inspection_targets_filter on inspection_targets (body_id, status, risk_class);
create index inspection_targets_industry on inspection_targets (body_id, industry);
create constraint trigger inspection_targets_recorded after insert or update on inspection_targets
  deferrable initially deferred for each row execute function require_ledger_entry('targetPool', 'body_id');

create table inspection_target_imports (
  id            text primary key,
  body_id       text not null references orgs(id),
  file_name     text not null,
  file_hash     text not null,
  rows_hash     text not null,
  row_count     int not null,
  added         int not null,
  updated       int not null,
  unchanged     int not null,
  flagged       int not null,
  imported_by   text,
  imported_at   timestamptz not null default now()
);
create constraint trigger inspection_target_imports_recorded after insert or update on inspection_target_imports
  deferrable initially deferred for each row execute function require_ledger_entry('targetPool', 'body_id');

-- 执法检查人员名录库: certified officers are in the pool by their certificates; this holds their
-- availability (leave, secondment) and the relations that require recusal (回避).
create table inspector_availability (
  officer_id  text primary key references officers(id),
  available   boolean not null,
  reason      text,
  updated_at  timestamptz not null default now()
);
create constraint trigger inspector_availability_recorded after insert or update on inspector_availability
  deferrable initially deferred for each row execute function require_ledger_entry('officer', 'officer_id');

create table inspector_relations (
  id           text primary key,
  officer_id   text not null references officers(id),
  kind         text not null check (kind in ('relative', 'formerEmployer', 'sameAddress', 'other')),
  uscc         text,                                 -- the related entity
  address      text,                                 -- for sameAddress: the officer's address
  note         text not null,
  declared_on  date not null,
  created_at   timestamptz not null default now(),
  check (uscc is not null or address is not null)
);
create index inspector_relations_officer on inspector_relations (officer_id);
create constraint trigger inspector_relations_recorded after insert or update on inspector_relations
  deferrable initially deferred for each row execute function require_ledger_entry('officer', 'officer_id');

-- 抽查计划 (annual, per body) and 抽查任务 (each a workflow matter)
create table inspection_plans (
  id          text primary key,
  body_id     text not null references orgs(id),
  year        int not null,
  title       text not null,
  note        text not null default '',
  created_at  timestamptz not null default now(),
  unique (body_id, year, title)
);
create constraint trigger inspection_plans_recorded after insert or update on inspection_plans
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionPlan', 'id');

create table inspection_tasks (
  id                   text primary key references matters(id),
  plan_id              text not null references inspection_plans(id),
  body_id              text not null references orgs(id),
  name                 text not null,
  item_ids             text not null,               -- JSON array of inspection_items.id
  field                text not null,               -- the items' enforcement field
  joint_org_ids        text not null default '[]',  -- 部门联合抽查: other bodies whose inspectors take part
  filter               text not null,               -- JSON {industries, divisionCodes, riskClasses}
  ratios               text not null,               -- JSON {A,B,C,D} in percent
  per_target           int not null check (per_target >= 2),
  different_units      boolean not null default true,
  exclude_recent_days  int not null default 0 check (exclude_recent_days >= 0),
  period_start         date not null,
  period_end           date not null,
  created_at           timestamptz not null default now(),
  check (period_end >= period_start)
);
create index inspection_tasks_plan on inspection_tasks (plan_id);
create constraint trigger inspection_tasks_recorded after insert or update on inspection_tasks
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionTask', 'id');

-- the draw: frozen candidates and commitment (published before), public value, seed and secret
-- (revealed after). The secret never leaves the server before the draw.
create table inspection_draws (
  task_id             text primary key references inspection_tasks(id),
  algorithm           text not null,
  hash_alg            text not null,
  candidates          text not null,               -- canonical JSON of the frozen draw input
  candidates_digest   text not null,
  target_count        int not null,
  inspector_count     int not null,
  excluded            text not null,               -- JSON: inspectors left out, each with the reason
  unstaffed           text,                        -- JSON: drawn targets no team could be formed for (recusal, units)
  commitment          text not null,
  secret              text not null,
  public_after        timestamptz not null,        -- the public value: first signed tree head at or after this
  committed_at        timestamptz not null,
  tree_head_id        int,
  tree_size           int,
  public_value        text,
  seed                text,
  drawn_at            timestamptz
);
create constraint trigger inspection_draws_recorded after insert or update on inspection_draws
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionTask', 'task_id');

create table inspection_assignments (
  task_id        text not null references inspection_tasks(id),
  target_id      text not null references inspection_targets(id),
  seq            int not null,
  inspector_ids  text not null,                    -- JSON array of officer ids
  primary key (task_id, target_id)
);
create constraint trigger inspection_assignments_recorded after insert or update on inspection_assignments
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionTask', 'task_id');

-- results per target (检查结果); "open a lead" is kept as lead_requested until the case module takes it
create table inspection_results (
  id              text primary key,
  task_id         text not null references inspection_tasks(id),
  target_id       text not null references inspection_targets(id),
  inspected_on    date not null,
  inspector_ids   text not null,
  checked_items   text not null,                  -- JSON array of text
  finding         text not null check (finding in ('qualified', 'problemFound', 'noProblemFound', 'notFound', 'correctionOrdered')),
  description     text not null default '',
  evidence_ids    text not null default '[]',
  lead_requested  boolean not null default false,
  lead_violation  text,                            -- violations.code
  lead_note       text,
  lead_id         text,                            -- the lead, once created in the case module
  entered_by      text,
  entered_at      timestamptz not null default now(),
  unique (task_id, target_id)
);
create constraint trigger inspection_results_recorded after insert or update on inspection_results
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionTask', 'task_id');

-- publication of results (一公开). There is no publicity engine yet: this is the table it adopts.
create table inspection_publications (
  id                text primary key,
  task_id           text not null unique references inspection_tasks(id),
  body_id           text not null references orgs(id),
  rule_id           text not null,                  -- src/domain/deadlines/rules.ts
  results_formed_on date not null,
  due_date          date not null,
  status            text not null check (status in ('pending', 'published')),
  content           text,                           -- JSON of what was published
  content_hash      text,
  published_at      timestamptz,
  created_at        timestamptz not null default now()
);
create index inspection_publications_due on inspection_publications (status, due_date);
create constraint trigger inspection_publications_recorded after insert or update on inspection_publications
  deferrable initially deferred for each row execute function require_ledger_entry('inspectionTask', 'task_id');
