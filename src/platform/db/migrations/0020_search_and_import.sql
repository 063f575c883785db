-- The portal's decision search at 1 000 000 publications (bench/portal.ts, 1–2) and the target-pool import at 200 000 rows (bench/inspections-import.ts, 3).
--
-- 1. Only listed publications are searched (public.ts LISTED_STATES): the full-text index holds only
--    them, and the newest-first index is ordered exactly as the portal lists (decided_on desc, id desc),
--    so the first page of a common word or of no word at all is read off the index without a sort
--    (with (decided_on desc, id) the tie on one day needed a sort of the whole day).
-- 2. A publication's search vector also holds every Han character on its own
--    (domain/publicity/searchTokens.ts publicationDocument): a one-character query is an index
--    lookup instead of an ILIKE scan. Existing vectors gain their characters here: those of their
--    bigram lexemes (normalised as the application normalises them) and any Han character of
--    search_text standing alone. search_vec is derived from the recorded content (it is no fact of
--    the record and `ledger verify --state` does not read it), so this update has no record entry:
--    the recorded-change trigger is switched off around it, by the owner, inside this migration.
drop index if exists publications_search;
drop index if exists publications_listed;

alter table publications disable trigger publications_recorded;
update publications p
   set search_vec = p.search_vec || coalesce((
         select array_to_tsvector(array_agg(distinct c))
           from (select regexp_split_to_table(l, '') as c
                   from unnest(tsvector_to_array(p.search_vec)) l
                  where l !~ '^[a-z0-9]+$'
                 union
                 select m[1] from regexp_matches(normalize(p.search_text, NFKC), '([⺀-⻳⼀-⿕々〇〡-〩〸-〻㐀-䶿一-鿿豈-龎𠀀-𲎯])', 'g') m) chars
          where c <> ''), ''::tsvector)
 where p.search_text <> '';
alter table publications enable trigger publications_recorded;

create index publications_search on publications using gin (search_vec) where state in ('published', 'corrected', 'withdrawalDue');
create index publications_listed on publications (decided_on desc, id desc) where state in ('published', 'corrected', 'withdrawalDue');

-- 3. The target pool (检查对象名录库) is written 200 000 rows at a time by an import with one record
--    entry (targetPool.imported). The per-row deferred check (0009: one plpgsql call and one lookup per
--    row, queued until commit) was a quarter of the import's time. The same rule is now checked once per
--    statement over the rows it changed (a transition table): every body whose pool a statement changes
--    must already have a targetPool entry in this transaction — the import appends its entry first.
drop trigger inspection_targets_recorded on inspection_targets;
create function require_target_pool_entry() returns trigger language plpgsql as $$
declare
  missing text;
begin
  select c.body_id into missing
    from (select distinct body_id from changed_targets) c
   where not exists (select 1 from ledger_entries
                      where tx_id = pg_current_xact_id()::text and matter_type = 'targetPool' and matter_id = c.body_id)
   limit 1;
  if missing is not null then
    raise exception 'LEDGER_ENTRY_MISSING: change to % (targetPool %) without a ledger entry in the same transaction',
      tg_table_name, missing using errcode = 'P0001';
  end if;
  return null;
end $$;
create trigger inspection_targets_recorded_insert after insert on inspection_targets
  referencing new table as changed_targets for each statement execute function require_target_pool_entry();
create trigger inspection_targets_recorded_update after update on inspection_targets
  referencing new table as changed_targets for each statement execute function require_target_pool_entry();
