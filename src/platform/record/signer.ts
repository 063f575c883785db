/** Ed25519 key that signs tree heads; generated on first start and kept in DATA_DIR/keys. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Signer {
  keyId: string;
  publicKeyPem: string;
  sign(data: string): string; // base64
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function loadOrCreateSigner(dataDir: string): Signer {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'record-ed25519.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeFileSync(join(dir, 'record-ed25519.pub.pem'), publicKeyPem);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem,
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
}

export function verifySignature(publicKeyPem: string, data: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(data, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
