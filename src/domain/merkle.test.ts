import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  consistencyProof,
  frontierRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type FrontierNode,
  type HashAlg,
  type TreeSource,
} from './merkle.ts';

// RFC 6962 / certificate-transparency reference leaves and roots (SHA-256)
const ctLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ctRoots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** The RFC's recursive definition, as a reference to test the incremental tree against. */
function naiveRoot(alg: HashAlg, leaves: string[]): string {
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return nodeHash(alg, naiveRoot(alg, leaves.slice(0, k)), naiveRoot(alg, leaves.slice(k)));
}

/** An in-memory tree built only through appendLeaf, exposing its stored nodes as a TreeSource. */
function buildTree(alg: HashAlg, n: number) {
  const leaves = Array.from({ length: n }, (_, i) => leafHash(alg, `entry ${i}`));
  const nodes = new Map<string, string>();
  const roots: string[] = [];
  let frontier: FrontierNode[] = [];
  leaves.forEach((l, i) => {
    const r = appendLeaf(alg, frontier, i, l);
    frontier = r.frontier;
    for (const c of r.completed) nodes.set(`${c.level}:${c.idx}`, c.hash);
    roots.push(frontierRoot(alg, frontier));
  });
  const src: TreeSource = {
    leaf: async (i) => leaves[i],
    node: async (level, idx) => {
      const h = nodes.get(`${level}:${idx}`);
      if (!h) throw new Error(`missing node ${level}:${idx}`);
      return h;
    },
  };
  return { leaves, roots, src };
}

describe('Merkle tree (RFC 9162)', () => {
  it('matches the certificate-transparency reference roots for SHA-256', () => {
    let frontier: FrontierNode[] = [];
    ctLeaves.forEach((hex, i) => {
      frontier = appendLeaf('sha256', frontier, i, leafHash('sha256', Buffer.from(hex, 'hex'))).frontier;
      expect(frontierRoot('sha256', frontier)).toBe(ctRoots[i]);
    });
  });

  for (const alg of ['sm3', 'sha256'] as const) {
    it(`${alg}: incremental roots equal the recursive definition for sizes 1..70`, () => {
      const { leaves, roots } = buildTree(alg, 70);
      for (let n = 1; n <= 70; n++) expect(roots[n - 1]).toBe(naiveRoot(alg, leaves.slice(0, n)));
    });

    it(`${alg}: every inclusion proof verifies, and a forged one does not`, async () => {
      const { leaves, roots, src } = buildTree(alg, 33);
      for (let n = 1; n <= 33; n++) {
        for (let m = 0; m < n; m++) {
          const proof = await inclusionProof(alg, src, m, n);
          expect(verifyInclusion(alg, leaves[m], m, n, proof, roots[n - 1])).toBe(true);
          if (proof.length > 0) {
            const forged = [...proof];
            forged[0] = leafHash(alg, 'forged');
            expect(verifyInclusion(alg, leaves[m], m, n, forged, roots[n - 1])).toBe(false);
          }
          // the right proof for the wrong leaf, index or size fails
          expect(verifyInclusion(alg, leafHash(alg, 'other'), m, n, proof, roots[n - 1])).toBe(false);
          if (n > 1) expect(verifyInclusion(alg, leaves[m], (m + 1) % n, n, proof, roots[n - 1])).toBe(false);
        }
      }
    });

    it(`${alg}: every consistency proof verifies, and a tampered one does not`, async () => {
      const { roots, src } = buildTree(alg, 20);
      for (let n = 1; n <= 20; n++) {
        for (let m = 1; m <= n; m++) {
          const proof = await consistencyProof(alg, src, m, n);
          expect(verifyConsistency(alg, m, n, roots[m - 1], roots[n - 1], proof)).toBe(true);
          if (m < n) {
            expect(verifyConsistency(alg, m, n, leafHash(alg, 'x'), roots[n - 1], proof)).toBe(false);
            expect(
              verifyConsistency(
                alg,
                m,
                n,
                roots[m - 1],
                roots[n - 1],
                proof.map((p, i) => (i === proof.length - 1 ? leafHash(alg, 'y') : p)),
              ),
            ).toBe(false);
          }
        }
      }
    });
  }

  it('rejects out-of-range requests', async () => {
    const { src } = buildTree('sm3', 4);
    await expect(inclusionProof('sm3', src, 4, 4)).rejects.toThrow(RangeError);
    await expect(consistencyProof('sm3', src, 5, 4)).rejects.toThrow(RangeError);
    expect(verifyInclusion('sm3', 'aa', 5, 4, [], 'aa')).toBe(false);
  });
});
