/**
 * The comment form's challenge (验证题): a small addition question whose operands travel in a token signed with
 * HMAC-SHA256, with an expiry and a nonce. It works without JavaScript, cookies or any third party, and the
 * server keeps nothing until a comment is submitted (the nonce is then stored on the comment, unique, so one
 * answer posts one comment).
 *
 * What it is worth, honestly: it stops naive form spam (a script that fills fields without reading the
 * question, replays a captured form, or posts without loading the page) and makes every comment cost a page
 * load. It does not stop a program written for this form — the question is plain text. The real limits are
 * the per-address rate limits (the portal's shared limiter and the comment route's own), the size limits,
 * and the drafting unit reading every comment before it answers. A CAPTCHA service was ruled out: it sends
 * the citizen's address to a third party and usually needs JavaScript.
 *
 * The key: the SHA-256 of the record signer's Ed25519 signature over a fixed label. Ed25519 signatures are
 * deterministic, so every worker process (and every restart) derives the same key from the same signing key,
 * and nothing new has to be configured or stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Signer } from '../../platform/record/signer.ts';

/** How long a question may be answered (the form stays valid while someone writes a long comment). */
export const CHALLENGE_TTL_MS = 2 * 3600_000;

const keys = new WeakMap<Signer, Buffer>();
function keyOf(signer: Signer): Buffer {
  let k = keys.get(signer);
  if (!k) {
    k = createHash('sha256').update(signer.sign('fazhi/consultation-challenge/v1')).digest();
    keys.set(signer, k);
  }
  return k;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

export interface Challenge {
  token: string;
  /** 「7 加 5 等于几？」 */
  question: string;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A fresh question for a comment on this consultation. */
export function newChallenge(signer: Signer, consultationId: string, now = Date.now()): Challenge {
  const r = randomBytes(10);
  const a = 1 + (r[0] % 9);
  const b = 1 + (r[1] % 9);
  const nonce = b64(r.subarray(2));
  const body = b64(JSON.stringify({ c: consultationId, a, b, e: now + CHALLENGE_TTL_MS, n: nonce }));
  return { token: `${body}.${b64(mac(keyOf(signer), body))}`, question: `${CN_DIGITS[a]}加${CN_DIGITS[b]}等于几？（请填写阿拉伯数字）` };
}

/** The token's nonce when the answer is right, the token is ours, for this consultation and not expired; else null. */
export function checkChallenge(signer: Signer, consultationId: string, token: string, answer: string, now = Date.now()): string | null {
  const [body, sig] = token.split('.');
  if (!body || !sig || token.length > 1000) return null;
  const expected = mac(keyOf(signer), body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let t: { c: string; a: number; b: number; e: number; n: string };
  try {
    t = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (t.c !== consultationId || typeof t.e !== 'number' || t.e < now) return null;
  const n = Number(
    String(answer)
      .trim()
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  return Number.isInteger(n) && n === t.a + t.b ? t.n : null;
}
