-- The record's write path no longer serialises the bureau (issue 19; docs/record.md「写入与排序」).
--
-- A recording transaction inserts its entry with its content and payload hash but no position: `write_id` (a
-- sequence, taken without any lock) orders the writes; `seq` and `leaf_hash` stay null. The integrator
-- (src/platform/record/integrator.ts) later takes the head lock, gives the committed entries that have no position
-- consecutive `seq` in write order, computes their leaf hashes and extends the tree. A position is assigned once:
-- the immutability trigger now lets an UPDATE through only when it turns a null `seq`/`leaf_hash` into values and
-- changes nothing else; every other UPDATE, every DELETE and TRUNCATE is still refused.

alter table ledger_entries add column write_id bigserial;
alter table ledger_entries drop constraint ledger_entries_pkey;
alter table ledger_entries add primary key (write_id);
alter table ledger_entries alter column seq drop not null;
alter table ledger_entries alter column leaf_hash drop not null;
create unique index ledger_entries_seq on ledger_entries (seq);
alter table ledger_entries add constraint ledger_entries_position check ((seq is null) = (leaf_hash is null));
-- the integrator's work list, and the age of its oldest item (the maximum merge delay monitor)
create index ledger_entries_pending on ledger_entries (write_id) where seq is null;

create function ledger_entry_position_once() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.seq is null and old.leaf_hash is null and new.seq is not null and new.leaf_hash is not null
     and (to_jsonb(new) - 'seq' - 'leaf_hash') = (to_jsonb(old) - 'seq' - 'leaf_hash') then
    return new;
  end if;
  raise exception 'LEDGER_IMMUTABLE: % on % is not allowed; the enforcement record is append-only (an entry''s position is assigned once)',
    tg_op, tg_table_name using errcode = 'P0001';
end $$;

drop trigger ledger_entries_immutable on ledger_entries;
create trigger ledger_entries_immutable before update or delete on ledger_entries
  for each row execute function ledger_entry_position_once();
