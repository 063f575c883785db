/**
 * Recomputes the whole record from its entries: payload hashes, leaf hashes, sequence,
 * stored tree nodes, the frontier, every signed tree head, and every evidence and instrument blob.
 * Reports the first entry that does not match. Entries not yet integrated (no position: integrator.ts) have their
 * contents and blobs checked and are reported with the age of the oldest, which must stay within the maximum merge delay.
 *
 * Fast by construction (bench/ledger.ts: against raw SM3 of the same bytes): big batches fetched ahead while the
 * previous one is checked; the time as ISO text from the database; a payload's canonical form checked in one pass
 * (canonicalCheck.ts) and parsed only when that pass cannot show it; the stored tree nodes fetched by index ranges;
 * blob files hashed concurrently.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import { appendLeaf, frontierRoot, hashBytes, leafHash, type FrontierNode, type HashAlg } from '../../domain/merkle.ts';
import type { Db, Queryable } from '../db/index.ts';
import type { BlobStore } from './blobs.ts';
import { isCanonicalJson } from './canonicalCheck.ts';
import { type LedgerEntry, treeHeadMessage } from './ledger.ts';
import { verifySignature } from './signer.ts';

export interface VerifyProblem {
  seq: number | null;
  code: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** entries integrated and verified (the tree's size) */
  size: number;
  rootHash: string | null;
  treeHeadsChecked: number;
  blobsChecked: number;
  /** entries committed but not yet integrated (contents and blobs checked), and the oldest one's age */
  pending: { count: number; oldestAgeMs: number | null };
  firstProblem: VerifyProblem | null;
  elapsedMs: number;
}

const BATCH = 2500;
const BLOB_CONCURRENCY = 8;

/** An entry as read here: the time as ISO text from the database (COLUMNS). */
export type Row = LedgerEntry;

// the time exactly as `append` wrote it (toISOString: milliseconds, UTC), formatted by the database
const COLUMNS = `seq, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt", actor_id as "actorId",
  actor_name as "actorName", org_id as "orgId", matter_type as "matterType", matter_id as "matterId", event_type as "eventType", payload,
  payload_hash as "payloadHash", leaf_hash as "leafHash", hash_alg as "hashAlg"`;

/**
 * `leafData` (domain/recordFormat.ts) written out for the fixed fields of an entry: the same bytes (the keys in code-unit
 * order, strings as JSON.stringify writes them; test/record-sequencer.test.ts compares the two), without sorting keys per entry.
 */
export function leafDataOf(e: Row): string {
  const s = JSON.stringify;
  return `{"actorId":${s(e.actorId)},"actorName":${s(e.actorName)},"eventType":${s(e.eventType)},"hashAlg":${s(e.hashAlg)},"matterId":${s(e.matterId)},"matterType":${s(e.matterType)},"orgId":${s(e.orgId)},"payloadHash":${s(e.payloadHash)},"recordedAt":${s(e.recordedAt)},"seq":${s(e.seq)},"v":1}`;
}

type BlobCheck = { seq: number; hash: string; message: string };

/** The blobs an entry registers (evidence files, instrument files). */
function blobsOf(e: Row, label: string): BlobCheck[] {
  if (e.eventType === 'evidence.uploaded') {
    const p = JSON.parse(e.payload) as { contentHash: string; evidenceId: string };
    return [{ seq: e.seq, hash: p.contentHash, message: `${label}登记的证据文件缺失或已被改动（${p.evidenceId}）` }];
  }
  if (e.eventType === 'instrument.issued') {
    const p = JSON.parse(e.payload) as { docxHash: string; pdfHash: string; number: string };
    return [p.docxHash, p.pdfHash].map((hash) => ({ seq: e.seq, hash, message: `${label}登记的文书文件缺失或已被改动（${p.number}）` }));
  }
  return [];
}

