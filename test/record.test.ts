import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafHash, verifyConsistency, verifyInclusion } from '../src/domain/merkle.ts';
import { verifyRecord } from '../src/platform/record/verify.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, usingPostgres, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  env = await createTestEnv();
  admin = client(env.app, await login(env.app, 'admin'));
});
afterAll(() => env.close());

const verify = () => verifyRecord(env.ctx.db, { publicKeyPem: env.ctx.ledger.signer.publicKeyPem, blobs: env.ctx.blobs, fallbackAlg: 'sm3' });

/** Simulates an attacker with owner rights: switches the immutability trigger off for one statement. */
async function tamper(sql: string, params: unknown[] = []) {
  await env.owner.query('alter table ledger_entries disable trigger ledger_entries_immutable');
  try {
    await env.owner.query(sql, params);
  } finally {
    await env.owner.query('alter table ledger_entries enable trigger ledger_entries_immutable');
  }
}

describe('the record is append-only', () => {
  it('is SM3 by default and verifies after the demo seed', async () => {
    expect(env.ctx.ledger.hashAlg).toBe('sm3');
    await env.ctx.ledger.catchUp(env.ctx.db); // the seed's last entries get their positions within the maximum merge delay
    const r = await verify();
    expect(r.firstProblem).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.size).toBe(await ledgerSize(env));
  });

  it('rejects UPDATE, DELETE and TRUNCATE on the ledger tables by trigger', async () => {
    await env.ctx.ledger.signTreeHead(env.ctx.db, true);
    for (const sql of ['update ledger_entries set payload = $1 where seq = 0', 'delete from ledger_entries where seq = 0']) {
      await expect(env.owner.query(sql, sql.includes('$1') ? ['{}'] : [])).rejects.toThrow(/LEDGER_IMMUTABLE/);
    }
    await expect(env.owner.query('truncate ledger_entries')).rejects.toThrow(/LEDGER_IMMUTABLE/);
    await expect(env.owner.query('delete from ledger_nodes')).rejects.toThrow(/LEDGER_IMMUTABLE/);
    await expect(env.owner.query('update ledger_tree_heads set root_hash = root_hash')).rejects.toThrow(/LEDGER_IMMUTABLE/);
  });

  it.runIf(usingPostgres())('on PostgreSQL the application role has no UPDATE or DELETE privilege at all', async () => {
    await expect(env.ctx.db.query('update ledger_entries set payload = payload where seq = 0')).rejects.toThrow(/permission denied/);
    await expect(env.ctx.db.query('delete from ledger_entries where seq = 0')).rejects.toThrow(/permission denied/);
    await expect(env.ctx.db.query('delete from ledger_tree_heads')).rejects.toThrow(/permission denied/);
  });

  it('refuses, at commit, a change to enforcement data without its record entry', async () => {
    const org = await orgIdByName(env, '法制科');
    await expect(env.ctx.db.transaction((tx) => tx.query(`update orgs set name = '绕过记录' where id = $1`, [org]))).rejects.toThrow(/LEDGER_ENTRY_MISSING/);
    expect((await env.ctx.db.query<{ name: string }>('select name from orgs where id = $1', [org])).rows[0].name).toBe('法制科');
  });
});

