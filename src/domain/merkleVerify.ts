/**
 * Proof verification of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), free of any
 * platform dependency: the server, the `fazhi proof verify` command and the browser run this
 * same code. `node` hashes two hex node hashes into their parent (H(0x01 ‖ l ‖ r)).
 *
 * Every hash given — leaf, root(s), each proof element — must be exactly `hashSize` bytes of
 * lowercase hex (SM3 and SHA-256 both give 32 bytes), or verification fails: otherwise a
 * malformed pair such as an empty leaf and an empty root of a one-leaf tree would be accepted,
 * and hex decoders that skip what they cannot read would hash something other than was given.
 */
export type NodeHasher = (left: string, right: string) => string;

/** Bytes in a hash of SM3 or SHA-256, the record's two hash algorithms. */
export const HASH_SIZE = 32;

const isHash = (h: unknown, hashSize: number): h is string => hashSize > 0 && typeof h === 'string' && h.length === 2 * hashSize && /^[0-9a-f]*$/.test(h);

const allHashes = (hashes: unknown[], hashSize: number) => hashes.every((h) => isHash(h, hashSize));

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

// Tree sizes and indices may exceed 2^31: JavaScript's bitwise operators would truncate them to
// 32 bits (2^32 + 1 would become 1), so halving and the power-of-two test use plain arithmetic.
const half = (n: number) => Math.floor(n / 2);
const isPow2 = (n: number) => {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
};

export function verifyInclusionWith(
  node: NodeHasher,
  leaf: string,
  index: number,
  size: number,
  proof: string[],
  root: string,
  hashSize: number = HASH_SIZE,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leaf, hashSize) || !isHash(root, hashSize) || !Array.isArray(proof) || !allHashes(proof, hashSize)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r === root;
}

export function verifyConsistencyWith(
  node: NodeHasher,
  size1: number,
  size2: number,
  root1: string,
  root2: string,
  proof: string[],
  hashSize: number = HASH_SIZE,
): boolean {
  if (!isCount(size1) || !isCount(size2) || size1 > size2 || size1 < 1) return false;
  if (!isHash(root1, hashSize) || !isHash(root2, hashSize) || !Array.isArray(proof) || !allHashes(proof, hashSize)) return false;
  if (size1 === size2) return proof.length === 0 && root1 === root2;
  if (proof.length === 0) return false;
  const path = isPow2(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = node(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr === root1 && sr === root2;
}
