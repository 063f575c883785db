/**
 * The portal's one script (progressive enhancement: every page reads without it). It re-checks a
 * published decision's inclusion proof in the browser — payload hash, leaf hash, the Merkle path to
 * the signed root, the tree head's Ed25519 signature with WebCrypto — and a consistency proof
 * between two tree heads, with the same dependency-free code as `fazhi proof verify`.
 * Bundled at install time (`npm run build:portal`, see ../script.ts) into web/dist/portal/verify.js,
 * which the server serves at /portal/assets/verify.js.
 */
import { fromHex, hashFunctions, toHex } from '../../../domain/hashes.ts';
import { verifyConsistencyWith } from '../../../domain/merkleVerify.ts';
import { checkProofDocument, treeHeadMessage, type ProofDocument } from '../../../domain/recordFormat.ts';

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

async function signatureOk(pem: string, message: string, signature: string): Promise<boolean | null> {
  try {
    const key = await crypto.subtle.importKey('spki', pemToDer(pem), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      Uint8Array.from(atob(signature), (c) => c.charCodeAt(0)),
      new TextEncoder().encode(message),
    );
  } catch {
    return null;
  }
}

const mark = (b: boolean | null) => (b === null ? '本浏览器不支持 Ed25519，未核验' : b ? '通过' : '不通过');

function show(out: HTMLElement, ok: boolean, lines: string[]) {
  out.replaceChildren();
  const head = document.createElement('p');
  head.className = ok ? 'ok' : 'bad';
  head.textContent = ok ? '✔ 核验通过' : '✘ 核验未通过';
  const list = document.createElement('ul');
  for (const l of lines) {
    const li = document.createElement('li');
    li.textContent = l;
    list.append(li);
  }
  out.append(head, list);
  out.dataset.result = ok ? 'ok' : 'failed';
}

async function verifyProof(button: HTMLButtonElement) {
  const out = document.getElementById(button.dataset.output ?? '') as HTMLElement;
  out.textContent = '正在下载证明并核验……';
  try {
    const res = await fetch(button.dataset.verify!, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`下载证明失败（HTTP ${res.status}）`);
    const doc = (await res.json()) as ProofDocument;
    const check = checkProofDocument(doc);
    const sig = await signatureOk(doc.publicKeyPem, check.signedMessage, doc.treeHead.signature);
    const expectedKey = document.querySelector<HTMLElement>('[data-key-id]')?.dataset.keyId;
    const keyOk = !expectedKey || expectedKey === doc.treeHead.keyId;
    show(out, check.ok && sig !== false && keyOk, [
      `公示内容哈希（${doc.treeHead.hashAlg.toUpperCase()}）：${mark(check.payloadHashOk)}`,
      `记录条目（叶子）哈希：${mark(check.leafHashOk)}`,
      `包含证明：第 ${doc.entry.seq} 条记录在大小为 ${doc.treeHead.treeSize} 的记录中 —— ${mark(check.inclusionOk && check.sizeOk)}`,
      `签名树头（公钥 ${doc.treeHead.keyId}）签名：${mark(sig)}`,
      `根哈希：${doc.treeHead.rootHash}`,
    ]);
  } catch (e) {
    show(out, false, [(e as Error).message]);
  }
}

async function verifyConsistency(button: HTMLButtonElement) {
  const out = document.getElementById(button.dataset.output ?? '') as HTMLElement;
  out.textContent = '正在核验一致性证明……';
  try {
    const res = await fetch(button.dataset.consistency!, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`下载一致性证明失败（HTTP ${res.status}）`);
    const d = (await res.json()) as {
      from: { treeSize: number; rootHash: string; hashAlg: 'sm3' | 'sha256'; signedAt: string; keyId: string; signature: string };
      to: typeof d.from;
      proof: string[];
    };
    const h = hashFunctions[d.to.hashAlg];
    const node = (l: string, r: string) => toHex(h(new Uint8Array([1, ...fromHex(l), ...fromHex(r)])));
    const ok = verifyConsistencyWith(node, d.from.treeSize, d.to.treeSize, d.from.rootHash, d.to.rootHash, d.proof);
    const pem = document.querySelector<HTMLElement>('[data-public-key]')?.dataset.publicKey ?? '';
    const msg = (x: typeof d.from) => treeHeadMessage(x);
    const [s1, s2] = await Promise.all([signatureOk(pem, msg(d.from), d.from.signature), signatureOk(pem, msg(d.to), d.to.signature)]);
    show(out, ok && s1 !== false && s2 !== false, [
      `一致性证明（大小 ${d.from.treeSize} → ${d.to.treeSize}，${d.proof.length} 个哈希）：${mark(ok)}`,
      `树头 ${d.from.treeSize} 签名：${mark(s1)}`,
      `树头 ${d.to.treeSize} 签名：${mark(s2)}`,
    ]);
  } catch (e) {
    show(out, false, [(e as Error).message]);
  }
}

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-verify]')) {
  b.hidden = false;
  b.addEventListener('click', () => void verifyProof(b));
}
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-consistency]')) {
  b.hidden = false;
  b.addEventListener('click', () => void verifyConsistency(b));
}