/** Hashes the blobs a few at a time; the first (in record order) that fails, or null. */
async function checkBlobs(store: BlobStore, checks: BlobCheck[]): Promise<BlobCheck | null> {
  const bad = new Array<boolean>(checks.length).fill(false);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(BLOB_CONCURRENCY, checks.length) }, async () => {
      while (next < checks.length) {
        const k = next++;
        bad[k] = !(await store.verify(checks[k].hash));
      }
    }),
  );
  const k = bad.indexOf(true);
  return k < 0 ? null : checks[k];
}

type VerifyOptions = { publicKeyPem: string; blobs?: BlobStore; fallbackAlg: HashAlg /** fail when an entry waited longer for its position */; mmdMs?: number };

/**
 * Verifies the record as of one snapshot: a read-only REPEATABLE READ transaction, so the integrator positioning
 * entries and a signer adding a tree head meanwhile (integrator.ts) change nothing this run reads — the head row,
 * the entries, the stored nodes and the signed heads all belong to the same moment.
 */
export async function verifyRecord(db: Db, opts: VerifyOptions): Promise<VerifyReport> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return verifyIn(tx, opts);
  });
}

async function verifyIn(q: Queryable, opts: VerifyOptions): Promise<VerifyReport> {
  const t0 = performance.now();
  const headRow = (await q.query<{ size: number; frontier: string; hash_alg: HashAlg }>('select size, frontier, hash_alg from ledger_head where id = 1'))
    .rows[0];
  const alg: HashAlg = headRow?.hash_alg ?? opts.fallbackAlg;
  const heads = (
    await q.query<{ id: number; tree_size: number; root_hash: string; hash_alg: HashAlg; signed_at: string; key_id: string; signature: string }>(
      'select id, tree_size, root_hash, hash_alg, signed_at, key_id, signature from ledger_tree_heads order by tree_size, id',
    )
  ).rows;
  let headIdx = 0;
  let frontier: FrontierNode[] = [];
  let size = 0;
  let blobsChecked = 0;
  let treeHeadsChecked = 0;
  let pending: VerifyReport['pending'] = { count: 0, oldestAgeMs: null };
  const fail = (seq: number | null, code: string, message: string): VerifyReport => ({
    ok: false,
    size,
    rootHash: null,
    treeHeadsChecked,
    blobsChecked,
    pending,
    firstProblem: { seq, code, message },
    elapsedMs: performance.now() - t0,
  });

  const checkHeadsAt = (n: number): VerifyReport | null => {
    while (headIdx < heads.length && Number(heads[headIdx].tree_size) === n) {
      const h = heads[headIdx++];
      const signedAt = new Date(h.signed_at).toISOString();
      const root = frontierRoot(alg, frontier);
      if (h.root_hash !== root) return fail(n - 1, 'TREE_HEAD_ROOT_MISMATCH', `签名树头 #${h.id}（大小 ${n}）的根哈希与重新计算的结果不一致`);
      const msg = treeHeadMessage({ treeSize: n, rootHash: h.root_hash, hashAlg: h.hash_alg, signedAt, keyId: h.key_id });
      if (!verifySignature(opts.publicKeyPem, msg, h.signature)) return fail(n - 1, 'TREE_HEAD_SIGNATURE_INVALID', `签名树头 #${h.id} 的签名无效`);
      treeHeadsChecked++;
    }
    return null;
  };

  /** The checks of an entry's content: canonical payload, its hash, the hash algorithm (null when all hold). */
  const checkContent = (e: Row, label: string, at: number | null): VerifyReport | null => {
    if (!isCanonicalJson(e.payload)) {
      let canonical: string;
      try {
        canonical = canonicalJson(JSON.parse(e.payload));
      } catch {
        return fail(at, 'PAYLOAD_MALFORMED', `${label}的内容不是有效的 JSON`);
      }
      if (canonical !== e.payload) return fail(at, 'PAYLOAD_NOT_CANONICAL', `${label}的内容格式被改动`);
    }
    if (hashBytes(alg, e.payload).toString('hex') !== e.payloadHash) return fail(at, 'PAYLOAD_HASH_MISMATCH', `${label}的内容与其哈希不一致（内容被篡改）`);
    if (e.hashAlg !== alg) return fail(at, 'HASH_ALG_MISMATCH', `${label}的哈希算法被改动`);
    return null;
  };

  const fetchBatch = (from: number) =>
    q.query<Row>(`select ${COLUMNS} from ledger_entries where seq >= $1 order by seq limit $2`, [from, BATCH]).then((r) => r.rows);
  /** the stored perfect subtrees whose last leaf lies in [from, to]: per level one index range (the primary key) */
  const fetchNodes = (from: number, to: number) => {
    const levels: number[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    for (let l = 1; 2 ** l <= to + 1; l++) {
      const a = Math.ceil((from + 1) / 2 ** l) - 1;
      const b = Math.floor((to + 1) / 2 ** l) - 1;
      if (b >= a && b >= 0) levels.push(l), lo.push(Math.max(a, 0)), hi.push(b);
    }
    if (levels.length === 0) return Promise.resolve([] as { level: number; idx: number; hash: string }[]);
    return q
      .query<{ level: number; idx: number; hash: string }>(
        `select n.level, n.idx, n.hash from ledger_nodes n join unnest($1::smallint[], $2::bigint[], $3::bigint[]) as r(l, a, b)
           on n.level = r.l and n.idx between r.a and r.b`,
        [levels, lo, hi],
      )
      .then((r) => r.rows);
  };

  let next: Promise<Row[]> = fetchBatch(0);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    const batchStart = size;
    const batchEnd = Number(rows[rows.length - 1].seq);
    // the next batch is read while this one is checked (positions are dense, so it starts after this one's last)
    next = rows.length === BATCH ? fetchBatch(batchEnd + 1) : Promise.resolve([]);
    const nodesOfBatch = fetchNodes(batchStart, Math.max(batchStart, batchEnd));
    const expectedNodes = new Map<string, string>();
    const blobChecks: BlobCheck[] = [];
    let problem: VerifyReport | null = null;
    for (const e of rows) {
      e.seq = Number(e.seq);
      if (e.seq !== size) {
        problem = fail(size, 'SEQUENCE_GAP', `第 ${size} 条记录缺失或顺序被改动（找到的是第 ${e.seq} 条）`);
        break;
      }
      const label = `第 ${e.seq} 条记录`;
      problem = checkContent(e, label, e.seq);
      if (problem) break;
      const leaf = leafHash(alg, leafDataOf(e));
      if (leaf !== e.leafHash) {
        problem = fail(e.seq, 'LEAF_HASH_MISMATCH', `第 ${e.seq} 条记录的字段与叶子哈希不一致（记录被篡改）`);
        break;
      }
      const r = appendLeaf(alg, frontier, size, leaf);
      frontier = r.frontier;
      for (const c of r.completed) expectedNodes.set(`${c.level}:${c.idx}`, c.hash);
      size++;
      problem = checkHeadsAt(size);
      if (problem) break;
      if (opts.blobs) blobChecks.push(...blobsOf(e, label));
    }
    // a blob registered before the first problem is reported first: it is earlier in the record
    if (opts.blobs && blobChecks.length) {
      const bad = await checkBlobs(opts.blobs, blobChecks);
      blobsChecked += blobChecks.length;
      if (bad) {
        next.catch(() => undefined);
        nodesOfBatch.catch(() => undefined);
        return fail(bad.seq, 'BLOB_MISMATCH', bad.message);
      }
    }
    if (problem) {
      next.catch(() => undefined);
      nodesOfBatch.catch(() => undefined);
      return problem;
    }
    // stored perfect subtrees completed within this batch must equal the recomputed ones
    for (const n of await nodesOfBatch) {
      const want = expectedNodes.get(`${n.level}:${n.idx}`);
      if (want !== n.hash) {
        next.catch(() => undefined);
        const seq = (Number(n.idx) + 1) * 2 ** n.level - 1;
        return fail(seq, 'NODE_HASH_MISMATCH', `Merkle 树节点（层 ${n.level}，序号 ${n.idx}）被改动`);
      }
      expectedNodes.delete(`${n.level}:${n.idx}`);
    }
    if (expectedNodes.size > 0) {
      next.catch(() => undefined);
      const [k] = expectedNodes.keys();
      return fail(null, 'NODE_MISSING', `Merkle 树节点 ${k} 缺失`);
    }
  }
  const nodeCount = Number((await q.query<{ n: number }>('select count(*)::bigint as n from ledger_nodes')).rows[0].n);
  let expectedNodeCount = 0;
  for (let l = 1; 2 ** l <= size; l++) expectedNodeCount += Math.floor(size / 2 ** l);
  if (nodeCount !== expectedNodeCount) return fail(null, 'NODE_COUNT_MISMATCH', `Merkle 树节点数量不符（应为 ${expectedNodeCount}，实为 ${nodeCount}）`);
  if (headIdx < heads.length) {
    const h = heads[headIdx];
    return fail(null, 'TREE_HEAD_BEYOND_RECORD', `签名树头 #${h.id} 的大小 ${h.tree_size} 超出记录条数 ${size}（记录被截短）`);
  }
  if (headRow) {
    if (Number(headRow.size) !== size) return fail(null, 'HEAD_SIZE_MISMATCH', `记录头的条数 ${headRow.size} 与实际条数 ${size} 不一致`);
    if (JSON.stringify(frontier) !== JSON.stringify(JSON.parse(headRow.frontier)))
      return fail(null, 'FRONTIER_MISMATCH', '记录头的紧凑范围与重新计算的结果不一致');
  }

  // entries committed and waiting for their position: their contents and blobs, and how long they have waited
  let after = 0;
  let oldest: number | null = null;
  for (;;) {
    const rows = (
      await q.query<Row & { writeId: number; recordedAtMs: number }>(
        `select write_id as "writeId", ${COLUMNS} from ledger_entries where seq is null and write_id > $1 order by write_id limit $2`,
        [after, BATCH],
      )
    ).rows;
    if (rows.length === 0) break;
    const blobChecks: BlobCheck[] = [];
    for (const e of rows) {
      after = Number(e.writeId);
      pending.count++;
      const t = Date.parse(e.recordedAt);
      if (oldest === null || t < oldest) oldest = t;
      const label = `待排序的记录（写入号 ${after}）`;
      const bad = checkContent(e, label, null);
      if (bad) return bad;
      if (e.leafHash !== null) return fail(null, 'PENDING_ENTRY_HAS_LEAF', `${label}没有位置却有叶子哈希`);
      if (opts.blobs) blobChecks.push(...blobsOf({ ...e, seq: -1 }, label));
    }
    if (opts.blobs && blobChecks.length) {
      const bad = await checkBlobs(opts.blobs, blobChecks);
      blobsChecked += blobChecks.length;
      if (bad) return fail(null, 'BLOB_MISMATCH', bad.message);
    }
  }
  pending = { count: pending.count, oldestAgeMs: oldest === null ? null : Math.max(0, Date.now() - oldest) };
  if (opts.mmdMs !== undefined && pending.oldestAgeMs !== null && pending.oldestAgeMs > opts.mmdMs)
    return fail(
      null,
      'MERGE_DELAY_EXCEEDED',
      `有 ${pending.count} 条已提交的记录尚未排入记录树，最早的一条已等待 ${(pending.oldestAgeMs / 1000).toFixed(1)} 秒，超过最大合并延迟 ${(opts.mmdMs / 1000).toFixed(1)} 秒（整合器未运行？）`,
    );
  return {
    ok: true,
    size,
    rootHash: frontierRoot(alg, frontier),
    treeHeadsChecked,
    blobsChecked,
    pending,
    firstProblem: null,
    elapsedMs: performance.now() - t0,
  };
}
