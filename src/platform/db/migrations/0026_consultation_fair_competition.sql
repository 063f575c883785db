-- Issue 15: public comment (公众参与/征求意见, matter type 'publicConsultation') and fair-competition review
-- (公平竞争审查, matter type 'fairCompetitionReview'). The engine holds each matter's state; these tables hold what
-- the steps wrote. Every row changes only with a record entry on its matter in the same transaction.

-- a draft open for comment: the subject is the draft's own matter (a normative document, a major decision)
create table consultations (
  id                text primary key references matters(id),
  subject_type      text not null,
  subject_id        text not null,
  org_id            text not null references orgs(id),   -- the drafting unit (起草单位 / 决策承办单位)
  title             text not null,
  draft_text        text not null,
  anchors           jsonb not null,                      -- [{id, label, text}]: the draft split into articles/paragraphs
  starts_on         date not null,
  ends_on           date not null,                       -- the last day comments are taken
  days              int not null,
  minimum_days      int not null,
  period_rule       text not null,                       -- the deadline rule of the minimum period
  shortened_reason  text,                                -- 因情况紧急等原因缩短期限的说明
  state             text not null,                       -- copy of matters.state for the portal's queries
  report_summary    text,                                -- 意见采纳情况 (the feedback report)
  final_text_url    text,
  reported_on       date,
  created_at        timestamptz not null default now()
);
create index consultations_subject on consultations (subject_type, subject_id);
create index consultations_state on consultations (state, ends_on);
create constraint trigger consultations_recorded after insert or update on consultations
  deferrable initially deferred for each row execute function require_ledger_entry('publicConsultation', 'id');

-- the drafting unit's answers (采纳 / 部分采纳 / 不予采纳) to one comment or a group of comments
create table consultation_answers (
  id                text primary key,
  consultation_id   text not null references consultations(id),
  outcome           text not null check (outcome in ('adopted', 'partlyAdopted', 'notAdopted')),
  reason            text not null,
  answered_by       text references users(id),
  answered_on       date not null,
  created_at        timestamptz not null default now()
);
create constraint trigger consultation_answers_recorded after insert or update on consultation_answers
  deferrable initially deferred for each row execute function require_ledger_entry('publicConsultation', 'consultation_id');

-- the comments as the public sees them: no name, no contact
create table consultation_comments (
  id                text primary key,
  consultation_id   text not null references consultations(id),
  number            int not null,                        -- 意见 1, 2 … in order of arrival
  anchor            text not null,                       -- the anchor id ('whole' for the draft as a whole)
  body              text not null,
  challenge_nonce   text not null unique,                -- a challenge answers one comment only
  answer_id         text references consultation_answers(id),
  submitted_at      timestamptz not null default now(),
  unique (consultation_id, number)
);
create constraint trigger consultation_comments_recorded after insert or update on consultation_comments
  deferrable initially deferred for each row execute function require_ledger_entry('publicConsultation', 'consultation_id');

-- the commenter's name and contact, when given: staff only, never in a record entry or a public answer
create table consultation_commenters (
  comment_id        text primary key references consultation_comments(id),
  consultation_id   text not null references consultations(id),
  name              text,
  contact           text
);
create constraint trigger consultation_commenters_recorded after insert or update on consultation_commenters
  deferrable initially deferred for each row execute function require_ledger_entry('publicConsultation', 'consultation_id');

-- 公平竞争审查: one review of one policy measure (the subject), by its drafting unit
create table fair_competition_reviews (
  id                text primary key references matters(id),
  subject_type      text,
  subject_id        text,
  org_id            text not null references orgs(id),
  title             text not null,
  measure_text      text not null,
  state             text not null,
  checklist         jsonb,                               -- [{item, answer: 'no'|'yes', note}] against 第八条–第十一条
  exceptions        jsonb,                               -- [{ground, justification}] under 第十二条
  conclusion        text check (conclusion in ('mayIssue', 'mustAmend', 'mayNotIssue')),
  conclusion_reason text,
  stakeholder_views text,                              -- 第十六条: the views of businesses, associations (and the public) heard
  concluded_on      date,
  joint             boolean not null default false,      -- 会审
  joint_units       jsonb,                               -- [{name, opinion}]
  created_at        timestamptz not null default now()
);
create index fair_competition_reviews_subject on fair_competition_reviews (subject_type, subject_id);
create constraint trigger fair_competition_reviews_recorded after insert or update on fair_competition_reviews
  deferrable initially deferred for each row execute function require_ledger_entry('fairCompetitionReview', 'id');