describe('inclusion and consistency proofs', () => {
  it('proves an entry against a signed tree head; a forged proof fails', async () => {
    const o = await admin.post('/api/officers', { orgId: await orgIdByName(env, '第一市场监管所'), name: '证明测试' });
    const seq = (await admin.get(`/api/record/matters/officer/${o.body.id}`)).body.entries[0].seq;
    const r = await admin.get(`/api/record/entries/${seq}/proof`);
    expect(r.status).toBe(200);
    expect(r.body.verified).toBe(true);
    expect(r.body.signatureValid).toBe(true);
    const { entry, proof, treeHead } = r.body;
    expect(treeHead.treeSize).toBeGreaterThan(seq);
    expect(verifyInclusion('sm3', entry.leafHash, seq, treeHead.treeSize, proof, treeHead.rootHash)).toBe(true);
    const forged = [...proof];
    forged[forged.length - 1] = leafHash('sm3', 'forged');
    expect(verifyInclusion('sm3', entry.leafHash, seq, treeHead.treeSize, forged, treeHead.rootHash)).toBe(false);
    expect(verifyInclusion('sm3', leafHash('sm3', 'another entry'), seq, treeHead.treeSize, proof, treeHead.rootHash)).toBe(false);
  });

  it('checks a downloaded proof offline with the dependency-free verifier, and catches a doctored one', async () => {
    const { checkProofDocument } = await import('../src/domain/recordFormat.ts');
    const { verifySignature } = await import('../src/platform/record/signer.ts');
    const doc = (await admin.get('/api/record/entries/3/proof')).body;
    const c = checkProofDocument(doc);
    expect(c).toMatchObject({ payloadHashOk: true, leafHashOk: true, inclusionOk: true, ok: true });
    expect(verifySignature(doc.publicKeyPem, c.signedMessage, doc.treeHead.signature)).toBe(true);
    const doctored = structuredClone(doc);
    doctored.entry.payload = { ...doctored.entry.payload, name: '伪造的名称' };
    expect(checkProofDocument(doctored)).toMatchObject({ payloadHashOk: false, ok: false });
    const rewritten = structuredClone(doc);
    rewritten.entry.actorName = '他人';
    expect(checkProofDocument(rewritten)).toMatchObject({ leafHashOk: false, ok: false });
    const forgedHead = structuredClone(doc);
    forgedHead.treeHead.signedAt = '2020-01-01T00:00:00.000Z';
    expect(verifySignature(doc.publicKeyPem, checkProofDocument(forgedHead).signedMessage, doc.treeHead.signature)).toBe(false);
  });

  it('shows that the record only grew between two signed tree heads', async () => {
    const platform = client(env.app, await login(env.app, 'pingtai'));
    expect((await admin.post('/api/record/tree-heads')).status).toBe(403); // the record is every district's: no district admin signs its heads
    const first = (await platform.post('/api/record/tree-heads')).body;
    await admin.post('/api/officers', { orgId: await orgIdByName(env, '第一市场监管所'), name: '一致性测试' });
    const second = (await platform.post('/api/record/tree-heads')).body;
    expect(second.treeSize).toBe(first.treeSize + 1);
    const r = await client(env.app, null).get(`/api/record/consistency?from=${first.treeSize}&to=${second.treeSize}`);
    expect(r.status).toBe(200);
    expect(r.body.verified).toBe(true);
    expect(verifyConsistency('sm3', first.treeSize, second.treeSize, first.rootHash, second.rootHash, r.body.proof)).toBe(true);
    const pub = await client(env.app, null).get('/api/public/tree-heads');
    expect(pub.status).toBe(200);
    expect(pub.body.items[0].treeSize).toBe(second.treeSize);
  });
});

describe('evidence files', () => {
  let officerId: string;
  beforeEach(async () => {
    officerId = (await env.ctx.db.query<{ id: string }>('select id from officers order by name limit 1')).rows[0].id;
  });

  it('streams an upload to the blob store by content hash and serves it back verified', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024, 7);
    const up = await admin.post(
      `/api/record/matters/officer/${officerId}/evidence?fileName=${encodeURIComponent('执法记录仪.mp4')}&contentType=video/mp4`,
      content,
      { 'content-type': 'application/octet-stream' },
    );
    expect(up.status).toBe(201);
    expect(up.body.sizeBytes).toBe(content.length);
    const entries = (await admin.get(`/api/record/matters/officer/${officerId}`)).body.entries;
    expect(entries.at(-1).eventType).toBe('evidence.uploaded');
    expect(entries.at(-1).payload.contentHash).toBe(up.body.contentHash);
    const down = await admin.get(`/api/record/evidence/${up.body.id}/content`);
    expect(down.status).toBe(200);
    expect(down.raw.rawPayload.equals(content)).toBe(true);
    expect(down.headers['x-content-hash']).toBe(`sm3:${up.body.contentHash}`);
  });

  it('refuses JSON as evidence and writes nothing', async () => {
    const before = await ledgerSize(env);
    const r = await admin.post(`/api/record/matters/officer/${officerId}/evidence?fileName=a.txt`, { a: 1 });
    expect(r.status).toBe(415);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('detects a changed blob on download and in the full verification', async () => {
    const up = await admin.post(`/api/record/matters/officer/${officerId}/evidence?fileName=photo.jpg`, Buffer.from('original photo bytes'), {
      'content-type': 'application/octet-stream',
    });
    expect((await verify()).ok).toBe(true);
    const h: string = up.body.contentHash;
    const dir = join(env.config.dataDir, 'blobs', h.slice(0, 2), h.slice(2, 4));
    expect(readdirSync(dir)).toContain(h);
    writeFileSync(join(dir, h), 'doctored photo bytes');
    const down = await admin.get(`/api/record/evidence/${up.body.id}/content`);
    expect(down.status).toBe(409);
    expect(down.body.error.code).toBe('EVIDENCE_TAMPERED');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstProblem?.code).toBe('BLOB_MISMATCH');
    writeFileSync(join(dir, h), 'original photo bytes');
    expect((await verify()).ok).toBe(true);
  });
});

