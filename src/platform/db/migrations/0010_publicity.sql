-- 行政执法公示 (enforcementPublicity): a publication is a matter of type 'publication' (matters.id =
-- publications.id) created when a decision is made; the engine holds its state, these tables what
-- was published. Every published text is a version; a correction adds one, nothing is overwritten.
create table publications (
  id                text primary key references matters(id),
  kind              text not null check (kind in ('penalty', 'licence', 'inspectionResult', 'reconsideration')),
  source_type       text not null,                 -- the matter that decided: case …
  source_id         text not null,
  body_id           text not null references orgs(id),
  procedure         text,                          -- ordinary | summary
  decided_on        date not null,
  channels          text[] not null,               -- portal, enterpriseCredit (国家企业信用信息公示系统), creditChina (双公示)
  state             text not null,                 -- copy of matters.state for the portal's queries
  number            text not null,                 -- 文号
  party_type        text not null,
  party_name        text not null,
  party_uscc        text,
  violation         text not null,
  field             text not null,
  fine_fen          bigint not null default 0,
  current_version   int not null default 0,
  current_seq       bigint,                        -- ledger seq of the current version's publication.published
  published_on      date,
  expires_on        date,
  search_text       text not null default '',      -- what a lone character is matched against (ILIKE)
  search_vec        tsvector not null default ''::tsvector,  -- to_tsvector('simple', cjk tokens)
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  unique (source_type, source_id, kind)
);
create index publications_search on publications using gin (search_vec);
create index publications_listed on publications (decided_on desc, id) where state in ('published', 'corrected', 'withdrawalDue');
create index publications_uscc on publications (party_uscc);
create index publications_body on publications (body_id, decided_on);
create constraint trigger publications_recorded after insert or update on publications
  deferrable initially deferred for each row execute function require_ledger_entry('publication', 'id');

-- every version ever published; content and its record entry never change
create table publication_versions (
  publication_id    text not null references publications(id),
  version           int not null check (version >= 1),
  content           jsonb not null,                -- the public content (masked), = the record entry's payload content
  ledger_seq        bigint not null,
  published_on      date not null,
  status            text not null check (status in ('current', 'superseded', 'withdrawn', 'ended')),
  status_on         date,
  status_reason     text,
  created_at        timestamptz not null default now(),
  primary key (publication_id, version)
);
create function publication_versions_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then raise exception 'PUBLICATION_VERSION_IMMUTABLE: published versions are kept' using errcode = 'P0001'; end if;
  if new.content is distinct from old.content or new.ledger_seq is distinct from old.ledger_seq or new.published_on is distinct from old.published_on or new.version is distinct from old.version then
    raise exception 'PUBLICATION_VERSION_IMMUTABLE: a published version is never rewritten; publish a correction' using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger publication_versions_immutable before update or delete on publication_versions
  for each row execute function publication_versions_immutable();
create constraint trigger publication_versions_recorded after insert or update on publication_versions
  deferrable initially deferred for each row execute function require_ledger_entry('publication', 'publication_id');

-- 双公示 exports to the credit platform: which version of which publication went out in which export
create table credit_exports (
  id                text primary key,
  body_id           text not null references orgs(id),
  format            text not null check (format in ('xlsx', 'csv', 'json')),
  items             int not null,
  errors            jsonb not null,                -- the error report: rows left out and why
  file_hash         text not null,
  file_size         bigint not null,
  created_by        text,
  created_at        timestamptz not null default now()
);
create table credit_export_items (
  export_id         text not null references credit_exports(id),
  publication_id    text not null references publications(id),
  version           int not null,
  action            text not null check (action in ('publish', 'withdraw')),
  primary key (export_id, publication_id, version, action)
);
create index credit_export_items_pub on credit_export_items (publication_id, version, action);
create constraint trigger credit_exports_recorded after insert or update on credit_exports
  deferrable initially deferred for each row execute function require_ledger_entry('org', 'body_id');
