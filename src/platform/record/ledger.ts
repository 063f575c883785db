/**
 * The enforcement record (执法全过程记录): one append-only ledger, a Merkle tree per RFC 9162.
 * Every state-changing command calls `append` inside its own transaction. `append` takes no lock: the entry is written
 * without a position, and the integrator (integrator.ts) gives committed entries their positions and extends the tree
 * after commit, within the maximum merge delay. Reads of positions (`entry`, `entries`, proofs, `state`) see the
 * integrated prefix; `catchUp` integrates first when something is pending.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import { treeHeadMessage } from '../../domain/recordFormat.ts';
import { consistencyProof, frontierRoot, hashBytes, inclusionProof, subtreeHash, type HashAlg, type Hex, type TreeSource } from '../../domain/merkle.ts';
import type { Db, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { recordEvents, type RecordEventType, type RecordPayload } from './events.ts';
import { integrate, integrateIn, Integrator, pendingState, type IntegratorOptions, type PendingState } from './integrator.ts';
import type { Signer } from './signer.ts';

export interface Actor {
  id: string | null;
  name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统' };

export interface AppendInput<E extends RecordEventType> {
  actor: Actor;
  orgId: string | null;
  matterType: string;
  matterId: string;
  eventType: E;
  payload: RecordPayload<E>;
}

export interface LedgerEntry {
  seq: number;
  recordedAt: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  matterType: string;
  matterId: string;
  eventType: string;
  payload: string;
  payloadHash: Hex;
  leafHash: Hex;
  hashAlg: HashAlg;
}

/** What `append` returns: the entry as written; `seq` and `leafHash` are null until the integrator has positioned it. */
export type AppendedEntry = Omit<LedgerEntry, 'seq' | 'leafHash'> & { writeId: number; seq: number | null; leafHash: Hex | null };

export interface TreeHead {
  id: number;
  treeSize: number;
  rootHash: Hex;
  hashAlg: HashAlg;
  signedAt: string;
  keyId: string;
  signature: string;
}

export { leafData, TREE_HEAD_ORIGIN, treeHeadMessage } from '../../domain/recordFormat.ts';

const entryColumns = `seq, recorded_at as "recordedAt", actor_id as "actorId", actor_name as "actorName", org_id as "orgId",
  matter_type as "matterType", matter_id as "matterId", event_type as "eventType", payload, payload_hash as "payloadHash",
  leaf_hash as "leafHash", hash_alg as "hashAlg"`;
/** the numbering lock of `lock` (an advisory lock key: "fazhi" numbering) */
const NUMBERING_LOCK = 0x66617a6869;

export function rowToEntry(r: Record<string, unknown>): LedgerEntry {
  return { ...(r as unknown as LedgerEntry), recordedAt: new Date(r.recordedAt as string).toISOString() };
}

const headColumns = `id, tree_size as "treeSize", root_hash as "rootHash", hash_alg as "hashAlg", signed_at as "signedAt", key_id as "keyId", signature`;
const rowToHead = (r: Record<string, unknown>): TreeHead => ({ ...(r as unknown as TreeHead), signedAt: new Date(r.signedAt as string).toISOString() });

export class Ledger {
  constructor(
    readonly hashAlg: HashAlg,
    readonly signer: Signer,
  ) {}

  private integrator: Integrator | null = null;

  /** Starts the integrator for `db` (one per process and database: open.ts `openContext`). */
  attach(db: Db, opts: IntegratorOptions): Integrator {
    this.integrator = new Integrator(db, this.hashAlg, opts);
    return this.integrator;
  }

