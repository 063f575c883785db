/**
 * The record's sequencer (issue 19): `append` writes an entry without a position and without a lock; the integrator
 * positions committed entries after commit, in batches, within the maximum merge delay. These tests show that no
 * committed entry is skipped, positioned twice or reordered once positioned — with concurrent writers committing and
 * rolling back, an entry committed after a round's snapshot, and several integrators at once (other processes) — that a
 * position is set once and an integrated entry is still immutable, and that the MMD is kept and monitored.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/domain/canonical.ts';
import { openPostgres, type Db, type Queryable } from '../src/platform/db/index.ts';
import { isCanonicalJson } from '../src/platform/record/canonicalCheck.ts';
import { integrate, pendingState } from '../src/platform/record/integrator.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { leafDataOf, verifyRecord } from '../src/platform/record/verify.ts';
import { leafData } from '../src/domain/recordFormat.ts';
import { client, createTestEnv, ledgerSize, login, usingPostgres, type TestEnv } from './helpers.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const verify = (mmdMs?: number) =>
  verifyRecord(env.ctx.db, { publicKeyPem: env.ctx.ledger.signer.publicKeyPem, blobs: env.ctx.blobs, fallbackAlg: 'sm3', mmdMs });
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** One recorded act: an org's note changed (the entry alone; its matter is a test matter without a table). */
const appendNote = (tx: Queryable, note: string) =>
  env.ctx.ledger.append(tx, {
    actor: SYSTEM_ACTOR,
    orgId: null,
    matterType: 'sequencer-test',
    matterId: note,
    eventType: 'org.updated',
    payload: { orgId: 'sequencer-test', changes: { note } },
  });

/** seq, in write order, of the entries of this test's matters whose ids start with `prefix` */
async function positionsOf(prefix: string): Promise<{ matterId: string; seq: number | null }[]> {
  const r = await env.owner.query(
    `select matter_id as "matterId", seq from ledger_entries where matter_type = 'sequencer-test' and matter_id like $1 order by write_id`,
    [`${prefix}%`],
  );
  return r.rows.map((x) => ({ matterId: String(x.matterId), seq: x.seq === null ? null : Number(x.seq) }));
}

/** The whole record's positions are 0..n-1, each once. */
async function expectGapless(): Promise<number> {
  const r = (await env.owner.query('select count(*)::int as n, count(distinct seq)::int as d, min(seq)::int as lo, max(seq)::int as hi from ledger_entries'))
    .rows[0];
  expect(r).toEqual({ n: r.n, d: r.n, lo: 0, hi: Number(r.n) - 1 });
  return Number(r.n);
}

describe('append and integration', () => {
  it('writes an entry without a position; the integrator gives it the next one after commit, within the MMD', async () => {
    await env.ctx.ledger.catchUp(env.ctx.db);
    const before = (await env.ctx.ledger.state(env.ctx.db)).size;
    const t0 = Date.now();
    const appended = await env.ctx.db.transaction((tx) => appendNote(tx, 'mmd-1'));
    expect(appended.seq).toBeNull();
    expect(appended.leafHash).toBeNull();
    // nobody asks for positions: the background integrator alone must position it within the MMD
    let positions = await positionsOf('mmd-1');
    while (positions[0].seq === null && Date.now() - t0 < env.config.recordMmdMs + 500) {
      await sleep(10);
      positions = await positionsOf('mmd-1');
    }
    expect(positions).toEqual([{ matterId: 'mmd-1', seq: before }]);
    expect(Date.now() - t0).toBeLessThanOrEqual(env.config.recordMmdMs);
    expect((await verify(env.config.recordMmdMs)).ok).toBe(true);
  });

  it("`position: 'now'` positions the entry, and every committed one before it, in the act's own transaction", async () => {
    const first = await env.ctx.db.transaction((tx) => appendNote(tx, 'now-1'));
    const entry = await env.ctx.db.transaction(async (tx) => {
      const e = await env.ctx.ledger.append(
        tx,
        { actor: SYSTEM_ACTOR, orgId: null, matterType: 'sequencer-test', matterId: 'now-2', eventType: 'org.updated', payload: { orgId: 'x', changes: {} } },
        { position: 'now' },
      );
      // the position is there inside the transaction
      expect((await tx.query<{ seq: number }>('select seq from ledger_entries where write_id = (select max(write_id) from ledger_entries)')).rows[0].seq).toBe(
        e.seq,
      );
      return e;
    });
    const [a, b] = [...(await positionsOf('now-1')), ...(await positionsOf('now-2'))];
    expect(first.seq).toBeNull();
    expect(a.seq).toBe(entry.seq - 1);
    expect(b.seq).toBe(entry.seq);
    expect((await env.ctx.ledger.entry(env.ctx.db, entry.seq))?.leafHash).toBe(entry.leafHash);
    await expectGapless();
    expect((await verify()).ok).toBe(true);
  });

  it('reports the record size with pending entries, and the MMD monitor on the health route', async () => {
    const h = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.json()).toMatchObject({ ledgerSize: await ledgerSize(env), ledgerPending: { mmdMs: env.config.recordMmdMs, withinMmd: true } });
    // the record list integrates first: an entry just recorded is listed with its position
    const admin = client(env.app, await login(env.app, 'admin'));
    await env.ctx.db.transaction((tx) => appendNote(tx, 'list-1'));
    const list = await admin.get('/api/record/entries?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.size).toBe(await ledgerSize(env));
  });
});

