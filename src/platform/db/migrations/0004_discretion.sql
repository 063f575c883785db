-- Violations and discretion benchmarks (违法行为与行政处罚自由裁量权基准), and the per-org
-- 较大数额 thresholds. The rules are data (JSON, see src/domain/discretion/model.ts) read by the pure
-- calculator; every article they rely on is also written to `citations`, so a change of the law
-- flags them (basis_flags).

-- 违法行为: the catalogue, readable by everyone; maintained in the owner org's subtree.
create table violations (
  id            text primary key,
  code          text not null unique,
  name          text not null,
  field         text not null,                 -- enforcementField (domain/certifiedDuty.ts)
  owner_org_id  text not null references orgs(id),
  violates      text[] not null,               -- article ids (also citations, role 'violates')
  punishes      text[] not null,               -- article ids (also citations, role 'punishes')
  conditions    jsonb not null,                -- StatutoryCondition[]
  provisions    jsonb not null,                -- PenaltyProvision[] with the statutory fine branches
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index violations_field on violations (field, code);
create constraint trigger violations_recorded after insert or update on violations
  deferrable initially deferred for each row execute function require_ledger_entry('violation', 'id');

-- 裁量基准: one per violation, adopting org and validity period; periods of the same violation
-- and org never overlap (checked by the command under a lock on the violation row).
create table discretion_benchmarks (
  id               text primary key,
  violation_id     text not null references violations(id),
  org_id           text not null references orgs(id),   -- the adopting org
  valid_from       date not null,
  valid_to         date,                                -- inclusive; null = until further notice
  document_title   text not null,
  document_number  text not null,                       -- 文号 of the adopting document
  tiers            jsonb not null,                      -- TierRow[]
  circumstances    jsonb not null,                      -- CircumstanceRule[]
  exemptions       jsonb not null,                      -- ExemptionRule[]
  note             text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index discretion_benchmarks_violation on discretion_benchmarks (violation_id, org_id, valid_from);
create index discretion_benchmarks_org on discretion_benchmarks (org_id);
create constraint trigger discretion_benchmarks_recorded after insert or update on discretion_benchmarks
  deferrable initially deferred for each row execute function require_ledger_entry('discretionBenchmark', 'id');

-- 较大数额 per org (hearing rights, 行政处罚法 第六十三条; major-decision review, 第五十八条), dated and cited.
create table discretion_thresholds (
  id                  text primary key,
  org_id              text not null references orgs(id),
  kind                text not null check (kind in ('hearing', 'majorDecision')),
  valid_from          date not null,
  valid_to            date,
  natural_person_fen  bigint not null check (natural_person_fen >= 0),
  organisation_fen    bigint not null check (organisation_fen >= 0),
  article_id          text not null references law_articles(id),
  document_number     text,
  note                text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index discretion_thresholds_org on discretion_thresholds (org_id, kind, valid_from);
create constraint trigger discretion_thresholds_recorded after insert or update on discretion_thresholds
  deferrable initially deferred for each row execute function require_ledger_entry('discretionThreshold', 'id');
