-- Power list (权责清单): the items of each enforcement body, never overwritten. Every add, amend
-- or remove (立改废) is a change record with reason, effective date and approver, and a new
-- version of the item valid from the effective date; the list as of any date is the versions
-- valid on that date. The legal basis of each version is a list of article ids, and the
-- item's live basis is also written to `citations` (subject type 'powerItem'), so the law
-- library flags the item when a cited article changes.

-- the identity of an item: body, code and (for a sub-item, 子项) its parent never change
create table power_items (
  id          text primary key,
  body_id     text not null references orgs(id),        -- 实施主体 (an enforcement body)
  code        text not null,                            -- 事项编码, unique per body
  parent_id   text references power_items(id),         -- the item a sub-item belongs to
  created_at  timestamptz not null default now(),
  unique (body_id, code)
);
create index power_items_parent on power_items (parent_id);
create constraint trigger power_items_recorded after insert or update on power_items
  deferrable initially deferred for each row execute function require_ledger_entry('powerItem', 'id');

-- 立改废: one row per add / amend / remove
create table power_changes (
  id                 text primary key,
  item_id            text not null references power_items(id),
  kind               text not null check (kind in ('add', 'amend', 'remove')),
  reason             text not null check (reason in ('lawChange', 'orgChange', 'superiorRequirement')),
  note               text not null,
  effective_on       date not null,
  approver_id        text not null references users(id),   -- a leader (局领导) of the body
  requested_by       text references users(id),            -- null when the system (seed, CLI) wrote it
  requested_by_name  text not null,
  import_batch       text,                                 -- the .xlsx import it came with
  created_at         timestamptz not null default now()
);
create index power_changes_item on power_changes (item_id, effective_on);
create constraint trigger power_changes_recorded after insert or update on power_changes
  deferrable initially deferred for each row execute function require_ledger_entry('powerItem', 'item_id');

-- what an item says from valid_from (inclusive) to valid_to (exclusive; null = open-ended).
-- A removal is a version too (removed = true, content kept as it was), so the history is uniform.
-- Only valid_to of the superseded version is ever set, in the transaction of the change.
create table power_item_versions (
  id                text primary key,
  item_id           text not null references power_items(id),
  version_no        int not null,
  change_id         text not null references power_changes(id),
  valid_from        date not null,
  valid_to          date,
  removed           boolean not null default false,
  name              text not null,
  category          text not null check (category in ('licensing', 'penalty', 'coercion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other')),
  unit_id           text not null references orgs(id),     -- 承办机构
  basis             text not null,                         -- JSON array of law_articles.id (设定依据)
  responsibilities  text not null,                         -- JSON array of text (责任事项)
  accountability    text not null,                         -- JSON array of text (追责情形)
  steps             text not null,                         -- JSON array of {name, timeLimit} (办理流程)
  materials         text not null,                         -- JSON array of text (申请材料)
  time_limit        text,                                  -- 办理时限
  fee               text,                                  -- 收费标准
  office            text,                                  -- 办理地点
  phone             text,                                  -- 咨询电话
  remarks           text,                                  -- 备注 (internal, not published)
  unique (item_id, version_no),
  check (valid_to is null or valid_to > valid_from)
);
create index power_item_versions_asof on power_item_versions (item_id, valid_from, valid_to);
create index power_item_versions_category on power_item_versions (category);
create constraint trigger power_item_versions_recorded after insert or update on power_item_versions
  deferrable initially deferred for each row execute function require_ledger_entry('powerItem', 'item_id');
