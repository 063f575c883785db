-- Issue 18 (part 1): the figure catalogue's computed sets. A figure set is every figure of the catalogue computed for
-- an org subtree and a period at one moment, with the signed tree head of the record at that moment, so that a
-- report's numbers can be checked later against the same record. Its values are hashed into its record entry
-- (`figureSet.computed`); the row never changes.
create table figure_sets (
  id            text primary key,
  org_id        text not null references orgs(id),
  period_from   date not null,
  period_to     date not null,
  computed_at   timestamptz not null,
  computed_by   text,
  tree_head_id  bigint references ledger_tree_heads(id),
  tree_size     bigint not null,
  root_hash     text not null,
  figure_values jsonb not null,                  -- {figureId: {value, records, groups: {dim: [{key, value, records}]}}}
  values_hash   text not null,                   -- the record's hash of the canonical JSON of `values`
  check (period_to >= period_from)
);
create index figure_sets_org on figure_sets (org_id, computed_at desc);
create constraint trigger figure_sets_recorded after insert or update on figure_sets
  deferrable initially deferred for each row execute function require_ledger_entry('figureSet', 'id');
create function figure_sets_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'a figure set is never changed or deleted (%)', old.id;
end $$;
create trigger figure_sets_frozen before update or delete on figure_sets for each row execute function figure_sets_frozen();
