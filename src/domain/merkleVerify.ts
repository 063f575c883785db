/**
 * Proof verification of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), free of any
 * platform dependency: the server, the `fazhi proof verify` command and the browser run this
 * same code. `node` hashes two hex node hashes into their parent (H(0x01 ‖ l ‖ r)).
 */
export type NodeHasher = (left: string, right: string) => string;

export function verifyInclusionWith(node: NodeHasher, leaf: string, index: number, size: number, proof: string[], root: string): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r === root;
}

const isPow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;

export function verifyConsistencyWith(node: NodeHasher, size1: number, size2: number, root1: string, root2: string, proof: string[]): boolean {
  if (size1 > size2 || size1 < 1) return false;
  if (size1 === size2) return proof.length === 0 && root1 === root2;
  if (proof.length === 0) return false;
  const path = isPow2(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
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
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr === root1 && sr === root2;
}
