-- 规范性文件 (normativeDocument): the annual drafting plan, each document version (a workflow matter of type
-- 'normativeDocument', normative_documents.id = matters.id; an amendment is a new version with its own steps,
-- linked by family_id), and the cleanups (清理). The 文号 comes from the gapless instrument numbering
-- (instrument_numbers, kind 'normativeDocument'); citations of higher law are rows of `citations` with
-- subject_type 'normativeDocument'. Every row changes only with a record entry in the same transaction.
create table normative_plans (
  id                text primary key,
  body_id           text not null references orgs(id),
  year              int not null check (year between 2000 and 2100),
  note              text not null default '',
  created_at        timestamptz not null default now(),
  unique (body_id, year)
);
create constraint trigger normative_plans_recorded after insert or update on normative_plans
  deferrable initially deferred for each row execute function require_ledger_entry('normativePlan', 'id');

create table normative_plan_items (
  id                text primary key,
  plan_id           text not null references normative_plans(id),
  title             text not null,
  unit_id           text not null references orgs(id),      -- 起草单位
  reason            text not null,                          -- 制定必要性、依据
  planned_quarter   int check (planned_quarter between 1 and 4),
  document_id       text,                                   -- the draft opened from the item
  created_at        timestamptz not null default now()
);
create index normative_plan_items_plan on normative_plan_items (plan_id);
create constraint trigger normative_plan_items_recorded after insert or update on normative_plan_items
  deferrable initially deferred for each row execute function require_ledger_entry('normativePlan', 'plan_id');

create table normative_documents (
  id                   text primary key references matters(id),
  family_id            text not null,                      -- the document across its versions (the first version's id)
  version_no           int not null check (version_no >= 1),
  previous_id          text references normative_documents(id),
  body_id              text not null references orgs(id),  -- 制定机关
  unit_id              text not null references orgs(id),  -- 起草单位 (the matter's org)
  plan_item_id         text references normative_plan_items(id),
  title                text not null,
  provisional          boolean not null,                   -- 暂行、试行
  affects_rights       boolean not null,                   -- 涉及公民、法人和其他组织权利义务
  concerns_market      boolean not null,                   -- 涉及经营者经济活动
  articles             jsonb not null,                     -- [{chapter?, text}]
  necessity            text not null,                      -- 起草说明：制定必要性
  impact               text not null,                      -- 起草说明：主要内容及影响
  comment_skip_reason  text,
  consultation_id      text,
  fair_review_id       text,
  legality_review_id   text,
  deliberation         jsonb,                              -- {meetingOn, meeting, attendees, minutes, result}
  instrument_id        text,
  number               text,                               -- 文号, e.g. 示市监规〔2026〕1号
  year                 int,
  seq                  int,
  published_on         date,
  effective_on         date,
  expires_on           date,
  interpretation       text,                               -- 政策解读
  filed_on             date,
  filed_with           text,
  filing_result        text check (filing_result in ('registered', 'correctionRequired', 'notRegistered')),
  filing_result_on     date,
  filing_note          text,
  ended_on             date,                               -- repealed, declared invalid, expired or superseded
  ended_reason         text,
  state                text not null,                      -- copy of matters.state for the lists and the portal
  search_text          text not null default '',
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  unique (family_id, version_no)
);
create index normative_documents_body on normative_documents (body_id, published_on);
create unique index normative_documents_number on normative_documents (number) where number is not null;
create constraint trigger normative_documents_recorded after insert or update on normative_documents
  deferrable initially deferred for each row execute function require_ledger_entry('normativeDocument', 'id');

create table normative_cleanups (
  id                text primary key,
  document_id       text not null references normative_documents(id),
  kind              text not null check (kind in ('periodic', 'adHoc', 'lawChange', 'filing')),
  round             text not null default '',               -- e.g. 2026年度规范性文件清理
  outcome           text not null check (outcome in ('keep', 'amend', 'repeal', 'invalid')),
  reason            text not null,
  decided_on        date not null,
  flag_ids          jsonb not null default '[]',            -- the basis flags (上位法变化) it answers
  new_version_id    text,                                   -- amend: the draft of the new version
  created_by        text,
  created_at        timestamptz not null default now()
);
create index normative_cleanups_document on normative_cleanups (document_id);
create constraint trigger normative_cleanups_recorded after insert or update on normative_cleanups
  deferrable initially deferred for each row execute function require_ledger_entry('normativeDocument', 'document_id');
