#!/usr/bin/env node
// A citizen's own check of a downloaded proof (proof.json from the portal), written from the format
// in docs/record.md alone: nothing of the platform is imported, only Node's crypto.
// Usage: node portal-citizen-verify.mjs proof.json   → exit 0 when everything holds.
import { createHash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const canon = (v) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : typeof v === 'object'
        ? `{${Object.keys(v)
            .filter((k) => v[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const alg = doc.treeHead.hashAlg; // 'sm3' or 'sha256', both in Node's OpenSSL
const H = (...parts) => {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
};
const e = doc.entry;

const payloadHash = H(Buffer.from(canon(e.payload), 'utf8')).toString('hex');
const leafData = canon({
  v: 1,
  seq: e.seq,
  recordedAt: e.recordedAt,
  actorId: e.actorId,
  actorName: e.actorName,
  orgId: e.orgId,
  matterType: e.matterType,
  matterId: e.matterId,
  eventType: e.eventType,
  payloadHash,
  hashAlg: e.hashAlg,
});
const leaf = H(Buffer.from([0]), Buffer.from(leafData, 'utf8'));

// RFC 9162 §2.1.3.2
let fn = doc.leafIndex,
  sn = doc.treeSize - 1,
  r = leaf,
  pathOk = fn < doc.treeSize;
for (const hex of doc.proof) {
  const p = Buffer.from(hex, 'hex');
  if (sn === 0) {
    pathOk = false;
    break;
  }
  if (fn % 2 === 1 || fn === sn) {
    r = H(Buffer.from([1]), p, r);
    if (fn % 2 === 0)
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
  } else r = H(Buffer.from([1]), r, p);
  fn >>= 1;
  sn >>= 1;
}
const inclusionOk = pathOk && sn === 0 && r.toString('hex') === doc.treeHead.rootHash && doc.treeSize === doc.treeHead.treeSize;

const t = doc.treeHead;
const message = canon({
  origin: 'fazhi/enforcement-record/v1',
  treeSize: t.treeSize,
  rootHash: t.rootHash,
  hashAlg: t.hashAlg,
  signedAt: t.signedAt,
  keyId: t.keyId,
});
const signatureOk = verify(null, Buffer.from(message, 'utf8'), doc.publicKeyPem, Buffer.from(t.signature, 'base64'));

const result = { payloadHashOk: payloadHash === e.payloadHash, leafHashOk: leaf.toString('hex') === e.leafHash, inclusionOk, signatureOk };
const ok = Object.values(result).every(Boolean);
console.log(JSON.stringify({ ...result, ok, seq: e.seq, treeSize: t.treeSize, content: e.payload?.content?.number ?? null }));
process.exit(ok ? 0 : 1);
