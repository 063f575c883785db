/**
 * The enforcement record (执法全过程记录): one append-only ledger, a Merkle tree per RFC 9162.
 * Every state-changing command calls `append` inside its own transaction.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import { leafData, treeHeadMessage } from '../../domain/recordFormat.ts';
import {
  appendLeaf,
  consistencyProof,
  frontierRoot,
  hashBytes,
  inclusionProof,
  leafHash,
  subtreeHash,
  type FrontierNode,
  type HashAlg,
  type Hex,
  type TreeSource,
} from '../../domain/merkle.ts';
import type { Db, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { recordEvents, type RecordEventType, type RecordPayload } from './events.ts';
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

  /**
   * Appends one entry in the caller's transaction. Serialised by the row lock on ledger_head,
   * so sequence numbers are gapless and the tree is extended in O(log n).
   */
  async append<E extends RecordEventType>(tx: Queryable, input: AppendInput<E>): Promise<LedgerEntry> {
    const schema = recordEvents[input.eventType];
    if (!schema) throw new Error(`unknown record event type ${String(input.eventType)}`);
    const parsed = schema.safeParse(input.payload);
    if (!parsed.success) throw new Error(`record payload for ${input.eventType} does not match its schema: ${parsed.error.message}`);
    const head = await this.lockHead(tx);
    const payload = canonicalJson(parsed.data);
    const base = {
      seq: head.size,
      recordedAt: new Date().toISOString(),
      actorId: input.actor.id,
      actorName: input.actor.name,
      orgId: input.orgId,
      matterType: input.matterType,
      matterId: input.matterId,
      eventType: input.eventType,
      payloadHash: hashBytes(head.hashAlg, payload).toString('hex'),
      hashAlg: head.hashAlg,
    };
    const leaf = leafHash(head.hashAlg, leafData(base));
    const { frontier, completed } = appendLeaf(head.hashAlg, head.frontier, head.size, leaf);
    await tx.query(
      `insert into ledger_entries (seq, recorded_at, actor_id, actor_name, org_id, matter_type, matter_id, event_type, payload, payload_hash, leaf_hash, hash_alg)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        base.seq,
        base.recordedAt,
        base.actorId,
        base.actorName,
        base.orgId,
        base.matterType,
        base.matterId,
        base.eventType,
        payload,
        base.payloadHash,
        leaf,
        base.hashAlg,
      ],
    );
    if (completed.length > 0) {
      const values = completed.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(',');
      await tx.query(
        `insert into ledger_nodes (level, idx, hash) values ${values}`,
        completed.flatMap((c) => [c.level, c.idx, c.hash]),
      );
    }
    await tx.query('update ledger_head set size = $1, frontier = $2 where id = 1', [head.size + 1, JSON.stringify(frontier)]);
    return { ...base, payload, leafHash: leaf };
  }

  /**
   * Takes the record's append lock now; it is held until the transaction ends. A command that must
   * lock other rows before it appends (the instrument number counters) takes this lock first, so every
   * recording transaction locks in the same order and none can deadlock another.
   */
  async lock(tx: Queryable): Promise<void> {
    await this.lockHead(tx);
  }

  private async lockHead(tx: Queryable): Promise<{ size: number; frontier: FrontierNode[]; hashAlg: HashAlg }> {
    let r = await tx.query<{ size: number; frontier: string; hash_alg: HashAlg }>('select size, frontier, hash_alg from ledger_head where id = 1 for update');
    if (r.rows.length === 0) {
      await tx.query(`insert into ledger_head (id, size, frontier, hash_alg) values (1, 0, '[]', $1) on conflict (id) do nothing`, [this.hashAlg]);
      r = await tx.query('select size, frontier, hash_alg from ledger_head where id = 1 for update');
    }
    const row = r.rows[0];
    return { size: Number(row.size), frontier: JSON.parse(row.frontier), hashAlg: row.hash_alg };
  }

  async state(q: Queryable): Promise<{ size: number; rootHash: Hex; hashAlg: HashAlg }> {
    const r = await q.query<{ size: number; frontier: string; hash_alg: HashAlg }>('select size, frontier, hash_alg from ledger_head where id = 1');
    if (r.rows.length === 0) return { size: 0, rootHash: frontierRoot(this.hashAlg, []), hashAlg: this.hashAlg };
    const alg = r.rows[0].hash_alg;
    return { size: Number(r.rows[0].size), rootHash: frontierRoot(alg, JSON.parse(r.rows[0].frontier)), hashAlg: alg };
  }

  /** Signs the current tree head; unless `force`, only when the record grew since the last one. */
  async signTreeHead(db: Db, force = false): Promise<TreeHead | null> {
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
    const r = await q.query(`select ${entryColumns} from ledger_entries where matter_type = $1 and matter_id = $2 order by seq`, [matterType, matterId]);
    return r.rows.map(rowToEntry);
  }

  async entries(q: Queryable, opts: { orgIds?: string[]; limit: number; beforeSeq?: number }): Promise<LedgerEntry[]> {
    const params: unknown[] = [opts.limit];
    const where: string[] = [];
    if (opts.orgIds) {
      params.push(opts.orgIds);
      // platform-wide reference data (calendar, law library) has no org and is visible to all who may list
      where.push(`(org_id = any($${params.length}) or org_id is null)`);
    }
    if (opts.beforeSeq !== undefined) {
      params.push(opts.beforeSeq);
      where.push(`seq < $${params.length}`);
    }
    const r = await q.query(
      `select ${entryColumns} from ledger_entries ${where.length ? 'where ' + where.join(' and ') : ''} order by seq desc limit $1`,
      params,
    );
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
