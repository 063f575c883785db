-- Law library (法律法规数据库): legal sources, their versions, headings and articles,
-- plus the one mechanism every module uses to cite the law (citations) and to learn that
-- a cited article changed (basis_flags).

create table legal_sources (
  id             text primary key,           -- the short title, e.g. 行政处罚法
  title          text not null,              -- full title, e.g. 中华人民共和国行政处罚法
  level          text not null check (level in ('law','adminRegulation','departmentRule','localRegulation','localRule','normativeDocument')),
  issuer         text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create constraint trigger legal_sources_recorded after insert or update on legal_sources
  deferrable initially deferred for each row execute function require_ledger_entry('legalSource', 'id');

create table law_versions (
  id              text primary key,          -- <source id>@<version date>, e.g. 行政处罚法@2021-01-22
  source_id       text not null references legal_sources(id),
  title           text not null,             -- the title as this version reads it
  subtitle        text,
  version_date    date not null,             -- date of this revision (file name date)
  doc_number      text,                      -- 文号, e.g. 国家市场监督管理总局令第20号
  promulgated_on  date,
  effective_on    date,
  repealed_on     date,
  -- as of the last write; reads derive the status on the day (repeal date, effective date) — see lawMetadata.versionStatusOn
  status          text not null check (status in ('effective','amended','repealed','notYetEffective')),
  history         text not null,             -- JSON array of {date, event} lines as published
  content_hash    char(64) not null,         -- SHA-256 of the imported text: re-import of the same file changes nothing
  article_count   int not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  unique (source_id, version_date)
);
create index law_versions_source on law_versions (source_id, version_date);
create constraint trigger law_versions_recorded after insert or update on law_versions
  deferrable initially deferred for each row execute function require_ledger_entry('legalSource', 'source_id');

create table law_headings (
  version_id  text not null references law_versions(id),
  seq         int not null,
  kind        text not null check (kind in ('part','chapter','section')),   -- 编 / 章 / 节
  label       text not null,               -- 第一章
  title       text not null,               -- 总则
  first_article_ordinal int,
  primary key (version_id, seq)
);

create table law_articles (
  id          text primary key,            -- <version id>#<label>, e.g. 行政处罚法@2021-01-22#第六十三条
  version_id  text not null references law_versions(id),
  source_id   text not null references legal_sources(id),
  ordinal     int not null,                -- 63 for 第六十三条
  suffix      int not null default 0,      -- 1 for 第十条之一
  label       text not null,               -- 第六十三条
  heading     text,                        -- 第五章 行政处罚的决定 / 第四节 听证程序
  body        text not null,               -- full text, paragraphs separated by \n
  paragraphs  text not null,               -- JSON: [{text, items:[{label, text}]}]
  search_text text not null,               -- title + label + body, normalised
  search_vec  tsvector not null,           -- CJK bigrams and ASCII words ('simple' configuration)
  unique (version_id, ordinal, suffix)
);
create index law_articles_version on law_articles (version_id, ordinal, suffix);
create index law_articles_source_label on law_articles (source_id, label);
create index law_articles_search on law_articles using gin (search_vec);

-- Everything that relies on an article cites it here: power items, violations, benchmarks,
-- templates, cases … (subject_type names the table's matter type).
create table citations (
  subject_type  text not null,
  subject_id    text not null,
  article_id    text not null references law_articles(id),
  role          text not null default 'basis',   -- basis | violates | punishes | other
  primary key (subject_type, subject_id, article_id, role)
);
create index citations_article on citations (article_id);

-- "Basis changed": raised when a cited article's law gets a new version or is repealed,
-- listed in a review queue, cleared only by a person.
create table basis_flags (
  id              text primary key,
  subject_type    text not null,
  subject_id      text not null,
  article_id      text not null references law_articles(id),
  new_article_id  text references law_articles(id),  -- the same article in the new version, if any
  change          text not null check (change in ('amended','unchanged','removed','repealed')),
  raised_by_version text references law_versions(id),
  status          text not null default 'open' check (status in ('open','cleared')),
  cleared_by      text,
  cleared_at      timestamptz,
  clear_note      text,
  org_id          text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  -- one flag per cited article and revision (an article cited in two roles is flagged once)
  unique (subject_type, subject_id, article_id, raised_by_version)
);
create index basis_flags_open on basis_flags (status, subject_type);
create index basis_flags_subject on basis_flags (subject_type, subject_id);
create constraint trigger basis_flags_recorded after insert or update on basis_flags
  deferrable initially deferred for each row execute function require_ledger_entry('@subject_type', 'subject_id');
