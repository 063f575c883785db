-- 行政强制措施 (查封、扣押) as decisions of their own (行政强制法 第二十四条—第二十八条): the decision with
-- its items, place and period, an extension (once, 第二十五条), the testing periods that do not count,
-- and the release (第二十八条) or the decision that ends it (没收 …). The measure's time limit is a
-- matter_deadlines row of the case opened by 'measure:<id>'.
create table case_measures (
  id                 text primary key,
  case_id            text not null references cases(id),
  kind               text not null check (kind in ('seal', 'seize')),
  reason             text not null,
  basis              text not null,
  items              jsonb not null,                        -- [{name, quantity, unit, note}]
  place              text not null,
  imposed_on         date not null,
  period_days        int not null check (period_days between 1 and 30),
  approved_by        text not null,                         -- the leader who approved (第十八条第（一）项)
  officer_ids        text[] not null,
  file_ids           text[] not null default '{}',
  decision_instrument_id text,
  status             text not null check (status in ('active', 'released', 'disposed')),
  extension          jsonb,                                 -- {extendedOn, days, reason, approvedBy, instrumentId}
  testing            jsonb not null default '[]',           -- [{from, to, reason}] 检测、检验、检疫、技术鉴定
  ended              jsonb,                                 -- {on, kind: release|dispose, ground, reason, instrumentId}
  created_by         text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index case_measures_case on case_measures (case_id);
create constraint trigger case_measures_recorded after insert or update on case_measures
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'case_id');

-- 先行登记保存: the 处理决定 on the preserved evidence (行政处罚法 第五十六条)
alter table case_evidence add column preservation_decision jsonb;

-- 实名举报人 of a lead from a report (市场监督管理投诉举报处理暂行办法 第三十一条); notices to them
alter table cases add column reporter jsonb;
alter table cases add column reporter_notices jsonb not null default '[]';
-- 行政处罚信息推送至当事人登记地（住所地）市场监督管理部门 (市场监督管理行政处罚信息公示规定 第十条)
alter table cases add column publicity_push jsonb;