describe('a position is set once; an integrated entry is immutable', () => {
  it('refuses any change of an integrated entry, even of its position', async () => {
    await env.ctx.ledger.catchUp(env.ctx.db);
    for (const sql of [
      'update ledger_entries set seq = seq where seq = 0',
      'update ledger_entries set seq = null, leaf_hash = null where seq = 0',
      `update ledger_entries set leaf_hash = repeat('0', 64) where seq = 0`,
      `update ledger_entries set payload = payload where seq = 0`,
      'delete from ledger_entries where seq = 0',
    ])
      await expect(env.owner.query(sql), sql).rejects.toThrow(/LEDGER_IMMUTABLE/);
  });

  it('lets a pending entry get seq and leaf hash together, once, and nothing else change', async () => {
    const outcome = await env.ctx.db
      .transaction(async (tx) => {
        const e = await appendNote(tx, 'once-1');
        const refused = async (sql: string, params: unknown[]) => {
          await tx.query('savepoint s');
          try {
            await tx.query(sql, params);
            return false;
          } catch (err) {
            await tx.query('rollback to savepoint s');
            // the trigger on PGlite; on PostgreSQL the application role has no UPDATE on these columns at all
            return /LEDGER_IMMUTABLE|permission denied/.test(String(err));
          }
        };
        const leaf = 'a'.repeat(64);
        const results = [
          await refused(`update ledger_entries set payload = '{}' where write_id = $1`, [e.writeId]),
          await refused('update ledger_entries set seq = 999999 where write_id = $1', [e.writeId]), // a position without its leaf (check constraint)
          await refused('delete from ledger_entries where write_id = $1', [e.writeId]),
        ];
        await tx.query('update ledger_entries set seq = 999999, leaf_hash = $2 where write_id = $1', [e.writeId, leaf]);
        results.push(await refused('update ledger_entries set seq = 999998, leaf_hash = $2 where write_id = $1', [e.writeId, leaf]));
        throw Object.assign(new Error('roll back'), { results });
      })
      .catch((e: { results?: boolean[] }) => e.results);
    expect(outcome).toEqual([true, true, true, true]);
  });
});

