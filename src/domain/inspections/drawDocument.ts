/**
 * The published document of one draw (抽取公示文件) and its independent check: anyone holding it
 * recomputes the candidates digest, checks the revealed secret against the commitment, checks that
 * the public value is the root of a signed tree head at or after the announced time, re-derives the
 * seed and re-runs fazhi-draw/v1 — the assignment must come out identical.
 */
import { canonicalJson } from '../canonical.ts';
import { candidatesDigest, commitmentOf, drawSeed, runDraw, DRAW_ALGORITHM, type Assignment, type DrawInput, type DrawProblem } from '../draw/draw.ts';
import { treeHeadMessage } from '../recordFormat.ts';

export const DRAW_DOCUMENT_FORMAT = 'fazhi-draw-document/v1';

export interface PublishedTreeHead {
  id: number;
  treeSize: number;
  rootHash: string;
  hashAlg: 'sm3' | 'sha256';
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface DrawDocument {
  format: typeof DRAW_DOCUMENT_FORMAT;
  algorithm: typeof DRAW_ALGORITHM;
  taskId: string;
  taskName: string;
  bodyName: string;
  committedAt: string;
  /** the public value is the root hash of the first signed tree head signed at or after this time */
  publicAfter: string;
  candidates: DrawInput;
  candidatesDigest: string;
  commitment: string;
  /** after the draw (null before) */
  treeHead: PublishedTreeHead | null;
  publicValue: string | null;
  secret: string | null;
  seed: string | null;
  assignments: Assignment[] | null;
  unstaffed: DrawProblem[] | null;
}

export interface DrawCheck {
  name: string;
  ok: boolean;
  message: string;
}

export function verifyDrawDocument(
  doc: DrawDocument,
  opts: { verifySignature?: (message: string, signature: string) => boolean } = {},
): { ok: boolean; revealed: boolean; checks: DrawCheck[] } {
  const checks: DrawCheck[] = [];
  const check = (name: string, ok: boolean, good: string, bad: string) => checks.push({ name, ok, message: ok ? good : bad });
  check(
    'format',
    doc.format === DRAW_DOCUMENT_FORMAT && doc.algorithm === DRAW_ALGORITHM,
    `算法 ${doc.algorithm}`,
    `不支持的格式或算法：${doc.format} / ${doc.algorithm}`,
  );
  const hash = doc.candidates.hash;
  const digest = candidatesDigest(doc.candidates);
  check(
    'candidatesDigest',
    digest === doc.candidatesDigest,
    `候选名单摘要一致：${digest}`,
    `候选名单摘要不一致：重新计算为 ${digest}，公布的是 ${doc.candidatesDigest}`,
  );
  if (!doc.secret || !doc.treeHead || !doc.publicValue || !doc.seed || !doc.assignments) {
    return { ok: checks.every((c) => c.ok), revealed: false, checks };
  }
  const secret = Buffer.from(doc.secret, 'hex');
  const commitment = commitmentOf(hash, secret);
  check(
    'commitment',
    commitment === doc.commitment,
    '公开的服务器密钥与抽取前公布的承诺一致',
    `密钥的承诺值为 ${commitment}，与抽取前公布的 ${doc.commitment} 不一致`,
  );
  const th = doc.treeHead;
  check(
    'publicValue',
    doc.publicValue === th.rootHash,
    `公共随机值为第 ${th.id} 号签名树头（${th.treeSize} 条）的根哈希`,
    '公共随机值不是所引签名树头的根哈希',
  );
  check(
    'publicAfter',
    Date.parse(th.signedAt) >= Date.parse(doc.publicAfter),
    `树头签发于 ${th.signedAt}，不早于预先公布的 ${doc.publicAfter}`,
    `树头签发于 ${th.signedAt}，早于预先公布的 ${doc.publicAfter}：抽取前已可知`,
  );
  if (opts.verifySignature) {
    const msg = treeHeadMessage({ treeSize: th.treeSize, rootHash: th.rootHash, hashAlg: th.hashAlg, signedAt: th.signedAt, keyId: th.keyId });
    check('treeHeadSignature', opts.verifySignature(msg, th.signature), '签名树头的签名有效', '签名树头的签名无效');
  }
  const seed = drawSeed(hash, secret, doc.publicValue, digest).toString('hex');
  check('seed', seed === doc.seed, `种子 = H(算法 ‖ 密钥 ‖ 公共随机值 ‖ 候选名单摘要) = ${seed}`, `重新计算的种子为 ${seed}，公布的是 ${doc.seed}`);
  const rerun = runDraw(doc.candidates, Buffer.from(seed, 'hex'));
  const same = canonicalJson(rerun.assignments) === canonicalJson(doc.assignments) && canonicalJson(rerun.problems) === canonicalJson(doc.unstaffed ?? []);
  check(
    'assignments',
    same,
    `重新抽取得到完全相同的结果：${rerun.assignments.length} 户检查对象及其检查人员`,
    `重新抽取的结果与公布的不同（重新抽取 ${rerun.assignments.length} 户，公布 ${doc.assignments.length} 户）`,
  );
  return { ok: checks.every((c) => c.ok), revealed: true, checks };
}
