/**
 * The byte formats of the enforcement record (docs/record.md) and an independent check of a
 * published inclusion proof: payload → payload hash → leaf → root. Dependency-free, so the
 * browser and the offline verifier run exactly what the server runs.
 */
import { canonicalJson } from './canonical.ts';
import { fromHex, hashFunctions, toHex, utf8 } from './hashes.ts';
import { verifyInclusionWith } from './merkleVerify.ts';

export const TREE_HEAD_ORIGIN = 'fazhi/enforcement-record/v1';

export interface EntryFields {
  seq: number;
  recordedAt: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  matterType: string;
  matterId: string;
  eventType: string;
  payloadHash: string;
  hashAlg: 'sm3' | 'sha256';
}

/** The bytes of a leaf: every field of the entry except the payload itself (its hash stands for it). */
export function leafData(e: EntryFields): string {
  return canonicalJson({
    v: 1,
    seq: e.seq,
    recordedAt: e.recordedAt,
    actorId: e.actorId,
    actorName: e.actorName,
    orgId: e.orgId,
    matterType: e.matterType,
    matterId: e.matterId,
    eventType: e.eventType,
    payloadHash: e.payloadHash,
    hashAlg: e.hashAlg,
  });
}

export interface TreeHeadFields {
  treeSize: number;
  rootHash: string;
  hashAlg: 'sm3' | 'sha256';
  signedAt: string;
  keyId: string;
}

/** The bytes a tree head signature covers. */
export function treeHeadMessage(h: TreeHeadFields): string {
  return canonicalJson({ origin: TREE_HEAD_ORIGIN, treeSize: h.treeSize, rootHash: h.rootHash, hashAlg: h.hashAlg, signedAt: h.signedAt, keyId: h.keyId });
}

/** What `GET /api/record/entries/:seq/proof` returns (and a downloaded proof file holds). */
export interface ProofDocument {
  entry: EntryFields & { payload: unknown; leafHash: string };
  leafIndex: number;
  treeSize: number;
  proof: string[];
  treeHead: TreeHeadFields & { signature: string };
  publicKeyPem: string;
}

export interface ProofCheck {
  payloadHashOk: boolean;
  leafHashOk: boolean;
  inclusionOk: boolean;
  sizeOk: boolean;
  ok: boolean;
  /** the message whose Ed25519 signature must be checked with the published key */
  signedMessage: string;
}

/** Recomputes everything but the signature (checked by the caller with its own Ed25519). */
export function checkProofDocument(doc: ProofDocument): ProofCheck {
  const alg = doc.treeHead.hashAlg;
  const h = hashFunctions[alg];
  const payloadHash = toHex(h(utf8(canonicalJson(doc.entry.payload))));
  const leaf = toHex(h(new Uint8Array([0, ...utf8(leafData({ ...doc.entry, payloadHash }))])));
  const node = (l: string, r: string) => toHex(h(new Uint8Array([1, ...fromHex(l), ...fromHex(r)])));
  const payloadHashOk = payloadHash === doc.entry.payloadHash;
  const leafHashOk = leaf === doc.entry.leafHash;
  const sizeOk = doc.treeSize === doc.treeHead.treeSize && doc.leafIndex === doc.entry.seq;
  const inclusionOk = verifyInclusionWith(node, leaf, doc.leafIndex, doc.treeHead.treeSize, doc.proof, doc.treeHead.rootHash);
  return {
    payloadHashOk,
    leafHashOk,
    inclusionOk,
    sizeOk,
    ok: payloadHashOk && leafHashOk && inclusionOk && sizeOk,
    signedMessage: treeHeadMessage(doc.treeHead),
  };
}
