import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The application role on PostgreSQL: may read and insert the record, never update or delete it. */
export const APP_ROLE = 'fazhi_app';
export const LEDGER_TABLES = ['ledger_entries', 'ledger_nodes', 'ledger_tree_heads'];
/** Append-only like the record, though not part of it: the access log of personal-data reads (0013). */
export const APPEND_ONLY_TABLES = [...LEDGER_TABLES, 'access_log'];

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(MIGRATIONS_DIR, f), 'utf8');
      return { version: f.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction. A migration that was
 * applied with different content is an error: migrations are never edited after release.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  const applied = new Map(
    (await db.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations')).rows.map((r) => [r.version, r.checksum]),
  );
  const done: string[] = [];
  for (const m of listMigrations()) {
    const prior = applied.get(m.version);
    if (prior) {
      if (prior !== m.checksum) throw new Error(`migration ${m.version} was changed after it was applied`);
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, checksum) values ($1, $2)', [m.version, m.checksum]);
    });
    done.push(m.version);
  }
  if (db.kind === 'postgres') await grantAppRole(db);
  return done;
}

/**
 * Creates the application role (if missing) and gives it every privilege but changing the record or the access log —
 * except giving an entry its position (`seq`, `leaf_hash`), which the trigger of 0018 allows once, from null.
 */
async function grantAppRole(db: Db): Promise<void> {
  await db.exec(`do $$ begin
    create role ${APP_ROLE} nologin;
  exception when duplicate_object or unique_violation then null; end $$;`);
  await db.exec(`grant usage on schema public to ${APP_ROLE};
    grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};
    grant usage, select on all sequences in schema public to ${APP_ROLE};
    revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from ${APP_ROLE};
    grant update (seq, leaf_hash) on ledger_entries to ${APP_ROLE};
    revoke insert, update, delete, truncate on schema_migrations from ${APP_ROLE};`);
}
