/**
 * Recomputes the whole record from its entries: payload hashes, leaf hashes, sequence,
 * stored tree nodes, the frontier, every signed tree head, and every evidence and instrument blob.
 * Reports the first entry that does not match.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import { appendLeaf, frontierRoot, hashBytes, leafHash, type FrontierNode, type HashAlg } from '../../domain/merkle.ts';
import type { Queryable } from '../db/index.ts';
import type { BlobStore } from './blobs.ts';
import { leafData, rowToEntry, treeHeadMessage } from './ledger.ts';
import { verifySignature } from './signer.ts';

export interface VerifyProblem {
  seq: number | null;
  code: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  size: number;
  rootHash: string | null;
  treeHeadsChecked: number;
  blobsChecked: number;
  firstProblem: VerifyProblem | null;
  elapsedMs: number;
}

const BATCH = 5000;

export async function verifyRecord(q: Queryable, opts: { publicKeyPem: string; blobs?: BlobStore; fallbackAlg: HashAlg }): Promise<VerifyReport> {
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
  const fail = (seq: number | null, code: string, message: string): VerifyReport => ({
    ok: false,
    size,
    rootHash: null,
    treeHeadsChecked,
    blobsChecked,
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

  for (;;) {
    const rows = (
      await q.query(
        `select seq, recorded_at as "recordedAt", actor_id as "actorId", actor_name as "actorName", org_id as "orgId",
          matter_type as "matterType", matter_id as "matterId", event_type as "eventType", payload, payload_hash as "payloadHash",
          leaf_hash as "leafHash", hash_alg as "hashAlg" from ledger_entries where seq >= $1 order by seq limit $2`,
        [size, BATCH],
      )
    ).rows.map(rowToEntry);
    if (rows.length === 0) break;
    const batchStart = size;
    const expectedNodes = new Map<string, string>();
    for (const e of rows) {
      if (e.seq !== size) return fail(size, 'SEQUENCE_GAP', `第 ${size} 条记录缺失或顺序被改动（找到的是第 ${e.seq} 条）`);
      let canonical: string;
      try {
        canonical = canonicalJson(JSON.parse(e.payload));
      } catch {
        return fail(e.seq, 'PAYLOAD_MALFORMED', `第 ${e.seq} 条记录的内容不是有效的 JSON`);
      }
      if (canonical !== e.payload) return fail(e.seq, 'PAYLOAD_NOT_CANONICAL', `第 ${e.seq} 条记录的内容格式被改动`);
      if (hashBytes(alg, e.payload).toString('hex') !== e.payloadHash)
        return fail(e.seq, 'PAYLOAD_HASH_MISMATCH', `第 ${e.seq} 条记录的内容与其哈希不一致（内容被篡改）`);
      if (e.hashAlg !== alg) return fail(e.seq, 'HASH_ALG_MISMATCH', `第 ${e.seq} 条记录的哈希算法被改动`);
      const leaf = leafHash(alg, leafData(e));
      if (leaf !== e.leafHash) return fail(e.seq, 'LEAF_HASH_MISMATCH', `第 ${e.seq} 条记录的字段与叶子哈希不一致（记录被篡改）`);
      const r = appendLeaf(alg, frontier, size, leaf);
      frontier = r.frontier;
      for (const c of r.completed) expectedNodes.set(`${c.level}:${c.idx}`, c.hash);
      size++;
      const bad = checkHeadsAt(size);
      if (bad) return bad;
      if (opts.blobs && e.eventType === 'evidence.uploaded') {
        const p = JSON.parse(e.payload) as { contentHash: string; evidenceId: string };
        if (!(await opts.blobs.verify(p.contentHash))) return fail(e.seq, 'BLOB_MISMATCH', `第 ${e.seq} 条记录登记的证据文件缺失或已被改动（${p.evidenceId}）`);
        blobsChecked++;
      }
      if (opts.blobs && e.eventType === 'instrument.issued') {
        const p = JSON.parse(e.payload) as { docxHash: string; pdfHash: string; number: string };
        for (const h of [p.docxHash, p.pdfHash]) {
          if (!(await opts.blobs.verify(h))) return fail(e.seq, 'BLOB_MISMATCH', `第 ${e.seq} 条记录登记的文书文件缺失或已被改动（${p.number}）`);
          blobsChecked++;
        }
      }
    }
    // stored perfect subtrees completed within this batch must equal the recomputed ones
    const stored = (
      await q.query<{ level: number; idx: number; hash: string }>(
        `select level, idx, hash from ledger_nodes where ((idx + 1) * (1::bigint << level)) - 1 between $1 and $2`,
        [batchStart, size - 1],
      )
    ).rows;
    for (const n of stored) {
      const want = expectedNodes.get(`${n.level}:${n.idx}`);
      if (want !== n.hash) {
        const seq = (Number(n.idx) + 1) * 2 ** n.level - 1;
        return fail(seq, 'NODE_HASH_MISMATCH', `Merkle 树节点（层 ${n.level}，序号 ${n.idx}）被改动`);
      }
      expectedNodes.delete(`${n.level}:${n.idx}`);
    }
    if (expectedNodes.size > 0) {
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
  return { ok: true, size, rootHash: frontierRoot(alg, frontier), treeHeadsChecked, blobsChecked, firstProblem: null, elapsedMs: performance.now() - t0 };
}
