-- 执法办案 (caseHandling): a case is a matter of type 'case' (matters.id = cases.id); the engine
-- holds its state, these tables what it is about. Every row is written with a ledger entry on the
-- case's matter in the same transaction (deferred require_ledger_entry).
create table cases (
  id                text primary key references matters(id),
  body_id           text not null references orgs(id),     -- 执法主体: the enforcement body that decides
  unit_id           text not null references orgs(id),     -- 承办机构 (= matters.org_id)
  procedure         text not null check (procedure in ('ordinary', 'summary')),
  source            text not null,
  source_note       text,
  received_on       date not null,                         -- 发现或收到线索
  party             jsonb not null,                        -- {type, name, uscc|idNumber, address, legalRep, phone}
  contact           jsonb not null,                        -- 联系人 on the notices: {name, phone, address}
  party_type        text not null check (party_type in ('naturalPerson', 'organisation')),
  field             text not null,                         -- 执法领域
  summary           text not null,                         -- 简要案情
  violation_id      text references violations(id),
  violation_date    date,                                  -- 违法行为发生（或终了）之日
  life_health       boolean not null default false,        -- 涉及生命健康安全且有危害后果: five-year limitation
  case_number       text,                                  -- 立案编号 = 立案审批表 文号
  filed_on          date,
  investigator_ids  text[] not null default '{}',          -- 承办人员 (officers)
  facts             text,
  discretion_input  jsonb,
  discretion        jsonb,                                 -- the calculator's result, frozen with its rules digest
  proposed          jsonb,                                 -- 拟处罚: [{kind, amountFen, note}]
  deviation_reason  text,
  hearing_eligible  boolean,
  major             jsonb,                                 -- {major, reasons[]} at the investigation's close
  complex           boolean not null default false,
  public_interest   boolean not null default false,
  notice            jsonb,                                 -- {noticeOn, servedOn, hearingEligible}
  waivers           jsonb not null default '{}',           -- {statement: date, hearing: date} written waivers
  statement         jsonb,                                 -- 陈述申辩 {receivedOn, text, adopted, reply}
  hearing           jsonb,                                 -- {requestedOn, date, noticeOn, place, hostOfficerId, heldOn, record, report}
  decision          jsonb,                                 -- {outcome, penalties[], decidedOn, instrumentId, number}
  fine_fen          bigint not null default 0,
  confiscation_fen  bigint not null default 0,
  service           jsonb,                                 -- {servedOn, method, recipient, note}
  payment_due       date,
  payment_plan      jsonb,                                 -- 延期/分期缴纳 {kind, dueOn, instalments[], approvedBy, reason}
  enforcement       jsonb,                                 -- 申请强制执行 {appliedOn, court, outcome}
  referral          jsonb,                                 -- 移送 {kind: police|body, to, reason, approvedOn, transferredOn, answer, answeredOn}
  closed_on         date,
  archived_on       date,
  updated_at        timestamptz not null default now()
);
create index cases_body on cases (body_id);
create index cases_unit on cases (unit_id);
create index cases_party_name on cases ((party ->> 'name'));
create constraint trigger cases_recorded after insert or update on cases
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'id');

-- 证据 of the investigation: each item with the officers who took it and its A/V files
create table case_evidence (
  id             text primary key,
  case_id        text not null references cases(id),
  kind           text not null,
  title          text not null,
  collected_on   date not null,
  place          text,
  officer_ids    text[] not null default '{}',
  file_ids       text[] not null default '{}',     -- evidence_files of the case (A/V records, scans)
  description    text,
  instrument_id  text,
  created_by     text not null,
  created_at     timestamptz not null default now()
);
create index case_evidence_case on case_evidence (case_id);
create constraint trigger case_evidence_recorded after insert or update on case_evidence
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'case_id');

-- 案件审核 and 法制审核: the reviewer, a verdict per checklist item, the opinion and its reasons
create table case_reviews (
  id             text primary key,
  case_id        text not null references cases(id),
  kind           text not null check (kind in ('caseAudit', 'legalReview')),
  reviewer_id    text not null references users(id),
  reviewer_name  text not null,
  items          jsonb not null,                   -- {subject: {ok, note}, …}
  opinion        text not null check (opinion in ('agree', 'agreeAfterChanges', 'disagree')),
  reasons        text not null,
  accepts_deviation boolean not null default false,
  reviewed_on    date not null,
  instrument_id  text,
  created_at     timestamptz not null default now()
);
create index case_reviews_case on case_reviews (case_id);
create constraint trigger case_reviews_recorded after insert or update on case_reviews
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'case_id');

-- 集体讨论: the meeting, who attended, each member's opinion, the decision, the minutes
create table case_discussions (
  id             text primary key,
  case_id        text not null references cases(id),
  held_on        date not null,
  place          text,
  chair          text not null,
  attendees      jsonb not null,                   -- [{name, position}]
  opinions       jsonb not null,                   -- [{name, opinion}]
  decision       text not null,
  minutes        text not null,
  instrument_id  text,
  created_at     timestamptz not null default now()
);
create index case_discussions_case on case_discussions (case_id);
create constraint trigger case_discussions_recorded after insert or update on case_discussions
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'case_id');

-- 执行: payments of the fine and of the late fee
create table case_payments (
  id             text primary key,
  case_id        text not null references cases(id),
  paid_on        date not null,
  amount_fen     bigint not null check (amount_fen > 0),
  fine_part_fen  bigint not null,
  late_fee_fen   bigint not null,
  receipt_no     text,
  recorded_by    text not null,
  created_at     timestamptz not null default now()
);
create index case_payments_case on case_payments (case_id);
create constraint trigger case_payments_recorded after insert or update on case_payments
  deferrable initially deferred for each row execute function require_ledger_entry('case', 'case_id');

-- 重大执法决定法制审核目录清单: which criteria make a decision major, per org and dated
create table major_decision_catalogues (
  id               text primary key,
  org_id           text not null references orgs(id),
  valid_from       date not null,
  valid_to         date,
  criteria         text[] not null,
  document_number  text,
  note             text,
  created_at       timestamptz not null default now()
);
create index major_decision_catalogues_org on major_decision_catalogues (org_id, valid_from);
create constraint trigger major_decision_catalogues_recorded after insert or update on major_decision_catalogues
  deferrable initially deferred for each row execute function require_ledger_entry('majorCatalogue', 'org_id');

-- deadlines: an approved extension and the periods that stop the clock (听证、检测、公告 …)
alter table matter_deadlines add column extended boolean not null default false;
alter table matter_deadlines add column suspensions jsonb not null default '[]';
