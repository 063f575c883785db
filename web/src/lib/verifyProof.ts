/**
 * Verifies an inclusion proof in the browser, without trusting the server's own "verified":
 * the same dependency-free code as `fazhi proof verify` recomputes the payload hash, the leaf and
 * the path to the signed root; the tree head's Ed25519 signature is checked with WebCrypto.
 */
import { checkProofDocument, type ProofCheck, type ProofDocument } from '../../../src/domain/recordFormat';

export interface BrowserCheck extends ProofCheck {
  /** null when this browser's WebCrypto has no Ed25519 */
  signatureOk: boolean | null;
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

export async function verifyInBrowser(doc: ProofDocument): Promise<BrowserCheck> {
  const check = checkProofDocument(doc);
  let signatureOk: boolean | null = null;
  try {
    const key = await crypto.subtle.importKey('spki', pemToDer(doc.publicKeyPem), { name: 'Ed25519' }, false, ['verify']);
    const sig = Uint8Array.from(atob(doc.treeHead.signature), (c) => c.charCodeAt(0));
    signatureOk = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, new TextEncoder().encode(check.signedMessage));
  } catch {
    signatureOk = null;
  }
  return { ...check, signatureOk };
}