describe('tampering is detected and the first bad entry named', () => {
  // each case changes the record and puts it back, so the next starts from a valid record
  /** the n-th entry that registered an officer (its payload has a name to falsify) */
  const officerEntry = async (n: number) =>
    (await env.owner.query(`select seq, payload, payload_hash from ledger_entries where event_type = 'officer.created' order by seq limit 1 offset ${n}`))
      .rows[0] as { seq: number; payload: string; payload_hash: string };

  it('a changed payload', async () => {
    const { seq, payload: orig } = await officerEntry(0);
    await tamper('update ledger_entries set payload = $1 where seq = $2', [orig.replace(/"name":"[^"]*"/, '"name":"篡改后的名称"'), seq]);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstProblem).toMatchObject({ seq: Number(seq), code: 'PAYLOAD_HASH_MISMATCH' });
    await tamper('update ledger_entries set payload = $1 where seq = $2', [orig, seq]);
    expect((await verify()).ok).toBe(true);
  });

  it('a payload and its hash changed together', async () => {
    const row = await officerEntry(1);
    const { hashBytes } = await import('../src/domain/merkle.ts');
    const forged = row.payload.replace(/"name":"[^"]*"/, '"name":"伪造"');
    expect(forged).not.toBe(row.payload);
    await tamper('update ledger_entries set payload = $1, payload_hash = $2 where seq = $3', [forged, hashBytes('sm3', forged).toString('hex'), row.seq]);
    expect((await verify()).firstProblem).toMatchObject({ seq: Number(row.seq), code: 'LEAF_HASH_MISMATCH' });
    await tamper('update ledger_entries set payload = $1, payload_hash = $2 where seq = $3', [row.payload, row.payload_hash, row.seq]);
  });

  it('a changed actor or time (fields outside the payload)', async () => {
    const row = (await env.owner.query('select actor_name from ledger_entries where seq = 9')).rows[0] as { actor_name: string };
    await tamper(`update ledger_entries set actor_name = '他人' where seq = 9`);
    expect((await verify()).firstProblem).toMatchObject({ seq: 9, code: 'LEAF_HASH_MISMATCH' });
    await tamper('update ledger_entries set actor_name = $1 where seq = 9', [row.actor_name]);
  });

  it('a changed order (two entries swapped)', async () => {
    await tamper('update ledger_entries set seq = -1 where seq = 11');
    await tamper('update ledger_entries set seq = 11 where seq = 12');
    await tamper('update ledger_entries set seq = 12 where seq = -1');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstProblem?.seq).toBe(11);
    await tamper('update ledger_entries set seq = -1 where seq = 11');
    await tamper('update ledger_entries set seq = 11 where seq = 12');
    await tamper('update ledger_entries set seq = 12 where seq = -1');
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted entry', async () => {
    const row = (await env.owner.query('select * from ledger_entries where seq = 3')).rows[0] as Record<string, unknown>;
    await tamper('delete from ledger_entries where seq = 3');
    expect((await verify()).firstProblem).toMatchObject({ seq: 3, code: 'SEQUENCE_GAP' });
    const cols = Object.keys(row);
    await tamper(
      `insert into ledger_entries (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
      cols.map((c) => row[c]),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('truncated history (the latest entries removed)', async () => {
    const last = (await ledgerSize(env)) - 1;
    const row = (await env.owner.query('select * from ledger_entries where seq = $1', [last])).rows[0] as Record<string, unknown>;
    await tamper('delete from ledger_entries where seq = $1', [last]);
    const r = await verify();
    expect(r.ok).toBe(false);
    const cols = Object.keys(row);
    await tamper(
      `insert into ledger_entries (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
      cols.map((c) => row[c]),
    );
    expect((await verify()).ok).toBe(true);
  });
});

describe('concurrent commands', () => {
  it('append gapless, each with its own entry, and the record still verifies', async () => {
    const { createOfficer } = await import('../src/modules/officers/commands/create-officer.ts');
    const { principalForSession } = await import('../src/platform/auth/sessions.ts');
    const s = await login(env.app, 'admin');
    const p = (await principalForSession(env.ctx.db, s.cookie.split('=')[1]))!.principal;
    const org = await orgIdByName(env, '第三市场监管所');
    const before = await ledgerSize(env);
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => createOfficer(env.ctx, p, { orgId: org, name: `并发测试${i}` })));
    expect(new Set(ids).size).toBe(24);
    expect(await ledgerSize(env)).toBe(before + 24);
    await env.ctx.ledger.catchUp(env.ctx.db); // positions are given after commit, within the maximum merge delay
    const seqs = (await env.ctx.db.query<{ seq: number }>('select seq from ledger_entries where seq >= $1 order by seq', [before])).rows.map((r) =>
      Number(r.seq),
    );
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => before + i));
    expect((await verify()).ok).toBe(true);
  });
});
