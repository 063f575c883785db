/**
 * The record's integrator (sequencer, as in certificate-transparency logs: Trillian, Tessera). A recording transaction
 * only inserts its entry — content, payload hash, a write id from a sequence — and takes no lock (ledger.ts `append`).
 * Here, after commit, the committed entries that have no position yet are given consecutive positions (`seq`) in write
 * order, their leaf hashes are computed and the Merkle tree (frontier, perfect subtrees, head) is extended, in one
 * transaction per batch, under the head row's lock. So recording transactions never wait for each other, and the tree is
 * still one gapless, append-only sequence: a position once assigned is never changed (the immutability trigger lets an
 * entry's `seq`/`leaf_hash` be set once, from null, and nothing else), and an entry committed after a round's snapshot is
 * simply picked up by the next round.
 *
 * The promise: every committed entry is integrated within the maximum merge delay (MMD, `RECORD_MMD_MS`, 1 s by default).
 * Rounds are triggered after the commit of a recording transaction (coalesced: one round per `RECORD_INTEGRATE_DELAY_MS`),
 * by a timer, and by readers that need positions (`flush`); `pendingState` is the monitor (the health route and
 * `fazhi ledger verify` report it). docs/record.md「写入与排序」explains the choice.
 */
import { appendLeaf, leafHash, type FrontierNode, type HashAlg } from '../../domain/merkle.ts';
import { leafData } from '../../domain/recordFormat.ts';
import type { Db, Queryable } from '../db/index.ts';

/** Entries positioned per round at most (a round is one transaction). */
const ROUND_LIMIT = 5000;

export interface RoundResult {
  /** entries given a position in this round */
  integrated: number;
  /** the tree's size after the round */
  size: number;
}

export interface PendingState {
  /** entries integrated (the tree's size) */
  integrated: number;
  /** committed entries without a position */
  count: number;
  /** age of the oldest of them (ms), null when none */
  oldestAgeMs: number | null;
}

/** The integrated size, the committed entries not yet integrated and how long the oldest has waited (the MMD monitor): one snapshot. */
export async function pendingState(q: Queryable): Promise<PendingState> {
  const r = (
    await q.query<{ size: number | null; n: number; oldest: string | Date | null }>(
      `select (select size from ledger_head where id = 1) as size, count(*)::bigint as n, min(recorded_at) as oldest
         from ledger_entries where seq is null`,
    )
  ).rows[0];
  const n = Number(r.n);
  const integrated = Number(r.size ?? 0);
  if (n === 0 || r.oldest === null) return { integrated, count: n, oldestAgeMs: null };
  // recorded_at is this process's clock at append (the same clock as here in one process): ages never below 0
  return { integrated, count: n, oldestAgeMs: Math.max(0, Date.now() - new Date(r.oldest).getTime()) };
}

/**
 * One integration round in the transaction `tx`: takes the head row's lock (waits for it when `wait`, else returns null
 * when another integrator holds it), positions the committed entries without a position in write order, extends the tree,
 * updates the head. Used by the background rounds and, for an act that must cite its own position, in that act's own
 * transaction (`append(…, { position: 'now' })`).
 */
export async function integrateIn(tx: Queryable, configuredAlg: HashAlg, opts: { wait: boolean; limit?: number }): Promise<RoundResult | null> {
  const lockSql = `select size, frontier, hash_alg from ledger_head where id = 1 for update${opts.wait ? '' : ' skip locked'}`;
  let r = await tx.query<{ size: number; frontier: string; hash_alg: HashAlg }>(lockSql);
  if (r.rows.length === 0) {
    const exists = (await tx.query('select 1 from ledger_head where id = 1')).rows.length > 0;
    if (exists) return null; // skip locked: another integrator is at work
    await tx.query(`insert into ledger_head (id, size, frontier, hash_alg) values (1, 0, '[]', $1) on conflict (id) do nothing`, [configuredAlg]);
    r = await tx.query(lockSql);
    if (r.rows.length === 0) return null;
  }
  const alg = r.rows[0].hash_alg;
  let size = Number(r.rows[0].size);
  let frontier: FrontierNode[] = JSON.parse(r.rows[0].frontier);
  // a new statement, so a new snapshot (READ COMMITTED): every entry committed before it, in write order
  const pending = (
    await tx.query<{
      write_id: number;
      recorded_at: string | Date;
      actor_id: string | null;
      actor_name: string | null;
      org_id: string | null;
      matter_type: string;
      matter_id: string;
      event_type: string;
      payload_hash: string;
      hash_alg: HashAlg;
    }>(
      `select write_id, recorded_at, actor_id, actor_name, org_id, matter_type, matter_id, event_type, payload_hash, hash_alg
         from ledger_entries where seq is null order by write_id limit $1`,
      [opts.limit ?? ROUND_LIMIT],
    )
  ).rows;
  if (pending.length === 0) return { integrated: 0, size };
  const ids: number[] = [];
  const seqs: number[] = [];
  const leaves: string[] = [];
  const nodes: { level: number; idx: number; hash: string }[] = [];
  for (const e of pending) {
    if (e.hash_alg !== alg) throw new Error(`record entry (write ${e.write_id}) uses ${e.hash_alg}, the record ${alg}`);
    const leaf = leafHash(
      alg,
      leafData({
        seq: size,
        recordedAt: new Date(e.recorded_at).toISOString(),
        actorId: e.actor_id,
        actorName: e.actor_name,
        orgId: e.org_id,
        matterType: e.matter_type,
        matterId: e.matter_id,
        eventType: e.event_type,
        payloadHash: e.payload_hash,
        hashAlg: alg,
      }),
    );
    const step = appendLeaf(alg, frontier, size, leaf);
    frontier = step.frontier;
    nodes.push(...step.completed);
    ids.push(Number(e.write_id));
    seqs.push(size);
    leaves.push(leaf);
    size++;
  }
  const updated = await tx.query(
    `update ledger_entries e set seq = v.seq, leaf_hash = v.leaf
       from unnest($1::bigint[], $2::bigint[], $3::text[]) as v(write_id, seq, leaf)
      where e.write_id = v.write_id and e.seq is null`,
    [ids, seqs, leaves],
  );
  if (updated.rowCount !== ids.length) throw new Error(`record integration positioned ${updated.rowCount} of ${ids.length} entries`);
  if (nodes.length > 0) {
    await tx.query('insert into ledger_nodes (level, idx, hash) select * from unnest($1::smallint[], $2::bigint[], $3::text[])', [
      nodes.map((n) => n.level),
      nodes.map((n) => n.idx),
      nodes.map((n) => n.hash),
    ]);
  }
  await tx.query('update ledger_head set size = $1, frontier = $2 where id = 1', [size, JSON.stringify(frontier)]);
  return { integrated: ids.length, size };
}

