/**
 * bench/province — record entries in bulk for the province generator. The rows a bulk insert writes
 * (officers, closed cases, publications) still need their entries in the same transaction (the
 * `require_ledger_entry` triggers check it at commit), and the record must still verify afterwards. This does
 * what `Ledger.append` does — payload checked against its schema, canonical JSON, payload hash, one row per
 * entry without a position — for thousands of entries in one `unnest` insert; positions, leaf hashes and tree
 * nodes are the integrator's (`integrator.ts`), either in the same transaction (`positionNow`, as
 * `append(…, { position: 'now' })` does, for rows that must cite an entry's number) or after commit
 * (`integrateAll`). Its only dependency on the ledger's internals is the columns of `ledger_entries`.
 */
import { canonicalJson } from '../../src/domain/canonical.ts';
import { type HashAlg, hashBytes } from '../../src/domain/merkle.ts';
import type { Db, Queryable } from '../../src/platform/db/index.ts';
import { recordEvents } from '../../src/platform/record/events.ts';
import { integrate, integrateIn } from '../../src/platform/record/integrator.ts';
import type { Actor } from '../../src/platform/record/ledger.ts';

export interface BulkEntry {
  actor: Actor;
  orgId: string | null;
  matterType: string;
  matterId: string;
  eventType: string;
  payload: unknown;
}

/**
 * Writes `entries` in order (consecutive write ids) in the caller's transaction. With `positionNow` they are
 * integrated in it too and their positions returned (in the order given); otherwise `seqs` is empty and the
 * entries wait for the integrator.
 */
export async function appendBulk(tx: Queryable, alg: HashAlg, entries: BulkEntry[], opts: { positionNow?: boolean } = {}): Promise<{ seqs: number[] }> {
  if (entries.length === 0) return { seqs: [] };
  const now = new Date().toISOString();
  const cols = {
    actorId: [] as (string | null)[],
    actorName: [] as (string | null)[],
    orgId: [] as (string | null)[],
    matterType: [] as string[],
    matterId: [] as string[],
    eventType: [] as string[],
    payload: [] as string[],
    payloadHash: [] as string[],
  };
  for (const e of entries) {
    const schema = recordEvents[e.eventType as keyof typeof recordEvents];
    if (!schema) throw new Error(`unknown record event type ${e.eventType}`);
    const parsed = schema.safeParse(e.payload);
    if (!parsed.success) throw new Error(`record payload for ${e.eventType} does not match its schema: ${parsed.error.message}`);
    const payload = canonicalJson(parsed.data);
    cols.actorId.push(e.actor.id);
    cols.actorName.push(e.actor.name);
    cols.orgId.push(e.orgId);
    cols.matterType.push(e.matterType);
    cols.matterId.push(e.matterId);
    cols.eventType.push(e.eventType);
    cols.payload.push(payload);
    cols.payloadHash.push(hashBytes(alg, payload).toString('hex'));
  }
  const ins = await tx.query<{ write_id: number }>(
    `insert into ledger_entries (recorded_at, actor_id, actor_name, org_id, matter_type, matter_id, event_type, payload, payload_hash, hash_alg)
     select $1, ai, an, oi, mt, mi, et, p, ph, $10
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) with ordinality
         as t(ai, an, oi, mt, mi, et, p, ph, n)
      order by n
     returning write_id`,
    [now, cols.actorId, cols.actorName, cols.orgId, cols.matterType, cols.matterId, cols.eventType, cols.payload, cols.payloadHash, alg],
  );
  if (!opts.positionNow) return { seqs: [] };
  const ids = ins.rows.map((r) => Number(r.write_id)).sort((a, b) => a - b);
  for (;;) {
    await integrateIn(tx, alg, { wait: true, limit: entries.length + 5000 });
    const r = await tx.query<{ write_id: number; seq: number | null }>(
      'select write_id, seq from ledger_entries where write_id = any($1::bigint[]) order by write_id',
      [ids],
    );
    if (r.rows.every((x) => x.seq !== null)) return { seqs: r.rows.map((x) => Number(x.seq)) };
  }
}

/** Integrates every committed entry now (the integrator's rounds, run to the end). */
export async function integrateAll(db: Db, alg: HashAlg): Promise<void> {
  await integrate(db, alg, { wait: true });
}
