import { describe, expect, it } from 'vitest';
import type { PenaltyRecommendation } from '../discretion/model.ts';
import { deviations, majorDecision, summaryAllowed } from './decide.ts';
import { majorCriterionIds } from './rules.ts';

describe('重大执法决定', () => {
  const threshold = { naturalPersonFen: 1_000_000, organisationFen: 10_000_000, source: '默认标准' };
  const base = { partyType: 'organisation' as const, hearingHeld: false, complex: false, publicInterest: false, criminalReferral: false };
  it('a fine at the organisation threshold is major, below it is not', () => {
    expect(majorDecision({ ...base, penalties: [{ kind: 'fine', amountFen: 10_000_000 }] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, penalties: [{ kind: 'fine', amountFen: 9_999_999 }] }, majorCriterionIds, threshold).major).toBe(false);
    expect(
      majorDecision({ ...base, partyType: 'naturalPerson', penalties: [{ kind: 'fine', amountFen: 1_000_000 }] }, majorCriterionIds, threshold).major,
    ).toBe(true);
  });
  it('revocation, suspension, a hearing and complexity are major; criteria outside the catalogue are not', () => {
    expect(majorDecision({ ...base, penalties: [{ kind: 'revokeLicence' }] }, majorCriterionIds, threshold).reasons[0].criterion).toBe('licenceRevocation');
    expect(majorDecision({ ...base, penalties: [{ kind: 'suspendBusiness' }] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, hearingHeld: true, penalties: [] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, complex: true, penalties: [] }, ['largeFine'], threshold).major).toBe(false);
  });
});

describe('penalty within the recommended range', () => {
  const rec: PenaltyRecommendation[] = [
    {
      kind: 'fine',
      label: '罚款',
      applies: 'required',
      range: { minFen: 14_080_000, maxFen: 19_712_000, upperExclusive: false } as never,
      amountFen: null,
      note: '',
      articleId: 'x',
    },
    { kind: 'confiscateIllegalProperty', label: '没收非法财物', applies: 'required', range: null, amountFen: null, note: '', articleId: 'x' },
    { kind: 'revokeLicence', label: '吊销许可证件', applies: 'none', range: null, amountFen: null, note: '', articleId: 'x' },
  ];
  it('accepts a fine inside the range with the required penalties', () => {
    expect(deviations([{ kind: 'fine', amountFen: 15_000_000 }, { kind: 'confiscateIllegalProperty' }], rec)).toEqual([]);
  });
  it('names a fine outside, a penalty not recommended and a required one left out', () => {
    const d = deviations([{ kind: 'fine', amountFen: 20_000_000 }, { kind: 'revokeLicence' }], rec);
    expect(d.map((x) => x.kind)).toEqual(['fine', 'revokeLicence', 'confiscateIllegalProperty']);
    expect(d[0].message).toContain('不在建议幅度');
  });
});

describe('当场处罚 (行政处罚法 第五十一条)', () => {
  it('allows a warning or a fine up to 200 元 for a citizen and 3,000 元 for an organisation', () => {
    expect(summaryAllowed('naturalPerson', [{ kind: 'fine', amountFen: 20_000 }]).allowed).toBe(true);
    expect(summaryAllowed('naturalPerson', [{ kind: 'fine', amountFen: 20_001 }]).allowed).toBe(false);
    expect(summaryAllowed('organisation', [{ kind: 'fine', amountFen: 300_000 }]).allowed).toBe(true);
    expect(summaryAllowed('organisation', [{ kind: 'warning' }]).allowed).toBe(true);
    expect(summaryAllowed('organisation', [{ kind: 'confiscateIllegalGains', amountFen: 100 }]).allowed).toBe(false);
    expect(summaryAllowed('organisation', []).allowed).toBe(false);
  });
});
