import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleRules } from '../../seed/discretion/rules.ts';
import { calculateDiscretion } from './calculate.ts';
import { goldenMismatches, loadGoldenCases } from './golden/cases.ts';
import { DiscretionInputError } from './statute.ts';
import { validateBenchmark, validateViolation } from './validate.ts';

const rules = sampleRules('district');
const chain = ['station2', 'district', 'city'];
const cases = loadGoldenCases();

describe('golden cases of the sample catalogue', () => {
  it('covers every sample violation, and at least 25 of them', () => {
    const covered = new Set(cases.map((c) => c.violation));
    expect(rules.violations.length).toBeGreaterThanOrEqual(25);
    expect(rules.violations.filter((v) => !covered.has(v.code)).map((v) => v.code)).toEqual([]);
  });

  it('runs every golden file of the folder', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
    expect([...new Set(cases.map((c) => c.file))].sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
  });

  it('the sample violations and benchmarks are valid', () => {
    for (const v of rules.violations) expect(validateViolation(v), v.code).toEqual([]);
    for (const b of rules.benchmarks) expect(validateBenchmark(b, rules.violations.find((v) => v.id === b.violationId)!), b.id).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.violation} ${c.name}`, () => {
      const violation = rules.violations.find((v) => v.code === c.violation);
      expect(violation, `unknown violation ${c.violation} in ${c.file}`).toBeDefined();
      const run = () =>
        calculateDiscretion(
          { violationId: violation!.id, ...c.input },
          {
            violation: violation!,
            benchmarks: rules.benchmarks.filter((b) => b.violationId === violation!.id),
            orgChain: chain,
            thresholds: rules.thresholds,
          },
        );
      if (c.expect.error) {
        expect(run).toThrow(DiscretionInputError);
        try {
          run();
        } catch (e) {
          expect((e as DiscretionInputError).code).toBe(c.expect.error);
        }
        return;
      }
      const r = run();
      expect(goldenMismatches(r, c.expect)).toEqual([]);
      // every trace step cites at least one article, and every article cited is an article id
      for (const s of r.trace) {
        expect(s.articleIds.length, s.text).toBeGreaterThan(0);
        for (const a of s.articleIds) expect(a).toMatch(/^[^@#]+@\d{4}-\d{2}-\d{2}#第[一二三四五六七八九十百零]+条(之[一二三四五六七八九十]+)?$/);
      }
    });
  }
});
