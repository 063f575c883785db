-- Issue 16: 政府信息公开 on request (政府信息公开条例 2019; matter type disclosureRequest) and recommendations from
-- outside (检察建议、司法建议 …; matter type recommendation). Each step's data is the input of the workflow transition
-- that took it (in the record's matter.transitioned entry) and is kept here as the current state; every write needs its
-- record entry in the same transaction.

create table disclosure_requests (
  id                 text primary key references matters(id),
  body_id            text not null references orgs(id),       -- the 行政机关 that received the request
  query_code         text not null unique,                    -- what the applicant follows the request with on the portal
  channel            text not null check (channel in ('portal', 'inPerson', 'letter', 'fax', 'email')),
  applicant_kind     text not null,                           -- domain/disclosure/rules.ts applicantKinds (第五十条 annual report)
  applicant_name     text not null,                           -- personal data: never on the portal, never in a public answer
  applicant_id_number text,
  applicant_contact  text not null,
  description        text not null,                           -- 申请公开的政府信息的名称、文号或者特征性描述 (第二十九条第二款第（二）项)
  form               text not null default '',                -- 获取信息的方式、途径 (第（三）项)
  received_on        date not null,                           -- 收到申请之日 (第三十一条)
  challenge_nonce    text unique,                             -- the portal form's challenge (one answer files one request)
  correction         jsonb,                                   -- 补正 (第三十条): {items, noticeOn, dueOn, receivedOn?}
  consultations      jsonb not null default '[]'::jsonb,      -- 征求第三方意见 (第三十二条): [{thirdParty, sentOn, repliedOn?, opinion?}]
  extension          jsonb,                                   -- 延长答复期限 (第三十三条第二款): {reason, approvedBy, on, instrumentId}
  answer_type        text,                                    -- domain/disclosure/rules.ts answerTypes (第三十六条)
  answer             jsonb,                                   -- the answer as issued: {ground?, otherBody?, content, instrumentId, number}
  answered_on        date,
  created_at         timestamptz not null default now()
);
create index disclosure_requests_body on disclosure_requests (body_id, received_on);
create constraint trigger disclosure_requests_recorded after insert or update on disclosure_requests
  deferrable initially deferred for each row execute function require_ledger_entry('disclosureRequest', 'id');

create table recommendations (
  id                 text primary key references matters(id),
  body_id            text not null references orgs(id),       -- the bureau the recommendation is addressed to
  unit_id            text references orgs(id),                -- the unit assigned to answer it
  kind               text not null,                           -- procuratorial / judicial / consultation / other
  issuer             text not null,                           -- 制发机关
  document_number    text not null,                           -- 文号
  content            text not null,
  issued_on          date not null,
  received_on        date not null,
  stated_due_on      date,                                    -- the answer date the document states
  answer             text,
  measures           text,                                    -- 采取的措施
  answered_on        date,
  filed_on           date,                                    -- 归档
  created_at         timestamptz not null default now()
);
create index recommendations_body on recommendations (body_id, received_on);
create constraint trigger recommendations_recorded after insert or update on recommendations
  deferrable initially deferred for each row execute function require_ledger_entry('recommendation', 'id');
