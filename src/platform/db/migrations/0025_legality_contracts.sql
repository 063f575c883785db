-- 合法性审查（审核）: one mechanism for normative documents, major decisions and contracts. A review is a matter of
-- type 'legalityReview' (matters.id = legality_reviews.id); the subject is the matter reviewed (type and id).
-- The request, the advisers' opinions and the opinion are on the record (legalityReview.requested,
-- matter.transitioned with the checklist and opinion as input); these tables are the current state.
create table legal_advisers (
  id                  text primary key,
  org_id              text not null references orgs(id),     -- the body that engages the adviser / employs the public lawyer
  kind                text not null check (kind in ('adviser', 'publicLawyer')),
  name                text not null,
  qualification       text not null,                          -- 律师执业证 / 法律职业资格 / 公职律师证 …
  certificate_number  text not null,
  firm                text,                                   -- 律师事务所 or 所在单位
  term_start          date not null,
  term_end            date,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (org_id, certificate_number)
);
create constraint trigger legal_advisers_recorded after insert or update on legal_advisers
  deferrable initially deferred for each row execute function require_ledger_entry('legalAdviser', 'id');

create table legality_reviews (
  id                  text primary key references matters(id),
  subject_type        text not null,
  subject_id          text not null,
  kind                text not null,
  title               text not null,
  materials           text not null,
  material_file_ids   text[] not null default '{}',           -- evidence files of the subject sent with the request
  unit_id             text not null references orgs(id),      -- the requesting (drafting) unit
  body_id             text not null references orgs(id),      -- the enforcement body whose legal office reviews
  requested_on        date not null,
  earliest_opinion_on date,                                   -- the minimum review time's end (null: none set)
  advisers_required   boolean not null,
  checklist           jsonb,
  opinion             text check (opinion in ('lawful', 'lawfulAfterChanges', 'unlawful')),
  reasons             text,
  early_reason        text,
  concluded_on        date,
  instrument_id       text,
  created_at          timestamptz not null default now()
);
create index legality_reviews_subject on legality_reviews (subject_type, subject_id, created_at desc);
create index legality_reviews_body on legality_reviews (body_id, requested_on);
create constraint trigger legality_reviews_recorded after insert or update on legality_reviews
  deferrable initially deferred for each row execute function require_ledger_entry('legalityReview', 'id');

create table legality_consultations (
  id                  text primary key,
  review_id           text not null references legality_reviews(id),
  adviser_id          text not null references legal_advisers(id),
  opinion             text not null,
  given_on            date not null,
  created_at          timestamptz not null default now()
);
create index legality_consultations_review on legality_consultations (review_id);
create index legality_consultations_adviser on legality_consultations (adviser_id);
create constraint trigger legality_consultations_recorded after insert or update on legality_consultations
  deferrable initially deferred for each row execute function require_ledger_entry('legalityReview', 'review_id');

-- 合同合法性审查: a contract the bureau signs is a matter of type 'contractReview'
create table contracts (
  id                  text primary key references matters(id),
  unit_id             text not null references orgs(id),
  body_id             text not null references orgs(id),
  category            text not null check (category in ('procurement', 'entrustment', 'cooperation', 'lease', 'service', 'other')),
  title               text not null,
  counterparty        text not null,
  counterparty_uscc   text,
  amount_fen          bigint not null check (amount_fen >= 0),
  term_start          date,
  term_end            date,
  summary             text not null,
  signed_on           date,
  signed_file_id      text,                                   -- the signed contract (evidence_files of the matter)
  closed_on           date,
  created_at          timestamptz not null default now()
);
create index contracts_body on contracts (body_id, created_at);
create constraint trigger contracts_recorded after insert or update on contracts
  deferrable initially deferred for each row execute function require_ledger_entry('contractReview', 'id');

create table contract_notes (
  id                  text primary key,
  contract_id         text not null references contracts(id),
  kind                text not null check (kind in ('performance', 'dispute')),
  note                text not null,
  noted_on            date not null,
  created_at          timestamptz not null default now()
);
create index contract_notes_contract on contract_notes (contract_id);
create constraint trigger contract_notes_recorded after insert or update on contract_notes
  deferrable initially deferred for each row execute function require_ledger_entry('contractReview', 'contract_id');

-- 立法征询: a higher body's request for comments on a draft law or rule, a matter of type 'legislativeConsultation'
create table legislative_consultations (
  id                  text primary key references matters(id),
  body_id             text not null references orgs(id),
  requester           text not null,                          -- who asked (上级机关)
  draft_title         text not null,
  received_on         date not null,
  due_on              date,                                   -- the reply date the requester gave (not a legal deadline)
  reply               text,
  replied_on          date,
  reply_file_id       text,
  created_at          timestamptz not null default now()
);
create index legislative_consultations_body on legislative_consultations (body_id, received_on);
create constraint trigger legislative_consultations_recorded after insert or update on legislative_consultations
  deferrable initially deferred for each row execute function require_ledger_entry('legislativeConsultation', 'id');
