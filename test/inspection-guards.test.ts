// The inspection task's `complete` guard is pure: it decides on the loaded count of drawn targets without
// a result — checked here with plain objects, no database.
import { describe, expect, it } from 'vitest';
import { resultsEntered } from '../src/modules/inspections/transitions/complete.ts';
import { inspectionTaskWorkflow } from '../src/modules/inspections/workflow.ts';

describe('inspection task guards (pure)', () => {
  it('completing a task needs a result for every drawn target', () => {
    const missing = resultsEntered({ facts: { missing: 3 } });
    expect(missing.map((p) => p.code)).toEqual(['RESULTS_MISSING']);
    expect(missing[0].message).toContain('3 户');
    expect(resultsEntered({ facts: { missing: 0 } })).toEqual([]);
  });

  it('every transition parses its input; commit takes the announced time as an ISO instant', () => {
    const { commit, draw, complete, publish } = inspectionTaskWorkflow.transitions;
    for (const t of [draw, complete, publish]) expect(t.input!.safeParse({}).success).toBe(true);
    expect(commit.input!.safeParse({ publicAfter: new Date(0).toISOString() }).success).toBe(true);
    expect(commit.input!.safeParse({ publicAfter: 'tomorrow' }).success).toBe(false);
    expect(draw.input!.safeParse({ extra: 1 }).success).toBe(false);
  });
});