/**
 * Integrates everything committed so far, in rounds of one transaction each. `wait`: wait for another integrator's round
 * rather than return (null when it did not wait and found the lock taken).
 */
export async function integrate(db: Db, configuredAlg: HashAlg, opts: { wait?: boolean } = {}): Promise<RoundResult | null> {
  let done = null as RoundResult | null;
  for (;;) {
    const r = await db.transaction((tx) => integrateIn(tx, configuredAlg, { wait: opts.wait ?? true }));
    if (!r) return done;
    done = { integrated: (done?.integrated ?? 0) + r.integrated, size: r.size };
    if (r.integrated < ROUND_LIMIT) return done;
  }
}

export interface IntegratorOptions {
  /** a round starts this long after the first commit that needs one (commits meanwhile share it) */
  delayMs: number;
  /** the maximum merge delay promised; the safety-net timer runs every MMD/4 */
  mmdMs: number;
  /** called with a round's error (the next round retries) */
  onError?: (e: unknown) => void;
}

/**
 * The in-process scheduler of rounds for one database: a round after each recording commit (coalesced), a periodic
 * round for entries other processes committed or a round missed, `flush` for readers that need positions now.
 */
export class Integrator {
  private timer: NodeJS.Timeout | null = null;
  private readonly ticker: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly recording = new WeakSet<Queryable>();

  constructor(
    private readonly db: Db,
    private readonly configuredAlg: HashAlg,
    private readonly opts: IntegratorOptions,
  ) {
    db.hooks.afterCommit.push((tx) => {
      if (this.recording.has(tx)) this.schedule(opts.delayMs);
    });
    db.hooks.beforeClose.push(() => this.stop());
    this.ticker = setInterval(() => void this.tick(), Math.max(10, Math.floor(opts.mmdMs / 4)));
    this.ticker.unref();
  }

  /** The safety net: entries committed by other processes, or a round that failed. */
  private async tick(): Promise<void> {
    if (this.stopped || this.timer) return;
    try {
      const r = await this.db.query('select 1 from ledger_entries where seq is null limit 1');
      if (r.rows.length > 0) this.schedule(0);
    } catch (e) {
      if (!this.stopped) this.opts.onError?.(e);
    }
  }

  /** `append` tells which transactions recorded something: their commit triggers a round. */
  appendedIn(tx: Queryable): void {
    this.recording.add(tx);
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round(false);
    }, delayMs);
    this.timer.unref();
  }

  /** One round after any running one; a round that found the lock taken tries again after the delay. */
  private round(wait: boolean): Promise<RoundResult | null> {
    const next = this.running.then(async () => {
      if (this.stopped) return null;
      try {
        const r = await integrate(this.db, this.configuredAlg, { wait });
        if (!r && !wait) this.schedule(this.opts.delayMs);
        return r;
      } catch (e) {
        if (this.stopped) return null;
        this.opts.onError?.(e);
        this.schedule(this.opts.delayMs);
        if (wait) throw e;
        return null;
      }
    });
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Integrates everything committed before this call (waits for a running round and for other processes' integrators). */
  async flush(): Promise<void> {
    await this.round(true);
  }

  /** Cheap when nothing is pending: integrates first only when an entry has no position yet. */
  async catchUp(q: Queryable): Promise<void> {
    const r = await q.query('select 1 from ledger_entries where seq is null limit 1');
    if (r.rows.length > 0) await this.flush();
  }

  /** Stops the timers, waits for a running round and integrates what is left (before the database closes). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.ticker);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    try {
      await integrate(this.db, this.configuredAlg, { wait: true });
    } catch (e) {
      this.opts.onError?.(e);
    }
  }
}
