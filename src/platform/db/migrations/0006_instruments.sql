-- Instruments (文书): the 机关代字 of each org, the number counters, and the register of issued
-- instruments. Numbers are gapless per org, kind and year: a counter row is incremented under its
-- row lock inside the issuing transaction, so a rolled-back issue gives its number back.

-- 机关代字 used in 文号 ({orgShort} in a number pattern); an org without one uses the first character of its name
create table instrument_org_codes (
  org_id      text primary key references orgs(id),
  code        text not null check (length(code) between 1 and 20),
  updated_at  timestamptz not null default now()
);
create constraint trigger instrument_org_codes_recorded after insert or update on instrument_org_codes
  deferrable initially deferred for each row execute function require_ledger_entry('org', 'org_id');

create table instrument_numbers (
  org_id    text not null references orgs(id),
  kind      text not null,
  year      int not null,
  last_seq  int not null check (last_seq >= 1),
  primary key (org_id, kind, year)
);

create table instruments (
  id                text primary key,
  org_id            text not null references orgs(id),   -- the issuing enforcement body
  kind              text not null,
  year              int not null,
  seq               int not null check (seq >= 1),
  number            text not null,                        -- 文号 as printed, e.g. 示市监处罚〔2026〕12号
  title             text not null,
  template_version  int not null,
  matter_type       text not null,                        -- the matter the instrument belongs to (a case …)
  matter_id         text not null,
  issued_on         date not null,                        -- 成文日期
  data              jsonb not null,                       -- what the template was filled with
  data_hash         char(64) not null,                    -- hash of the canonical JSON of data
  hash_alg          text not null,
  docx_hash         char(64) not null,                    -- content hashes of the generated files (BlobStore keys)
  docx_size         bigint not null,
  pdf_hash          char(64) not null,
  pdf_size          bigint not null,
  created_by        text,
  created_at        timestamptz not null default now(),
  unique (org_id, kind, year, seq),
  unique (org_id, number)
);
create index instruments_matter on instruments (matter_type, matter_id);
create constraint trigger instruments_recorded after insert or update on instruments
  deferrable initially deferred for each row execute function require_ledger_entry('@matter_type', 'matter_id');

-- an issued instrument is never changed or deleted (a correction is a new instrument)
create function instrument_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'INSTRUMENT_IMMUTABLE: % on % is not allowed; an issued instrument is never changed', tg_op, tg_table_name
    using errcode = 'P0001';
end $$;
create trigger instruments_immutable before update or delete on instruments
  for each row execute function instrument_reject_change();
