/**
 * Merkle tree of the enforcement record, as RFC 9162 (Certificate Transparency v2) §2.1:
 *   leaf hash  = H(0x00 ‖ data)
 *   node hash  = H(0x01 ‖ left ‖ right)
 *   MTH(D[n]) splits at k, the largest power of two smaller than n.
 * Pure functions: hashing is injected, storage is the caller's.
 */
import { createHash } from 'node:crypto';
import { verifyConsistencyWith, verifyInclusionWith } from './merkleVerify.ts';

export type HashAlg = 'sm3' | 'sha256';
export type Hex = string;

export function hashBytes(alg: HashAlg, ...parts: (Buffer | Uint8Array | string)[]): Buffer {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(alg: HashAlg, data: Buffer | string): Hex {
  return hashBytes(alg, LEAF, typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('hex');
}

export function nodeHash(alg: HashAlg, left: Hex, right: Hex): Hex {
  return hashBytes(alg, NODE, Buffer.from(left, 'hex'), Buffer.from(right, 'hex')).toString('hex');
}

/** Largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export const emptyRoot = (alg: HashAlg): Hex => hashBytes(alg).toString('hex');

// ─── compact range (frontier): incremental append in O(log n) ─────────────

/** One perfect subtree of the frontier: level = log2(size). Ordered largest first. */
export interface FrontierNode {
  level: number;
  hash: Hex;
}

export interface AppendResult {
  frontier: FrontierNode[];
  /** perfect subtrees completed by this append (level ≥ 1), to be stored */
  completed: { level: number; idx: number; hash: Hex }[];
}

/** Appends the leaf at index `size` to a frontier describing a tree of `size` leaves. */
export function appendLeaf(alg: HashAlg, frontier: FrontierNode[], size: number, leaf: Hex): AppendResult {
  const next = frontier.slice();
  const completed: AppendResult['completed'] = [];
  let cur = leaf;
  let level = 0;
  while (next.length > 0 && next[next.length - 1].level === level) {
    const left = next.pop()!;
    cur = nodeHash(alg, left.hash, cur);
    level += 1;
    completed.push({ level, idx: size >> level, hash: cur });
  }
  next.push({ level, hash: cur });
  return { frontier: next, completed };
}

/** Root of the tree described by the frontier (MTH of all leaves). */
export function frontierRoot(alg: HashAlg, frontier: FrontierNode[]): Hex {
  if (frontier.length === 0) return emptyRoot(alg);
  let r = frontier[frontier.length - 1].hash;
  for (let i = frontier.length - 2; i >= 0; i--) r = nodeHash(alg, frontier[i].hash, r);
  return r;
}

// ─── proofs, given a source of subtree hashes ───────────────────────────

/**
 * Source of hashes: the hash of leaf i, or of a perfect aligned subtree
 * (level ≥ 1, covering leaves [idx·2^level, (idx+1)·2^level)).
 */
export interface TreeSource {
  leaf(i: number): Promise<Hex>;
  node(level: number, idx: number): Promise<Hex>;
}

const isPow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** MTH(D[start:end]); ranges arising in RFC 9162 proofs are always aligned to their left part. */
export async function subtreeHash(alg: HashAlg, src: TreeSource, start: number, end: number): Promise<Hex> {
  const n = end - start;
  if (n === 1) return src.leaf(start);
  if (isPow2(n) && start % n === 0) return src.node(Math.log2(n), start / n);
  const k = splitPoint(n);
  const [l, r] = await Promise.all([subtreeHash(alg, src, start, start + k), subtreeHash(alg, src, start + k, end)]);
  return nodeHash(alg, l, r);
}

/** PATH(m, D[start:end]) — the audit path of leaf m in the tree of `end` leaves (RFC 9162 §2.1.3.1). */
export async function inclusionProof(alg: HashAlg, src: TreeSource, m: number, size: number): Promise<Hex[]> {
  if (m < 0 || m >= size) throw new RangeError(`leaf ${m} is not in a tree of size ${size}`);
  const path = async (m: number, start: number, end: number): Promise<Hex[]> => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    if (m < k) return [...(await path(m, start, start + k)), await subtreeHash(alg, src, start + k, end)];
    return [...(await path(m - k, start + k, end)), await subtreeHash(alg, src, start, start + k)];
  };
  return path(m, 0, size);
}

/** PROOF(m, D[n]) — consistency between the trees of size m and n (RFC 9162 §2.1.4.1). */
export async function consistencyProof(alg: HashAlg, src: TreeSource, m: number, n: number): Promise<Hex[]> {
  if (m < 1 || m > n) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  if (m === n) return [];
  const subproof = async (m: number, start: number, end: number, b: boolean): Promise<Hex[]> => {
    const n = end - start;
    if (m === n) return b ? [] : [await subtreeHash(alg, src, start, end)];
    const k = splitPoint(n);
    if (m <= k) return [...(await subproof(m, start, start + k, b)), await subtreeHash(alg, src, start + k, end)];
    return [...(await subproof(m - k, start + k, end, false)), await subtreeHash(alg, src, start, start + k)];
  };
  return subproof(m, 0, n, true);
}

// ─── verification (RFC 9162 §2.1.3.2 and §2.1.4.2): the one implementation lives in
// merkleVerify.ts (dependency-free, also used by the browser); here it runs on Node's hashes.

export const verifyInclusion = (alg: HashAlg, leaf: Hex, index: number, size: number, proof: Hex[], root: Hex): boolean =>
  verifyInclusionWith((l, r) => nodeHash(alg, l, r), leaf, index, size, proof, root);

export const verifyConsistency = (alg: HashAlg, size1: number, size2: number, root1: Hex, root2: Hex, proof: Hex[]): boolean =>
  verifyConsistencyWith((l, r) => nodeHash(alg, l, r), size1, size2, root1, root2, proof);
