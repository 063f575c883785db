import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacDrbg } from './drbg.ts';
import { candidatesDigest, commitmentOf, drawSeed, runDraw, type DrawInput } from './draw.ts';

const pool = (n: number, classOf = (i: number) => (['A', 'B', 'C', 'D'] as const)[i % 4]) =>
  Array.from({ length: n }, (_, i) => ({ id: `T${String(i).padStart(6, '0')}`, riskClass: classOf(i) }));
const inspectors = (n: number, units = 4) => Array.from({ length: n }, (_, i) => ({ id: `I${String(i).padStart(3, '0')}`, unitId: `U${i % units}` }));
const base = (over: Partial<DrawInput> = {}): DrawInput => ({
  hash: 'sm3',
  targets: pool(3200),
  inspectors: inspectors(38),
  ratios: { A: 0.03, B: 0.05, C: 0.1, D: 0.2 },
  perTarget: 2,
  differentUnits: true,
  recusals: {},
  ...over,
});

describe('HMAC_DRBG', () => {
  it('matches the NIST CAVP HMAC_DRBG SHA-256 vector (no reseed, no additional input)', () => {
    // CAVP HMAC_DRBG.rsp [SHA-256] [PredictionResistance = False] COUNT = 0, entropy ‖ nonce as seed, two generates
    const seed = Buffer.from('ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488' + '659ba96c601dc69fc902940805ec0ca8', 'hex');
    const d = new HmacDrbg('sha256', seed);
    d.generate(128);
    expect(d.generate(128).toString('hex')).toBe(
      'e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89d54fbb978a15b5c443c9ec21036d2460b6f73ebad0dc2aba6e624abf07745bc107694bb7547bb0995f70de25d6b29e2d3011bb19d27676c07162c8b5ccde0668961df86803482cb37ed6d5c0bb8d50cf1f50d476aa0458bdaba806f48be9dcb8',
    );
  });

  it('gives uniform integers without modulo bias', () => {
    const d = new HmacDrbg('sm3', Buffer.from('seed'));
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[d.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });
});

describe('the draw (fazhi-draw/v1)', () => {
  it('re-runs from the revealed seed to the identical assignment, and a different seed differs', () => {
    const secret = randomBytes(32);
    const input = base();
    const digest = candidatesDigest(input);
    const seed = drawSeed('sm3', secret, 'a-future-tree-head-root', digest);
    const first = runDraw(input, seed);
    // an auditor re-builds the input from the published lists (in any order) and the revealed secret
    const again = runDraw(
      { ...base(), targets: [...input.targets].reverse() },
      drawSeed('sm3', secret, 'a-future-tree-head-root', candidatesDigest({ ...base(), targets: [...input.targets].reverse() })),
    );
    expect(again).toEqual(first);
    expect(runDraw(input, drawSeed('sm3', randomBytes(32), 'a-future-tree-head-root', digest))).not.toEqual(first);
    expect(commitmentOf('sm3', secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies the ratio of each risk class (scenario 4: 5 % B, 10 % C, 20 % D)', () => {
    const { assignments } = runDraw(base(), Buffer.from('seed'));
    const classOf = new Map(base().targets.map((t) => [t.id, t.riskClass]));
    const per = { A: 0, B: 0, C: 0, D: 0 };
    for (const a of assignments) per[classOf.get(a.targetId)!]++;
    expect(per).toEqual({ A: 24, B: 40, C: 80, D: 160 });
  });

  it('draws a fixed number of targets for a class when the task sets one (抽查户数), and the digest commits to it', () => {
    const input = base({ counts: { B: 7, D: 0 } });
    const { assignments } = runDraw(input, Buffer.from('seed'));
    const classOf = new Map(input.targets.map((t) => [t.id, t.riskClass]));
    const per = { A: 0, B: 0, C: 0, D: 0 };
    for (const a of assignments) per[classOf.get(a.targetId)!]++;
    expect(per).toEqual({ A: 24, B: 7, C: 80, D: 0 });
    expect(candidatesDigest(input)).not.toBe(candidatesDigest(base()));
    expect(candidatesDigest(base({ counts: {} }))).toBe(candidatesDigest(base()));
    expect(() => runDraw(base({ counts: { A: -1 } }), Buffer.from('x'))).toThrow(RangeError);
  });

  it('never assigns a recused inspector, puts two different units on each team and balances load', () => {
    const targets = pool(400);
    const recusals = { I000: targets.map((t) => t.id), I001: targets.slice(0, 200).map((t) => t.id) };
    const { assignments, problems } = runDraw(base({ targets, ratios: { A: 1, B: 1, C: 1, D: 1 }, recusals }), Buffer.from('x'));
    expect(problems).toEqual([]);
    const unit = new Map(inspectors(38).map((i) => [i.id, i.unitId]));
    const load = new Map<string, number>();
    for (const a of assignments) {
      expect(a.inspectorIds).toHaveLength(2);
      expect(a.inspectorIds).not.toContain('I000');
      if (recusals.I001.includes(a.targetId)) expect(a.inspectorIds).not.toContain('I001');
      expect(unit.get(a.inspectorIds[0])).not.toBe(unit.get(a.inspectorIds[1]));
      for (const i of a.inspectorIds) load.set(i, (load.get(i) ?? 0) + 1);
    }
    const loads = [...load.entries()].filter(([i]) => i !== 'I000' && i !== 'I001').map(([, n]) => n);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('reports targets that cannot be staffed instead of breaking the rules', () => {
    const targets = pool(4);
    const r = runDraw(
      base({
        targets,
        inspectors: [
          { id: 'I1', unitId: 'U' },
          { id: 'I2', unitId: 'U' },
        ],
        ratios: { A: 1, B: 1, C: 1, D: 1 },
      }),
      Buffer.from('x'),
    );
    expect(r.assignments).toEqual([]);
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0].message).toContain('不同科所');
  });

  it('rejects a ratio over 100 %', () => {
    expect(() => runDraw(base({ ratios: { A: 0, B: 1.2, C: 0, D: 0 } }), Buffer.from('x'))).toThrow(/比例/);
  });

  it('changes the candidates digest when any list or rule changes', () => {
    const d = candidatesDigest(base());
    expect(candidatesDigest(base({ perTarget: 3 }))).not.toBe(d);
    expect(candidatesDigest(base({ recusals: { I005: ['T000001'] } }))).not.toBe(d);
    expect(candidatesDigest(base({ inspectors: inspectors(37) }))).not.toBe(d);
  });
});
