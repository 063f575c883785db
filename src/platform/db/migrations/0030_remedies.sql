-- 行政复议 and 行政应诉 (modules/remedies): the bureau as respondent of a reconsideration and as defendant of a suit.
-- Each is a matter (matters.id = the row's id) of type 'reconsideration' / 'lawsuit'; the subject is the matter whose
-- act is challenged (a case's decision, a disclosure answer, a complaint decision …: type and id). The receipt, the
-- answer, the hearings, the decisions and judgments are on the record (remedy.* entries and matter.transitioned);
-- these tables are the current state.
create table reconsiderations (
  id                  text primary key references matters(id),
  subject_type        text not null,
  subject_id          text not null,
  subject_kind        text not null check (subject_kind in ('penalty', 'disclosure', 'complaint', 'other')),
  subject_title       text not null,
  body_id             text not null references orgs(id),      -- the respondent (被申请人): the body whose act is challenged
  applicant           text not null,
  reviewing_body      text not null,                          -- 行政复议机关
  file_number         text,                                   -- 行政复议案号
  request             text not null,                          -- 行政复议请求
  received_on         date not null,                          -- 收到申请书副本之日
  law_version         text not null check (law_version in ('2023', '2017')),
  self_decided        boolean not null default false,         -- decided by the bureau itself (2017 law, history only)
  answered_on         date,
  answer              text,
  answer_instrument_id text,
  bundle              jsonb,                                  -- the answer bundle: the subject's record entries, files and instruments
  bundle_hash         text,                                   -- SHA-256 of the bundle (canonical JSON)
  hearings            jsonb not null default '[]'::jsonb,
  outcome             text,
  stated_effect       text check (stated_effect in ('stands', 'changed', 'setAside')),
  effect              text check (effect in ('stands', 'changed', 'setAside')),
  decided_on          date,
  decision_number     text,
  decision_summary    text,
  decision_file_id    text,
  challenge_id        text,                                   -- the case's 复议 entry (execution.challenges), when the subject is a case
  publication_id      text,                                   -- the publication withdrawn or due for withdrawal
  created_at          timestamptz not null default now()
);
create index reconsiderations_subject on reconsiderations (subject_type, subject_id, received_on desc);
create index reconsiderations_body on reconsiderations (body_id, received_on);
create constraint trigger reconsiderations_recorded after insert or update on reconsiderations
  deferrable initially deferred for each row execute function require_ledger_entry('reconsideration', 'id');

create table lawsuits (
  id                  text primary key references matters(id),
  subject_type        text not null,
  subject_id          text not null,
  subject_kind        text not null check (subject_kind in ('penalty', 'disclosure', 'complaint', 'other')),
  subject_title       text not null,
  body_id             text not null references orgs(id),      -- the defendant (被告)
  plaintiff           text not null,
  court               text not null,
  file_number         text,                                   -- 案号 (of the current instance)
  claims              text not null,                          -- 诉讼请求
  received_on         date not null,                          -- 收到起诉状副本之日
  after_reconsideration_id text,                              -- 经复议的案件: the reconsideration it follows
  instance            text not null default 'first' check (instance in ('first', 'second', 'retrial')),
  defended_on         date,
  defence             text,
  hearings            jsonb not null default '[]'::jsonb,
  judgments           jsonb not null default '[]'::jsonb,
  outcome             text,                                   -- the effective judgment's outcome
  effect              text check (effect in ('stands', 'changed', 'setAside')),
  effective_on        date,
  execution           jsonb,
  challenge_id        text,
  publication_id      text,
  created_at          timestamptz not null default now()
);
create index lawsuits_subject on lawsuits (subject_type, subject_id, received_on desc);
create index lawsuits_body on lawsuits (body_id, received_on);
create constraint trigger lawsuits_recorded after insert or update on lawsuits
  deferrable initially deferred for each row execute function require_ledger_entry('lawsuit', 'id');