describe.skipIf(!usingPostgres())('concurrency on PostgreSQL', () => {
  let other: Db;
  beforeAll(async () => {
    // a second pool: another process of the platform
    other = await openPostgres(env.config.databaseUrl!);
  });
  afterAll(() => other.close());

  it('many connections committing and rolling back, with integrators running meanwhile: gapless, each committed entry once, none rolled back', async () => {
    const n = 60;
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let stop = false;
    // rounds from this process and from "another process", all the time
    const rounds = [env.ctx.db, other, other].map(async (db) => {
      while (!stop) {
        await integrate(db, 'sm3', { wait: false });
        await sleep(3);
      }
    });
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const id = `conc-${i}`;
        const db = i % 2 ? env.ctx.db : other;
        try {
          await db.transaction(async (tx) => {
            await appendNote(tx, id);
            await sleep((i * 7) % 23); // commits interleave in another order than the writes
            if (i % 5 === 0) throw new Error('rolled back');
          });
          committed.add(id);
        } catch {
          rolledBack.add(id);
        }
      }),
    );
    stop = true;
    await Promise.all(rounds);
    await env.ctx.ledger.catchUp(env.ctx.db);
    const rows = await positionsOf('conc-');
    expect(new Set(rows.map((r) => r.matterId))).toEqual(committed);
    expect(rows.every((r) => r.seq !== null)).toBe(true);
    expect(rolledBack.size).toBe(n / 5);
    await expectGapless();
    const report = await verify();
    expect(report.firstProblem).toBeNull();
    expect(report.pending.count).toBe(0);
  });

  it('an entry committed after a round read the pending entries is positioned by the next round, after the others', async () => {
    await env.ctx.ledger.catchUp(env.ctx.db);
    let release!: () => void;
    const gate = new Promise<void>((res) => {
      release = res;
    });
    let written!: () => void;
    const wrote = new Promise<void>((res) => {
      written = res;
    });
    // written first (the smaller write id), committed last
    const late = other.transaction(async (tx) => {
      await appendNote(tx, 'late-1');
      written();
      await gate;
    });
    let size: number;
    try {
      await wrote;
      await env.ctx.db.transaction((tx) => appendNote(tx, 'late-2'));
      await integrate(env.ctx.db, 'sm3');
      expect((await positionsOf('late-2'))[0].seq).not.toBeNull();
      expect(await positionsOf('late-1')).toEqual([]); // not committed: invisible to the round (and to everyone), so not skipped
      size = (await env.ctx.ledger.state(env.ctx.db)).size;
    } finally {
      release();
      await late;
    }
    await env.ctx.ledger.catchUp(env.ctx.db);
    expect((await positionsOf('late-1'))[0].seq).toBe(size);
    expect((await positionsOf('late-2'))[0].seq).toBe(size - 1);
    await expectGapless();
    expect((await verify()).ok).toBe(true);
  });

  it('two integrators at once do not assign a position twice', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => env.ctx.db.transaction((tx) => appendNote(tx, `two-${i}`))));
    // each round updates only entries still without a position and checks it updated all it read: a double assignment throws
    await Promise.all([
      integrate(env.ctx.db, 'sm3'),
      integrate(other, 'sm3'),
      integrate(other, 'sm3', { wait: false }),
      integrate(env.ctx.db, 'sm3', { wait: false }),
    ]);
    await env.ctx.ledger.catchUp(env.ctx.db);
    const rows = await positionsOf('two-');
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.seq !== null)).toBe(true);
    await expectGapless();
    expect((await verify()).ok).toBe(true);
  });

  it('monitors the MMD: an entry kept from integration longer is reported, and positioned within the MMD once the way is free', async () => {
    await env.ctx.ledger.catchUp(env.ctx.db);
    const mmd = env.config.recordMmdMs;
    let release!: () => void;
    const gate = new Promise<void>((res) => {
      release = res;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((res) => {
      locked = res;
    });
    // another integrator (or a publication positioning its entry) holds the head for longer than the MMD
    const holder = other.transaction(async (tx) => {
      await tx.query('select 1 from ledger_head where id = 1 for update');
      locked();
      await gate;
    });
    try {
      await isLocked;
      await env.ctx.db.transaction((tx) => appendNote(tx, 'held-1'));
      await sleep(mmd + 200);
      const p = await pendingState(env.ctx.db);
      expect(p.count).toBe(1);
      expect(p.oldestAgeMs).toBeGreaterThan(mmd);
      const health = (await env.app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health.ledgerPending).toMatchObject({ count: 1, withinMmd: false });
      const report = await verify(mmd);
      expect(report.firstProblem?.code).toBe('MERGE_DELAY_EXCEEDED');
      expect(report.pending.count).toBe(1);
    } finally {
      release();
      await holder;
    }
    const t0 = Date.now();
    while ((await pendingState(env.ctx.db)).count > 0 && Date.now() - t0 < 3 * mmd) await sleep(10);
    expect(Date.now() - t0).toBeLessThanOrEqual(mmd);
    expect((await verify(mmd)).ok).toBe(true);
  });
});

describe('canonical payload check without re-serialising', () => {
  const slow = (s: string) => {
    try {
      return canonicalJson(JSON.parse(s)) === s;
    } catch {
      return false;
    }
  };
  it('accepts the canonical form of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => isCanonicalJson(canonicalJson(v))),
      { numRuns: 2000 },
    );
  });
  it('never accepts what is not canonical (other whitespace, order, escapes, numbers, arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 2 }), (v, indent) => {
        const s = JSON.stringify(v, null, indent);
        return isCanonicalJson(s) === slow(s);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => !isCanonicalJson(s) || slow(s)),
      { numRuns: 2000 },
    );
    for (const s of [
      '{"b":1,"a":2}',
      '{"a":1,"a":1}',
      '1.0',
      '-0',
      '1e3',
      '"\\/"',
      '"\\u000a"',
      '"\\u0001"',
      ' 1',
      '[1,]',
      '{"a":[1,{"b":"x\\n"}]}',
      '"\u2028"',
    ])
      expect(isCanonicalJson(s), s).toBe(slow(s));
  });
});

describe("verify's leaf bytes", () => {
  it('are the bytes of leafData (docs/record.md) for any entry', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.nat(),
          recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          actorId: fc.option(text),
          actorName: fc.option(text),
          orgId: fc.option(text),
          matterType: text,
          matterId: text,
          eventType: text,
          payload: text,
          payloadHash: fc.stringMatching(/^[0-9a-f]{64}$/),
          leafHash: fc.stringMatching(/^[0-9a-f]{64}$/),
          hashAlg: fc.constantFrom('sm3' as const, 'sha256' as const),
        }),
        (e) => leafDataOf(e) === leafData(e),
      ),
      { numRuns: 2000 },
    );
  });
});
