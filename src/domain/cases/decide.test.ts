import { describe, expect, it } from 'vitest';
import type { PenaltyRecommendation } from '../discretion/model.ts';
import { exceedsNotice, hearingRights, isMitigated, onSiteCollectionAllowed, summaryAllowed, deviations, majorDecision } from './decide.ts';
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
  it('"对公民处以二百元以下……罚款": the limit applies to the total of the decision, not to each fine line', () => {
    // two lines of 150 元 each: 300 元 in total, above the 200 元 a citizen may be fined on the spot
    const two = [
      { kind: 'fine' as const, amountFen: 15_000 },
      { kind: 'fine' as const, amountFen: 15_000 },
    ];
    const r = summaryAllowed('naturalPerson', two);
    expect(r.allowed).toBe(false);
    expect(r.reason).toContain('合计');
    expect(summaryAllowed('organisation', two).allowed).toBe(true);
    expect(summaryAllowed('organisation', [...two, { kind: 'fine', amountFen: 1 }, { kind: 'fine', amountFen: 270_000 }]).allowed).toBe(false);
  });
  it('a 减轻 result is never decided on the spot (第五十一条 with 第五十七条第二款)', () => {
    const r = summaryAllowed('organisation', [{ kind: 'fine', amountFen: 100_000 }], 'mitigatedBelowRange');
    expect(r.allowed).toBe(false);
    expect(r.reason).toContain('第五十七条第二款');
    expect(isMitigated('mitigatedBelowRange', [], null)).toBe(true);
    expect(isMitigated('lighter', [{ kind: 'fine', amountFen: 4_999 }], 5_000)).toBe(true);
    expect(isMitigated('lighter', [{ kind: 'fine', amountFen: 5_000 }], 5_000)).toBe(false);
    expect(isMitigated('standard', [{ kind: 'warning' }], 5_000)).toBe(false);
  });
});

describe('听证权利 (行政处罚法 第六十三条)', () => {
  // "（一）较大数额罚款；（二）没收较大数额违法所得、没收较大价值非法财物；（三）降低资质等级、吊销许可证件；
  //  （四）责令停产停业、责令关闭、限制从业；（五）其他较重的行政处罚"
  const limit = 500_000; // a citizen's 较大数额 of 5,000 元
  it('sums the fine, the confiscated gains and the value of the confiscated property against the 较大数额', () => {
    expect(hearingRights([{ kind: 'fine', amountFen: 400_000 }], limit).eligible).toBe(false);
    const sum = hearingRights(
      [
        { kind: 'fine', amountFen: 400_000 },
        { kind: 'confiscateIllegalGains', amountFen: 60_000 },
        { kind: 'confiscateIllegalProperty', amountFen: 40_000 },
      ],
      limit,
    );
    expect(sum.eligible).toBe(true);
    expect(sum.reasons[0]).toContain('合计');
    expect(hearingRights([{ kind: 'fine', amountFen: 900_000 }], limit).eligible).toBe(true);
  });
  it('counts every listed kind whatever the amount, and 限制开展生产经营活动 as 其他较重的行政处罚', () => {
    for (const kind of ['lowerQualification', 'revokeLicence', 'suspendBusiness', 'closure', 'restrictEmployment', 'restrictBusiness'] as const)
      expect(hearingRights([{ kind }], limit).eligible, kind).toBe(true);
    expect(hearingRights([{ kind: 'restrictBusiness' }], limit).reasons[0]).toContain('第（五）项');
    expect(hearingRights([{ kind: 'warning' }, { kind: 'publicCriticism' }], limit).eligible).toBe(false);
  });
});

describe('不得给予更重的处罚 (行政处罚法 第四十四条、第四十五条第二款、第六十二条)', () => {
  // "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容" (第四十四条);
  // "行政机关不得因当事人陈述、申辩而给予更重的处罚" (第四十五条第二款)
  it('a larger amount or a kind not announced exceeds the notice; the same or less does not', () => {
    const notified = [{ kind: 'fine' as const, amountFen: 400_000 }];
    expect(exceedsNotice(notified, [{ kind: 'fine', amountFen: 900_000 }])[0]).toContain('超过告知的');
    expect(exceedsNotice(notified, [{ kind: 'fine', amountFen: 400_000 }])).toEqual([]);
    expect(exceedsNotice(notified, [{ kind: 'fine', amountFen: 300_000 }])).toEqual([]);
    expect(exceedsNotice(notified, [{ kind: 'fine', amountFen: 300_000 }, { kind: 'revokeLicence' }])[0]).toContain('未告知');
    // a warning in place of the announced fine is lighter
    expect(exceedsNotice(notified, [{ kind: 'warning' }])).toEqual([]);
    // two fine lines are one amount
    expect(
      exceedsNotice(notified, [
        { kind: 'fine', amountFen: 300_000 },
        { kind: 'fine', amountFen: 200_000 },
      ]),
    ).toHaveLength(1);
  });
});

describe('当场收缴罚款 (行政处罚法 第六十八条、第六十九条、第七十条)', () => {
  const codes = (x: { code: string }[]) => x.map((p) => p.code);
  it('"依法给予一百元以下罚款的" — 100 元 or less, with the 专用票据', () => {
    expect(onSiteCollectionAllowed(10_000, { ground: 'smallFine', receiptNo: 'FS-1' })).toEqual([]);
    expect(codes(onSiteCollectionAllowed(10_001, { ground: 'smallFine', receiptNo: 'FS-1' }))).toEqual(['ONSITE_COLLECTION_NOT_ALLOWED']);
  });
  it('"不当场收缴事后难以执行的" and remote areas (第六十九条) need a recorded reason', () => {
    expect(codes(onSiteCollectionAllowed(15_000, { ground: 'hardToEnforce', receiptNo: 'FS-1' }))).toEqual(['ONSITE_COLLECTION_NOT_ALLOWED']);
    expect(onSiteCollectionAllowed(15_000, { ground: 'hardToEnforce', reason: '外地流动摊贩，无固定住所', receiptNo: 'FS-1' })).toEqual([]);
    expect(onSiteCollectionAllowed(15_000, { ground: 'remoteArea', reason: '当事人提出：山区无银行网点', receiptNo: 'FS-1' })).toEqual([]);
    expect(codes(onSiteCollectionAllowed(15_000, {}))).toEqual(['ONSITE_COLLECTION_NOT_ALLOWED', 'RECEIPT_MISSING']);
  });
  it('"不出具财政部门统一制发的专用票据的，当事人有权拒绝缴纳罚款" (第七十条): the receipt number is required', () => {
    expect(codes(onSiteCollectionAllowed(5_000, { ground: 'smallFine' }))).toEqual(['RECEIPT_MISSING']);
  });
});