  /**
   * Appends one entry in the caller's transaction, without a position and without any lock: recording transactions do
   * not wait for each other. The integrator positions it after commit. `position: 'now'` positions it (and every entry
   * committed before it) in this transaction, under the head lock, for the rare act that must cite its own position —
   * a publication's version stores the public entry's number; such transactions wait for each other and the integrator.
   */
  async append<E extends RecordEventType>(tx: Queryable, input: AppendInput<E>): Promise<AppendedEntry>;
  async append<E extends RecordEventType>(tx: Queryable, input: AppendInput<E>, opts: { position: 'now' }): Promise<LedgerEntry>;
  async append<E extends RecordEventType>(tx: Queryable, input: AppendInput<E>, opts?: { position: 'now' }): Promise<AppendedEntry | LedgerEntry> {
    const schema = recordEvents[input.eventType];
    if (!schema) throw new Error(`unknown record event type ${String(input.eventType)}`);
    const parsed = schema.safeParse(input.payload);
    if (!parsed.success) throw new Error(`record payload for ${input.eventType} does not match its schema: ${parsed.error.message}`);
    const payload = canonicalJson(parsed.data);
    const base = {
      recordedAt: new Date().toISOString(),
      actorId: input.actor.id,
      actorName: input.actor.name,
      orgId: input.orgId,
      matterType: input.matterType,
      matterId: input.matterId,
      eventType: input.eventType,
      payloadHash: hashBytes(this.hashAlg, payload).toString('hex'),
      hashAlg: this.hashAlg,
    };
    const ins = await tx.query<{ write_id: number }>(
      `insert into ledger_entries (recorded_at, actor_id, actor_name, org_id, matter_type, matter_id, event_type, payload, payload_hash, hash_alg)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) returning write_id`,
      [base.recordedAt, base.actorId, base.actorName, base.orgId, base.matterType, base.matterId, base.eventType, payload, base.payloadHash, base.hashAlg],
    );
    const writeId = Number(ins.rows[0].write_id);
    this.integrator?.appendedIn(tx);
    if (!opts) return { ...base, payload, writeId, seq: null, leafHash: null };
    for (;;) {
      await integrateIn(tx, this.hashAlg, { wait: true });
      const r = await tx.query<{ seq: number | null; leaf_hash: Hex | null }>('select seq, leaf_hash from ledger_entries where write_id = $1', [writeId]);
      const { seq, leaf_hash } = r.rows[0];
      if (seq !== null && leaf_hash !== null) return { ...base, payload, seq: Number(seq), leafHash: leaf_hash };
    }
  }

  /**
   * Takes the numbering lock now; it is held until the transaction ends. A command that takes numbers from counter
   * rows (the instrument numbers) takes this lock first, so numbering transactions lock their counters one at a time
   * and none can deadlock another. Recording transactions that number nothing do not take it.
   */
  async lock(tx: Queryable): Promise<void> {
    await tx.query('select pg_advisory_xact_lock($1)', [NUMBERING_LOCK]);
  }

  /** Integrates every committed entry that has no position yet (waits for a running round); cheap when none is pending. */
  async catchUp(db: Db): Promise<void> {
    if (this.integrator) await this.integrator.catchUp(db);
    else if ((await db.query('select 1 from ledger_entries where seq is null limit 1')).rows.length > 0) await integrate(db, this.hashAlg);
  }

  /** Entries committed but not yet integrated, and the age of the oldest (the maximum merge delay monitor). */
  async pending(q: Queryable): Promise<PendingState> {
    return pendingState(q);
  }

  async state(q: Queryable): Promise<{ size: number; rootHash: Hex; hashAlg: HashAlg }> {
    const r = await q.query<{ size: number; frontier: string; hash_alg: HashAlg }>('select size, frontier, hash_alg from ledger_head where id = 1');
    if (r.rows.length === 0) return { size: 0, rootHash: frontierRoot(this.hashAlg, []), hashAlg: this.hashAlg };
    const alg = r.rows[0].hash_alg;
    return { size: Number(r.rows[0].size), rootHash: frontierRoot(alg, JSON.parse(r.rows[0].frontier)), hashAlg: alg };
  }

  /** Integrates what is pending, then signs the tree head; unless `force`, only when the record grew since the last one. */
  async signTreeHead(db: Db, force = false): Promise<TreeHead | null> {
    await this.catchUp(db);
    return db.transaction(async (tx) => {
      // lock the head so the signed root matches a committed size exactly
      const r = await tx.query<{ size: number; frontier: string; hash_alg: HashAlg }>(
        'select size, frontier, hash_alg from ledger_head where id = 1 for update',
      );
      if (r.rows.length === 0) return null;
      const size = Number(r.rows[0].size);
      const latest = await this.latestTreeHead(tx);
      if (!force && latest && latest.treeSize === size) return null;
      if (size === 0) return null;
      const head = {
        treeSize: size,
        rootHash: frontierRoot(r.rows[0].hash_alg, JSON.parse(r.rows[0].frontier)),
        hashAlg: r.rows[0].hash_alg,
        signedAt: new Date().toISOString(),
        keyId: this.signer.keyId,
      };
      const signature = this.signer.sign(treeHeadMessage(head));
      const ins = await tx.query<{ id: number }>(
        'insert into ledger_tree_heads (tree_size, root_hash, hash_alg, signed_at, key_id, signature) values ($1,$2,$3,$4,$5,$6) returning id',
        [head.treeSize, head.rootHash, head.hashAlg, head.signedAt, head.keyId, signature],
      );
      return { id: Number(ins.rows[0].id), ...head, signature };
    });
  }

