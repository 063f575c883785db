-- Foundation: orgs, users, officers and certificates, sessions, the enforcement record.

-- ─── The enforcement record (执法全过程记录) ────────────────────────────────
-- Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE on every ledger table.
create table ledger_entries (
  seq           bigint primary key,            -- leaf index in the Merkle tree, 0-based, gapless
  recorded_at   timestamptz not null,
  actor_id      text,                          -- user id; null for the system
  actor_name    text,
  org_id        text,                          -- org the act belongs to (visibility)
  matter_type   text not null,
  matter_id     text not null,
  event_type    text not null,
  payload       text not null,                 -- canonical JSON, exactly the bytes that were hashed
  payload_hash  char(64) not null,
  leaf_hash     char(64) not null,
  hash_alg      text not null,
  tx_id         text not null default pg_current_xact_id()::text
);
create index ledger_entries_matter on ledger_entries (matter_type, matter_id, seq);
create index ledger_entries_org on ledger_entries (org_id, seq);
create index ledger_entries_tx on ledger_entries (tx_id);

-- perfect subtrees of the Merkle tree (level >= 1), written once when completed
create table ledger_nodes (
  level  smallint not null,
  idx    bigint not null,
  hash   char(64) not null,
  primary key (level, idx)
);

-- signed tree heads (RFC 9162 §4.10 style checkpoints)
create table ledger_tree_heads (
  id          bigserial primary key,
  tree_size   bigint not null,
  root_hash   char(64) not null,
  hash_alg    text not null,
  signed_at   timestamptz not null,
  key_id      text not null,
  signature   text not null
);
create index ledger_tree_heads_size on ledger_tree_heads (tree_size);

-- the compact range (frontier) of the tree: a cache derived from the entries, locked per append
create table ledger_head (
  id        int primary key check (id = 1),
  size      bigint not null,
  frontier  text not null,        -- JSON array of hex hashes, largest subtree first
  hash_alg  text not null
);

create function ledger_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'LEDGER_IMMUTABLE: % on % is not allowed; the enforcement record is append-only', tg_op, tg_table_name
    using errcode = 'P0001';
end $$;

create trigger ledger_entries_immutable before update or delete on ledger_entries
  for each row execute function ledger_reject_change();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_reject_change();
create trigger ledger_nodes_immutable before update or delete on ledger_nodes
  for each row execute function ledger_reject_change();
create trigger ledger_nodes_no_truncate before truncate on ledger_nodes
  for each statement execute function ledger_reject_change();
create trigger ledger_tree_heads_immutable before update or delete on ledger_tree_heads
  for each row execute function ledger_reject_change();
create trigger ledger_tree_heads_no_truncate before truncate on ledger_tree_heads
  for each statement execute function ledger_reject_change();

-- "No code path writes around the record": a change to an enforcement table must be
-- accompanied, in the same transaction, by a ledger entry for the same matter.
-- Checked at commit (deferred constraint trigger). Arguments: matter type (or '@column'
-- holding it), id column.
create function require_ledger_entry() returns trigger language plpgsql as $$
declare
  mtype text := case when left(tg_argv[0], 1) = '@' then to_jsonb(new) ->> substr(tg_argv[0], 2) else tg_argv[0] end;
  mid text := to_jsonb(new) ->> tg_argv[1];
begin
  if not exists (
    select 1 from ledger_entries
     where tx_id = pg_current_xact_id()::text and matter_type = mtype and matter_id = mid
  ) then
    raise exception 'LEDGER_ENTRY_MISSING: change to % (% %) without a ledger entry in the same transaction',
      tg_table_name, mtype, mid using errcode = 'P0001';
  end if;
  return null;
end $$;

-- ─── Orgs (行政机关 / 内设机构) ───────────────────────────────────────────
create table orgs (
  id                 text primary key,
  parent_id          text references orgs(id),
  name               text not null,
  short_name         text,
  kind               text not null,         -- bureau | squad | station | legalOffice | department | judicialBureau
  is_enforcement_body boolean not null default false,
  legal_basis        text,                  -- 执法主体资格依据
  uscc               text,
  division_code      text,
  sort_order         int not null default 0,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index orgs_parent on orgs (parent_id);
create unique index orgs_sibling_name on orgs (coalesce(parent_id, ''), name);
create constraint trigger orgs_recorded after insert or update on orgs
  deferrable initially deferred for each row execute function require_ledger_entry('org', 'id');

-- ─── Users and sessions ─────────────────────────────────────────────────
create table users (
  id             text primary key,
  username       text not null unique,
  display_name   text not null,
  org_id         text not null references orgs(id),
  roles          text[] not null,
  password_hash  text not null,
  active         boolean not null default true,
  officer_id     text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create constraint trigger users_recorded after insert or update on users
  deferrable initially deferred for each row execute function require_ledger_entry('user', 'id');

create table sessions (
  id_hash      char(64) primary key,
  user_id      text not null references users(id),
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  ip           text,
  user_agent   text
);
create index sessions_user on sessions (user_id);

-- failed-login counting and lockout, per user name (security state, not enforcement data)
create table login_throttle (
  username      text primary key,
  failures      int not null default 0,
  locked_until  timestamptz,
  last_failure_at timestamptz
);

-- ─── Officers (行政执法人员), certificates (行政执法证), training ────────────
create table officers (
  id            text primary key,
  org_id        text not null references orgs(id),
  name          text not null,
  gender        text,
  employee_no   text,
  position      text,
  legal_exam_passed boolean not null default false,  -- 国家统一法律职业资格考试 (for legal review)
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index officers_org on officers (org_id);
create constraint trigger officers_recorded after insert or update on officers
  deferrable initially deferred for each row execute function require_ledger_entry('officer', 'id');

create table certificates (
  id                 text primary key,
  officer_id         text not null references officers(id),
  number             text not null unique,
  issuing_authority  text not null,
  fields             text[] not null,
  areas              text not null,
  valid_from         date not null,
  valid_to           date not null,
  status             text not null,          -- valid | suspended | revoked (expired is derived from valid_to)
  status_reason      text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  check (valid_to >= valid_from),
  check (status in ('valid', 'suspended', 'revoked'))
);
create index certificates_officer on certificates (officer_id);
create constraint trigger certificates_recorded after insert or update on certificates
  deferrable initially deferred for each row execute function require_ledger_entry('officer', 'officer_id');

create table trainings (
  id           text primary key,
  officer_id   text not null references officers(id),
  kind         text not null,             -- training | exam
  title        text not null,
  held_on      date not null,
  hours        numeric(6,1),
  score        numeric(5,1),
  passed       boolean,
  organizer    text,
  created_at   timestamptz not null default now()
);
create index trainings_officer on trainings (officer_id);
create constraint trigger trainings_recorded after insert or update on trainings
  deferrable initially deferred for each row execute function require_ledger_entry('officer', 'officer_id');

-- ─── Evidence files, stored by content hash ──────────────────────────────
create table evidence_files (
  id            text primary key,
  matter_type   text not null,
  matter_id     text not null,
  org_id        text not null,
  file_name     text not null,
  content_type  text not null,
  size_bytes    bigint not null,
  hash_alg      text not null,
  content_hash  char(64) not null,
  description   text,
  uploaded_by   text not null,
  uploaded_at   timestamptz not null default now()
);
create index evidence_files_matter on evidence_files (matter_type, matter_id);
create constraint trigger evidence_files_recorded after insert or update on evidence_files
  deferrable initially deferred for each row execute function require_ledger_entry('@matter_type', 'matter_id');
