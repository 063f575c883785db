-- Issue 16: 投诉举报 (市场监督管理投诉举报处理暂行办法). A complaint (投诉, matter type 'complaint') and a report
-- (举报, matter type 'report') are matters of their own workflows; `kind` is the matter type, so the ledger trigger
-- reads it from the row. The person who filed (投诉人 / 举报人) is in complaint_persons, never in a record entry or
-- a public answer; every staff read of it is an access-log row.

create table complaints (
  id                  text primary key references matters(id),
  kind                text not null check (kind in ('complaint', 'report')),
  channel             text not null check (channel in ('portal', 'platform12315', 'phone', 'walkIn', 'letter')),
  org_id              text not null references orgs(id),     -- the handling unit (the matter's org)
  query_code          text not null unique,                  -- 查询码: the portal's status page
  received_on         date not null,
  respondent_name     text not null,                         -- 被投诉人 / 被举报人
  respondent_uscc     text,
  respondent_address  text,
  category            text not null,
  summary             text not null,                         -- 争议事实 / 举报线索
  request             text,                                  -- 投诉请求 (a complaint)
  anonymous           boolean not null default false,        -- 匿名举报 (no person stored)
  external_no         text,                                  -- the 12315 platform's number
  sibling_id          text references complaints(id),        -- 第七条: the other half of a submission that was both
  group_id            text not null,                         -- same respondent and matter within the window: the first one's id
  group_key           text not null,
  challenge_nonce     text unique,                           -- a portal challenge answers one submission only
  state               text not null,                         -- copy of matters.state for the lists and the portal
  decided_on          date,                                  -- 受理 / 不予受理 / 不予处理 / 转线索
  rejection_ground    text,
  decision_reason     text,
  mediations          jsonb not null default '[]',           -- [{heldOn, mode, mediators, summary, by}] 调解记录
  agreement           jsonb,                                 -- {reachedOn, content, mode, instrumentId, number, noDocumentReason}
  termination_ground  text,
  terminated_on       date,
  termination_reason  text,
  notified_on         date,                                  -- 终止调解告知 / 不予处理告知
  lead                jsonb,                                 -- 第二十三条: {foundOn, description, outcome, verifiedOn, caseId}
  case_id             text references cases(id),             -- the case lead opened from it
  created_at          timestamptz not null default now()
);
create index complaints_org on complaints (org_id, received_on desc);
create index complaints_group on complaints (group_key, received_on);
create index complaints_case on complaints (case_id);
create constraint trigger complaints_recorded after insert or update on complaints
  deferrable initially deferred for each row execute function require_ledger_entry('@kind', 'id');

-- 投诉人 / 实名举报人: staff only, each read audited; never in a record entry, an export, an instrument sent to the party
create table complaint_persons (
  complaint_id   text primary key references complaints(id),
  kind           text not null check (kind in ('complaint', 'report')),
  name           text not null,
  phone          text,
  address        text,
  id_number      text
);
create constraint trigger complaint_persons_recorded after insert or update on complaint_persons
  deferrable initially deferred for each row execute function require_ledger_entry('@kind', 'complaint_id');

-- files attached at intake (stored by hash in the blob store)
create table complaint_attachments (
  id             text primary key,
  complaint_id   text not null references complaints(id),
  kind           text not null check (kind in ('complaint', 'report')),
  file_name      text not null,
  mime           text not null,
  size_bytes     bigint not null,
  hash           text not null
);
create index complaint_attachments_complaint on complaint_attachments (complaint_id);
create constraint trigger complaint_attachments_recorded after insert or update on complaint_attachments
  deferrable initially deferred for each row execute function require_ledger_entry('@kind', 'complaint_id');

-- the case shows the complaint or report it came from
alter table cases add column origin_type text, add column origin_id text;

-- reads of a complainant's or reporter's identity are audited like a case file
alter table access_log drop constraint if exists access_log_action_check;
alter table access_log add constraint access_log_action_check check (action in (
  'case.read', 'case.record', 'record.list', 'evidence.download',
  'instrument.read', 'instrument.download', 'creditExport.create', 'creditExport.download', 'complaint.person'));

-- the day a complaint or report was finished (办结): 不予受理, 调解成功, 终止调解告知, 转为线索, 不予处理
alter table complaints add column finished_on date;