  async latestTreeHead(q: Queryable): Promise<TreeHead | null> {
    const r = await q.query(`select ${headColumns} from ledger_tree_heads order by id desc limit 1`);
    return r.rows[0] ? rowToHead(r.rows[0]) : null;
  }

  async treeHeads(q: Queryable, limit = 100, offset = 0): Promise<TreeHead[]> {
    const r = await q.query(`select ${headColumns} from ledger_tree_heads order by id desc limit $1 offset $2`, [limit, offset]);
    return r.rows.map(rowToHead);
  }

  async treeHeadBySize(q: Queryable, size: number): Promise<TreeHead | null> {
    const r = await q.query(`select ${headColumns} from ledger_tree_heads where tree_size = $1 order by id desc limit 1`, [size]);
    return r.rows[0] ? rowToHead(r.rows[0]) : null;
  }

  /** The smallest signed tree head that includes entry `seq`; signs a new one when none does yet. */
  async treeHeadCovering(db: Db, seq: number): Promise<TreeHead> {
    const r = await db.query(`select ${headColumns} from ledger_tree_heads where tree_size > $1 order by id desc limit 1`, [seq]);
    if (r.rows[0]) return rowToHead(r.rows[0]);
    const head = (await this.signTreeHead(db, false)) ?? (await this.latestTreeHead(db));
    if (!head || head.treeSize <= seq) throw new AppError('NOT_FOUND', '记录条目不存在');
    return head;
  }

  async entry(q: Queryable, seq: number): Promise<LedgerEntry | null> {
    const r = await q.query(`select ${entryColumns} from ledger_entries where seq = $1`, [seq]);
    return r.rows[0] ? rowToEntry(r.rows[0]) : null;
  }

  async entriesOfMatter(q: Queryable, matterType: string, matterId: string): Promise<LedgerEntry[]> {
    const r = await q.query(`select ${entryColumns} from ledger_entries where matter_type = $1 and matter_id = $2 and seq is not null order by seq`, [
      matterType,
      matterId,
    ]);
    return r.rows.map(rowToEntry);
  }

  async entries(q: Queryable, opts: { orgIds?: string[]; limit: number; beforeSeq?: number }): Promise<LedgerEntry[]> {
    const params: unknown[] = [opts.limit];
    const where: string[] = ['seq is not null'];
    if (opts.orgIds) {
      params.push(opts.orgIds);
      // platform-wide reference data (calendar, law library) has no org and is visible to all who may list
      where.push(`(org_id = any($${params.length}) or org_id is null)`);
    }
    if (opts.beforeSeq !== undefined) {
      params.push(opts.beforeSeq);
      where.push(`seq < $${params.length}`);
    }
    const r = await q.query(`select ${entryColumns} from ledger_entries where ${where.join(' and ')} order by seq desc limit $1`, params);
    return r.rows.map(rowToEntry);
  }

  source(q: Queryable): TreeSource {
    const cache = new Map<string, Hex>();
    const get = async (key: string, sql: string, params: unknown[]) => {
      const hit = cache.get(key);
      if (hit) return hit;
      const r = await q.query<{ h: string }>(sql, params);
      if (!r.rows[0]) throw new Error(`record tree is missing ${key}`);
      cache.set(key, r.rows[0].h);
      return r.rows[0].h;
    };
    return {
      leaf: (i) => get(`leaf:${i}`, 'select leaf_hash as h from ledger_entries where seq = $1', [i]),
      node: (level, idx) => get(`node:${level}:${idx}`, 'select hash as h from ledger_nodes where level = $1 and idx = $2', [level, idx]),
    };
  }

  async inclusionProof(q: Queryable, seq: number, treeSize: number): Promise<Hex[]> {
    return inclusionProof(this.hashAlg, this.source(q), seq, treeSize);
  }

  async consistencyProof(q: Queryable, from: number, to: number): Promise<Hex[]> {
    return consistencyProof(this.hashAlg, this.source(q), from, to);
  }

  async rootAt(q: Queryable, size: number): Promise<Hex> {
    return subtreeHash(this.hashAlg, this.source(q), 0, size);
  }
}

/** Loads the hash algorithm the record was created with (it never changes afterwards). */
export async function recordHashAlg(q: Queryable, configured: HashAlg): Promise<HashAlg> {
  const r = await q.query<{ hash_alg: HashAlg }>('select hash_alg from ledger_head where id = 1');
  return r.rows[0]?.hash_alg ?? configured;
}
