-- Issue 15: 重大行政决策 (重大行政决策程序暂行条例, 2019). The yearly 决策事项目录 of a body (matter type
-- decisionCatalogue) with its items, and each decision (matter type majorPolicyDecision) with what every step of
-- the procedure recorded. Each step's data is the input of the workflow transition that took it (in the record's
-- matter.transitioned entry) and is kept here as the current state; every write needs its record entry.

create table decision_catalogues (
  id              text primary key references matters(id),
  body_id         text not null references orgs(id),
  year            int not null check (year between 2000 and 2100),
  title           text not null,
  standard        text not null default '',     -- 第三条第三款 the body's 标准 for what is a decision item
  approval        jsonb,                         -- 经同级党委同意: {approvedOn, approvedBy (the party committee), document}
  published_on    date,
  published       jsonb,                         -- what the portal shows: the items as published, with the adjustments
  created_at      timestamptz not null default now(),
  unique (body_id, year)
);
create constraint trigger decision_catalogues_recorded after insert or update on decision_catalogues
  deferrable initially deferred for each row execute function require_ledger_entry('decisionCatalogue', 'id');

create table decision_catalogue_items (
  id              text primary key,
  catalogue_id    text not null references decision_catalogues(id),
  seq             int not null,
  title           text not null,
  category        text not null,                 -- domain/majorDecisions/rules.ts decisionCategories (第三条第一款)
  unit_id         text not null references orgs(id),   -- the proposed 决策承办单位
  planned         text not null default '',      -- 计划完成时间 as the catalogue states it
  note            text not null default '',
  status          text not null default 'listed' check (status in ('listed', 'removed')),
  adjustment      jsonb,                         -- added or removed by an adjustment: {kind, reason, on}
  unique (catalogue_id, seq)
);
create constraint trigger decision_catalogue_items_recorded after insert or update on decision_catalogue_items
  deferrable initially deferred for each row execute function require_ledger_entry('decisionCatalogue', 'catalogue_id');

create table major_decisions (
  id                 text primary key references matters(id),
  body_id            text not null references orgs(id),      -- the 决策机关 (the bureau)
  unit_id            text not null references orgs(id),      -- the 决策承办单位 (第十一条)
  catalogue_item_id  text not null references decision_catalogue_items(id),
  year               int not null,
  title              text not null,
  draft              text not null,                          -- 决策草案 (第十二条)
  reasons            text not null default '',               -- 拟解决的主要问题、理由和依据、必要性与可行性 (第十条)
  market_activity    boolean not null,                       -- 涉及市场主体经济活动 (第二十九条第（一）项: 公平竞争审查)
  consultation_id    text,                                   -- the public comment (consultation module)
  participation      jsonb,                                  -- 公众参与: {methods, records, adoption} or {skipped}
  expert             jsonb,                                  -- 专家论证 (第十九条–第二十一条) or {skipped}
  risk               jsonb,                                  -- 风险评估 (第二十二条–第二十四条) or {skipped}
  legality_review_id text,                                   -- the legality review (legality module)
  fair_competition_review_id text,                           -- the fair-competition review (fairCompetition module)
  discussion         jsonb,                                  -- 集体讨论决定 (第三十条)
  publication        jsonb,                                  -- 公布 (第三十二条): what the portal shows
  published_on       date,
  execution          jsonb,                                  -- 决策执行 (第三十四条、第三十五条): unit and reports
  evaluation         jsonb,                                  -- 决策后评估 (第三十六条)
  archive            jsonb,                                  -- 归档 (第三十三条): the list of the materials
  created_at         timestamptz not null default now()
);
create unique index major_decisions_item on major_decisions (catalogue_item_id);
create index major_decisions_body on major_decisions (body_id, year);
create constraint trigger major_decisions_recorded after insert or update on major_decisions
  deferrable initially deferred for each row execute function require_ledger_entry('majorPolicyDecision', 'id');
