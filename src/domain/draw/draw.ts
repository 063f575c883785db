/**
 * 双随机 draw, algorithm `fazhi-draw/v1` (documented in docs/draw.md):
 *  1. seed = H("fazhi-draw/v1" ‖ serverSecret ‖ publicValue ‖ candidatesHash)
 *  2. targets: per credit-risk class, in canonical order (by id), a partial Fisher–Yates shuffle
 *     with HMAC_DRBG(seed) picks ceil(n × ratio) targets — or min(n, count) where the task fixes a
 *     count for the class — (classes in the order A, B, C, D);
 *  3. inspectors: for each picked target in draw order, `perTarget` inspectors are chosen among
 *     those eligible (not recused for it, optionally from a unit not yet on its team), at random
 *     among the least loaded — so load is balanced and the choice still random.
 * Pure and deterministic: the same inputs give the same assignment, byte for byte.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical.ts';
import { HmacDrbg, type DrbgHash } from './drbg.ts';

export const DRAW_ALGORITHM = 'fazhi-draw/v1';

export interface DrawTarget {
  id: string;
  riskClass: 'A' | 'B' | 'C' | 'D';
}
export interface DrawInspector {
  id: string;
  unitId: string;
}
export interface DrawInput {
  hash: DrbgHash;
  targets: DrawTarget[];
  inspectors: DrawInspector[];
  /** share of each risk class to inspect, 0..1 */
  ratios: Record<DrawTarget['riskClass'], number>;
  /** a fixed number of targets for a class instead of its ratio (抽查户数); absent = by ratio */
  counts?: Partial<Record<DrawTarget['riskClass'], number>>;
  perTarget: number;
  differentUnits: boolean;
  /** pairs that must never meet: inspector id → target ids (回避) */
  recusals: Record<string, string[]>;
}

export interface Assignment {
  targetId: string;
  inspectorIds: string[];
}

export interface DrawProblem {
  targetId: string;
  message: string;
}

const classes = ['A', 'B', 'C', 'D'] as const;

/** Canonical form of everything the draw depends on except the seed: published before the draw. */
export function candidatesDigest(input: DrawInput): string {
  const h = createHash(input.hash);
  h.update(
    canonicalJson({
      algorithm: DRAW_ALGORITHM,
      hash: input.hash,
      ratios: input.ratios,
      ...(input.counts && Object.keys(input.counts).length ? { counts: input.counts } : {}),
      perTarget: input.perTarget,
      differentUnits: input.differentUnits,
      recusals: Object.keys(input.recusals)
        .sort()
        .map((k) => [k, [...input.recusals[k]].sort()]),
    }),
  );
  for (const t of [...input.targets].sort((a, b) => (a.id < b.id ? -1 : 1))) h.update(`\nT ${t.id} ${t.riskClass}`);
  for (const i of [...input.inspectors].sort((a, b) => (a.id < b.id ? -1 : 1))) h.update(`\nI ${i.id} ${i.unitId}`);
  return h.digest('hex');
}

export function commitmentOf(hash: DrbgHash, serverSecret: Buffer): string {
  return createHash(hash)
    .update(Buffer.concat([Buffer.from(`${DRAW_ALGORITHM}/commit`), serverSecret]))
    .digest('hex');
}

export function drawSeed(hash: DrbgHash, serverSecret: Buffer, publicValue: string, candidatesHash: string): Buffer {
  return createHash(hash)
    .update(Buffer.concat([Buffer.from(DRAW_ALGORITHM), serverSecret, Buffer.from(publicValue), Buffer.from(candidatesHash)]))
    .digest();
}

export function runDraw(input: DrawInput, seed: Buffer): { assignments: Assignment[]; problems: DrawProblem[] } {
  for (const c of classes) {
    const r = input.ratios[c];
    if (!(r >= 0 && r <= 1)) throw new RangeError(`抽查比例须在 0 到 100% 之间（${c} 类为 ${r}）`);
    const n = input.counts?.[c];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0)) throw new RangeError(`抽查户数须为非负整数（${c} 类为 ${n}）`);
  }
  if (!Number.isInteger(input.perTarget) || input.perTarget < 1) throw new RangeError('每户检查人员数须为正整数');
  const rng = new HmacDrbg(input.hash, seed);

  // 1. targets, class by class in canonical order
  const picked: string[] = [];
  for (const c of classes) {
    const pool = input.targets
      .filter((t) => t.riskClass === c)
      .map((t) => t.id)
      .sort();
    // the tolerance keeps binary rounding (0.07 × 100 = 7.000000000000001) from adding a target
    const fixed = input.counts?.[c];
    const k = Math.min(pool.length, fixed ?? Math.ceil(pool.length * input.ratios[c] - 1e-9));
    for (let i = 0; i < k; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      picked.push(pool[i]);
    }
  }

  // 2. inspectors, least loaded first, random among equals. Inspectors are kept in buckets by
  //    load; a slot draws a random member of the lowest bucket and redraws while it is ineligible
  //    (uniform among the eligible of that bucket), scanning the bucket when redraws run out.
  const byId = new Map(input.inspectors.map((i) => [i.id, i]));
  const buckets: string[][] = [input.inspectors.map((i) => i.id).sort()];
  const loadOf = new Map<string, number>(buckets[0].map((id) => [id, 0]));
  const recusedFor = new Map<string, Set<string>>();
  for (const [inspector, targets] of Object.entries(input.recusals))
    for (const t of targets) {
      if (!recusedFor.has(t)) recusedFor.set(t, new Set());
      recusedFor.get(t)!.add(inspector);
    }
  const move = (id: string, from: number, to: number) => {
    const b = buckets[from];
    const idx = b.indexOf(id);
    b[idx] = b[b.length - 1];
    b.pop();
    (buckets[to] ??= []).push(id);
    loadOf.set(id, to);
  };
  const assignments: Assignment[] = [];
  const problems: DrawProblem[] = [];
  for (const targetId of picked) {
    const recused = recusedFor.get(targetId) ?? new Set<string>();
    const team: string[] = [];
    const eligible = (id: string) =>
      !recused.has(id) && !team.includes(id) && (!input.differentUnits || !team.some((m) => byId.get(m)!.unitId === byId.get(id)!.unitId));
    for (let slot = 0; slot < input.perTarget; slot++) {
      let chosen: string | null = null;
      for (let level = 0; level < buckets.length && chosen === null; level++) {
        const b = buckets[level];
        if (!b || b.length === 0) continue;
        for (let tries = 0; tries < 8 && chosen === null; tries++) {
          const id = b[rng.int(b.length)];
          if (eligible(id)) chosen = id;
        }
        if (chosen === null) {
          const ok = b.filter(eligible).sort();
          if (ok.length) chosen = ok[rng.int(ok.length)];
        }
      }
      if (chosen === null) break;
      team.push(chosen);
      move(chosen, loadOf.get(chosen)!, loadOf.get(chosen)! + 1);
    }
    if (team.length < input.perTarget) {
      for (const m of team) move(m, loadOf.get(m)!, loadOf.get(m)! - 1);
      problems.push({
        targetId,
        message: `检查对象 ${targetId} 符合条件（未回避${input.differentUnits ? '、来自不同科所' : ''}）的检查人员不足 ${input.perTarget} 名`,
      });
      continue;
    }
    assignments.push({ targetId, inspectorIds: team });
  }
  return { assignments, problems };
}
