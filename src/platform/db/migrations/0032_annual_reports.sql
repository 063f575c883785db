-- Issue 18 part 3: the yearly reports (matter type annualReport) — 法治政府建设年度报告, 行政执法数据年度公开 and
-- 政府信息公开工作年度报告 — one per body, year and kind. Every number comes from the figure set computed for the body
-- and year (figure_set_id; last year's for the comparison in previous_set_id), kept so the numbers can be checked
-- against the record later. The content (sections of paragraphs, tables of rows) is the current version; every
-- edit writes a version row and a record entry.

create table annual_reports (
  id               text primary key references matters(id),
  body_id          text not null references orgs(id),
  year             int not null check (year between 2000 and 2100),
  kind             text not null check (kind in ('lawBasedGovernment', 'enforcementData', 'disclosure')),
  title            text not null,
  figure_set_id    text not null references figure_sets(id),
  previous_set_id  text not null references figure_sets(id),
  content          jsonb not null,
  version_no       int not null default 1,
  instrument_id    text references instruments(id),   -- the published .docx/PDF (法治政府建设年度报告)
  published_on     date,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (body_id, year, kind)
);
create index annual_reports_published on annual_reports (published_on) where published_on is not null;
create constraint trigger annual_reports_recorded after insert or update on annual_reports
  deferrable initially deferred for each row execute function require_ledger_entry('annualReport', 'id');

create table annual_report_versions (
  report_id     text not null references annual_reports(id),
  version_no    int not null,
  paragraph_id  text,                 -- the paragraph edited (null: the generated first version)
  content       jsonb not null,
  edited_by     text,
  edited_at     timestamptz not null default now(),
  primary key (report_id, version_no)
);
create constraint trigger annual_report_versions_recorded after insert or update on annual_report_versions
  deferrable initially deferred for each row execute function require_ledger_entry('annualReport', 'report_id');
