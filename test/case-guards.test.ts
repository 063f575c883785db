/**
 * The case workflow's guards as pure functions: what `load` read goes in as plain objects, no database.
 * Each test names the article of 行政处罚法 the guard enforces.
 */
import { describe, expect, it } from 'vitest';
import type { PenaltyRecommendation } from '../src/domain/discretion/model.ts';
import {
  avRecorded,
  deviationAccepted,
  evidenceComplete,
  notInvestigator,
  windowsClosed,
  withinLimitation,
  noticeCovers,
  mitigationDiscussed,
  collectionAllowed,
  notReserved,
} from '../src/modules/cases/guards.ts';
import { actsPending } from '../src/modules/cases/transitions/close.ts';
import { discussionComplete } from '../src/modules/cases/transitions/discuss.ts';
import { decisionComplete, majorDecisionPrepared, sinceRenotice } from '../src/modules/cases/transitions/decide.ts';
import { handoverDue } from '../src/modules/cases/transitions/handOverFine.ts';
import type { CaseRow, DiscussionRow, ReviewRow } from '../src/modules/cases/store.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('追责时效 (行政处罚法 第三十六条 "违法行为在二年内未被发现的，不再给予行政处罚")', () => {
  // Changed (issue 10 item 8): the guard used to measure the limitation at the act's date (filing) and to
  // move its end off a Sunday (2026-03-01 → 03-02). It is the *discovery* (the lead's date) that must fall
  // within the two years, and the end is the anniversary itself.
  const limitation = {
    violationDate: '2024-03-01',
    discoveredOn: '2026-03-01',
    lifeHealth: false,
    ruleId: 'penalty.limitation' as const,
    years: 2,
    due: '2026-03-01',
    article: '行政处罚法 第三十六条',
    note: '二年',
  };
  it('allows a violation discovered on the last day, whenever the case is filed; refuses one discovered a day later', () => {
    expect(withinLimitation(limitation, '2026-03-02')).toEqual([]);
    expect(withinLimitation(limitation, '2027-06-30')).toEqual([]); // filed long after: discovery decides
    const late = withinLimitation({ ...limitation, discoveredOn: '2026-03-02' }, '2026-03-02');
    expect(codes(late)).toEqual(['LIMITATION_EXPIRED']);
    expect(late[0].message).toContain('行政处罚法 第三十六条');
    expect(late[0].message).toContain('2026-03-02 才被发现');
  });
  it('refuses a violation dated after the act, and allows a continuing act that ends after its discovery', () => {
    expect(codes(withinLimitation({ ...limitation, violationDate: '2026-04-01' }, '2026-03-01'))).toEqual(['VIOLATION_DATE_IN_FUTURE']);
    expect(withinLimitation({ ...limitation, violationDate: '2026-02-20', discoveredOn: '2026-01-10', due: '2028-02-20' }, '2026-03-01')).toEqual([]);
  });
});

describe('告知与陈述申辩、听证 (行政处罚法 第四十四条、第六十四条)', () => {
  const noticed = {
    notice: { noticeOn: '2025-05-06', servedOn: '2025-05-06', hearingEligible: true, instrumentNumbers: ['告〔2025〕1号'] },
    proposed: [{ kind: 'warning' as const }],
    waivers: {},
    hearing: null,
  } satisfies Pick<CaseRow, 'notice' | 'proposed' | 'waivers' | 'hearing'>;
  const statement = { ruleId: 'penalty.statement', due: '2025-05-13', label: '陈述申辩' };

  it('no decision on a penalty never announced (第四十四条)', () => {
    const r = windowsClosed({ ...noticed, notice: null }, [], '2025-05-20');
    expect(codes(r)).toEqual(['PRIOR_NOTICE_MISSING']);
    expect(r[0].message).toContain('第四十四条');
    expect(windowsClosed({ ...noticed, notice: null, proposed: [] }, [], '2025-05-20')).toEqual([]);
  });

  it('waits for the open window unless the right was waived in writing, and for a requested hearing', () => {
    expect(codes(windowsClosed(noticed, [statement], '2025-05-13'))).toEqual(['DEFENCE_WINDOW_OPEN']);
    expect(windowsClosed(noticed, [statement], '2025-05-14')).toEqual([]);
    expect(windowsClosed({ ...noticed, waivers: { statement: '2025-05-07' } }, [statement], '2025-05-08')).toEqual([]);
    expect(codes(windowsClosed({ ...noticed, hearing: { requestedOn: '2025-05-08' } }, [], '2025-05-20'))).toEqual(['HEARING_PENDING']);
  });
});

describe('音像记录 and the evidence before closing the investigation', () => {
  const files = [
    { id: 'f1', contentType: 'video/mp4' },
    { id: 'f2', contentType: 'application/pdf' },
  ];
  it('needs an audio or video file of this case', () => {
    expect(avRecorded('hearing', ['f1'], files)).toEqual([]);
    expect(codes(avRecorded('hearing', ['f2'], files))).toEqual(['AV_RECORD_MISSING']);
    expect(codes(avRecorded('hearing', ['f9'], files))).toEqual(['EVIDENCE_FILE_UNKNOWN']);
  });
  it('needs at least one item of evidence, each of a recorded kind with its record', () => {
    expect(codes(evidenceComplete([], () => null, files))).toEqual(['EVIDENCE_MISSING']);
    const site = { kind: 'siteInspection', title: '现场检查', fileIds: ['f2'] };
    const r = evidenceComplete([site], (k) => (k === 'siteInspection' ? 'siteInspection' : null), files);
    expect(codes(r)).toEqual(['AV_RECORD_MISSING']);
    expect(r[0].message).toContain('证据“现场检查”');
  });
});

describe('审核 by someone who did not investigate (行政处罚法 第五十八条)', () => {
  it('refuses an investigator as reviewer', () => {
    expect(codes(notInvestigator(['o1', 'o2'], { id: 'o1', name: '张三' }, '法制审核'))).toEqual(['REVIEWER_IS_INVESTIGATOR']);
    expect(notInvestigator(['o1', 'o2'], { id: 'o3', name: '李四' }, '法制审核')).toEqual([]);
    expect(notInvestigator(['o1'], null, '案件审核')).toEqual([]);
  });
});

describe('裁量基准 (行政处罚法 第三十四条): a penalty outside the recommendation', () => {
  const fine: PenaltyRecommendation = {
    kind: 'fine',
    label: '罚款',
    applies: 'required',
    range: { minFen: 500_000, maxFen: 1_000_000, upperExclusive: false },
    amountFen: null,
    note: '',
    articleId: 'a1',
  } as PenaltyRecommendation;
  const c = { discretion: { penalties: [fine] } } as Pick<CaseRow, 'discretion'>;
  const outside = [{ kind: 'fine' as const, amountFen: 2_000_000 }];
  const accepted: Pick<ReviewRow, 'acceptsDeviation'>[] = [{ acceptsDeviation: true }];
  it('follows the recommendation, or gives a reason that a review accepted', () => {
    expect(deviationAccepted(c, [{ kind: 'fine', amountFen: 800_000 }], null, [])).toEqual([]);
    expect(codes(deviationAccepted(c, outside, null, null))).toEqual(['DISCRETION_DEVIATION_UNEXPLAINED']);
    expect(deviationAccepted(c, outside, '情节特别严重', null)).toEqual([]);
    expect(codes(deviationAccepted(c, outside, '情节特别严重', [{ acceptsDeviation: false }]))).toEqual(['DISCRETION_DEVIATION_NOT_ACCEPTED']);
    expect(deviationAccepted(c, outside, '情节特别严重', accepted)).toEqual([]);
  });
});

describe('决定 (行政处罚法 第五十七条、第五十八条、第五十九条)', () => {
  const base = { penalties: [], reason: undefined, noPenaltyReason: undefined, instrumentData: undefined };
  it('states the penalty and its amount, or the reason for none (第五十九条)', () => {
    expect(codes(decisionComplete({ ...base, outcome: 'penalty' }))).toEqual(['PENALTY_MISSING']);
    expect(codes(decisionComplete({ ...base, outcome: 'noPenalty' }))).toEqual(['NO_PENALTY_REASON_MISSING']);
    expect(codes(decisionComplete({ ...base, outcome: 'penalty', penalties: [{ kind: 'fine' }] }))).toEqual(['PENALTY_AMOUNT_MISSING']);
    expect(decisionComplete({ ...base, outcome: 'penalty', penalties: [{ kind: 'fine', amountFen: 100 }] })).toEqual([]);
  });

  const major = { major: true, reasons: [{ criterion: 'largeFine' as never, text: '较大数额罚款', basis: '' }] };
  const review = (opinion: ReviewRow['opinion']) => ({ kind: 'legalReview', opinion }) as ReviewRow;
  const discussion = (decision: string) => ({ decision }) as DiscussionRow;
  it('a major decision needs a legal review that did not disagree (第五十八条) and a discussion that agrees (第五十七条第二款)', () => {
    expect(majorDecisionPrepared({ major: false, reasons: [] }, [], [], 'penalty')).toEqual([]);
    const none = majorDecisionPrepared(major, [], [], 'penalty');
    expect(codes(none)).toEqual(['LEGAL_REVIEW_REQUIRED', 'COLLECTIVE_DISCUSSION_REQUIRED']);
    expect(none[0].message).toContain('第五十八条');
    expect(none[1].message).toContain('第五十七条第二款');
    expect(codes(majorDecisionPrepared(major, [review('disagree')], [discussion('penalty')], 'penalty'))).toEqual(['LEGAL_REVIEW_REQUIRED']);
    expect(codes(majorDecisionPrepared(major, [review('agree')], [discussion('noPenalty')], 'penalty'))).toEqual(['DECISION_DIFFERS_FROM_DISCUSSION']);
    expect(majorDecisionPrepared(major, [review('agree')], [discussion('penalty')], 'penalty')).toEqual([]);
  });

  it('a collective discussion has its quorum and every attendee’s opinion (第五十七条第二款)', () => {
    expect(codes(discussionComplete({ attendees: [{ name: '王局长' }], opinions: [{ name: '王局长', opinion: '同意' }] }))).toEqual(['DISCUSSION_QUORUM']);
    const three = [{ name: '甲' }, { name: '乙' }, { name: '丙' }];
    expect(codes(discussionComplete({ attendees: three, opinions: [{ name: '甲', opinion: '同意' }] }))).toContain('DISCUSSION_OPINION_MISSING');
  });
});

describe('告知后不得加重 (行政处罚法 第四十四条、第四十五条第二款、第六十二条、第六十三条) — issue 10 item 1', () => {
  // "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容" (第四十四条);
  // "行政机关不得因当事人陈述、申辩而给予更重的处罚" (第四十五条第二款)
  const notice = { noticeOn: '2026-10-12', servedOn: '2026-10-12', hearingEligible: false, instrumentNumbers: ['告〔2026〕1号'] };
  const c = { notice: { ...notice, penalties: [{ kind: 'fine' as const, amountFen: 400_000 }] }, proposed: [{ kind: 'fine' as const, amountFen: 400_000 }] };
  const none = { eligible: false, reasons: [] };
  it('compares the decision with the last notice, not with the proposal', () => {
    expect(noticeCovers(c, [{ kind: 'fine', amountFen: 400_000 }], none)).toEqual([]);
    const heavier = noticeCovers(c, [{ kind: 'fine', amountFen: 900_000 }], none);
    expect(codes(heavier)).toEqual(['DECISION_EXCEEDS_NOTICE']);
    expect(heavier[0].message).toContain('第四十五条第二款');
    // the proposal changed after the notice: the notice is what counts
    expect(codes(noticeCovers({ ...c, proposed: [{ kind: 'fine', amountFen: 900_000 }] }, [{ kind: 'fine', amountFen: 900_000 }], none))).toEqual([
      'DECISION_EXCEEDS_NOTICE',
    ]);
    // a notice recorded before it kept its penalties: the proposal it announced
    expect(noticeCovers({ notice, proposed: [{ kind: 'fine', amountFen: 900_000 }] }, [{ kind: 'fine', amountFen: 900_000 }], none)).toEqual([]);
  });
  it('hearing rights the decided penalty gives but the notice did not announce (第六十三条) need a new notice', () => {
    const rights = { eligible: true, reasons: ['罚没金额合计 9,000.00 元 达到较大数额'] };
    expect(codes(noticeCovers(c, [{ kind: 'fine', amountFen: 400_000 }], rights))).toEqual(['HEARING_RIGHTS_NOT_NOTIFIED']);
    expect(noticeCovers({ ...c, notice: { ...c.notice, hearingEligible: true } }, [{ kind: 'fine', amountFen: 400_000 }], rights)).toEqual([]);
    expect(noticeCovers({ notice: null, proposed: [] }, [{ kind: 'fine', amountFen: 400_000 }], rights)).toEqual([]);
  });
});

describe('不予处罚、免予处罚 (行政处罚法 第三十条、第三十一条、第三十三条) — issue 10 item 3', () => {
  const base = { penalties: [], reason: undefined, noPenaltyReason: '理由', instrumentData: undefined };
  it('不予处罚 names its ground of the law; 免予处罚 needs the 免罚清单 entry the discretion result applied', () => {
    expect(codes(decisionComplete({ ...base, outcome: 'noPenalty' }))).toEqual(['NO_PENALTY_GROUND_MISSING']);
    expect(decisionComplete({ ...base, outcome: 'noPenalty', noPenaltyGround: 'underFourteen' })).toEqual([]);
    expect(codes(decisionComplete({ ...base, outcome: 'exempted' }, null))).toEqual(['EXEMPTION_LIST_MISSING']);
    expect(codes(decisionComplete({ ...base, outcome: 'exempted' }, { exempt: true, exemption: { list: null, label: '第三十三条', articleId: 'x' } }))).toEqual(
      ['EXEMPTION_LIST_MISSING'],
    );
    expect(
      decisionComplete({ ...base, outcome: 'exempted' }, { exempt: true, exemption: { list: 'firstOffenceExemption', label: '首违不罚', articleId: 'x' } }),
    ).toEqual([]);
    expect(codes(decisionComplete({ ...base, noPenaltyReason: undefined, outcome: 'exempted' }))).toEqual(['NO_PENALTY_REASON_MISSING']);
  });
});

describe('减轻处罚 and 当场收缴 — issue 10 items 5 and 12', () => {
  it('"对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定" (第五十七条第二款): 减轻 needs the discussion', () => {
    expect(codes(mitigationDiscussed(true, []))).toEqual(['COLLECTIVE_DISCUSSION_REQUIRED']);
    expect(mitigationDiscussed(true, [{ decision: 'penalty' }])).toEqual([]);
    expect(mitigationDiscussed(false, [])).toEqual([]);
  });
  it('当场收缴 only when collected; "执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关" (第七十一条): handed over once', () => {
    expect(collectionAllowed(false, 50_000, {})).toEqual([]);
    expect(codes(collectionAllowed(true, 50_000, { ground: 'smallFine', receiptNo: 'FS-1' }))).toEqual(['ONSITE_COLLECTION_NOT_ALLOWED']);
    const collection = { ground: 'smallFine' as const, reason: null, receiptNo: 'FS-1', collectedOn: '2026-11-20', amountFen: 5_000 };
    const decision = { outcome: 'penalty' as const, penalties: [], decidedOn: '2026-11-20', instrumentId: 'i', number: 'n', collection };
    expect(handoverDue({ decision }, { handedOverOn: '2026-11-23' })).toEqual([]);
    expect(codes(handoverDue({ decision }, { handedOverOn: '2026-11-19' }))).toEqual(['HANDOVER_NOT_DUE']);
    expect(
      codes(handoverDue({ decision: { ...decision, collection: { ...collection, handedOverOn: '2026-11-23' } } }, { handedOverOn: '2026-11-24' })),
    ).toEqual(['HANDOVER_NOT_DUE']);
    expect(codes(handoverDue({ decision: null }, { handedOverOn: '2026-11-24' }))).toEqual(['HANDOVER_NOT_DUE']);
  });
});

describe('重新告知后 the earlier legal review and discussion no longer count (行政处罚法 第五十七条第二款、第五十八条)', () => {
  const notice = { noticeOn: '2026-10-20', servedOn: '2026-10-20', hearingEligible: true, instrumentNumbers: [] };
  const rows = [
    { kind: 'caseAudit', on: '2026-10-09' },
    { kind: 'legalReview', on: '2026-10-15' },
    { kind: 'legalReview', on: '2026-10-21' },
  ];
  const dateOf = (r: { kind: string; on: string }) => (r.kind === 'legalReview' ? r.on : null);
  it('keeps what was held on or after the new notice, and the 案件审核 before any notice', () => {
    expect(sinceRenotice({ notice: { ...notice, renotice: { reason: '加重', previous: [] } } }, rows, dateOf).map((r) => r.on)).toEqual([
      '2026-10-09',
      '2026-10-21',
    ]);
    expect(sinceRenotice({ notice }, rows, dateOf)).toHaveLength(3);
    expect(sinceRenotice({ notice: null }, rows, dateOf)).toHaveLength(3);
  });
});

describe('处罚由其他机关决定 (药品管理法 第一百三十九条) — issue 10 item 11', () => {
  // "本法第一百一十五条至第一百三十八条规定的行政处罚，由县级以上人民政府药品监督管理部门按照职责分工决定；撤销许可、吊销许可证件的，由原批准、发证的部门决定。"
  const reservedTo = { authority: '原批准、发证的部门', articleId: '药品管理法@2019-08-26#第一百三十九条', text: '吊销药品经营许可证' };
  const discretion = {
    penalties: [
      { kind: 'fine', reservedTo: null },
      { kind: 'revokeLicence', reservedTo },
    ],
  } as unknown as CaseRow['discretion'];
  it('the bureau fines, and may not revoke the licence another department issued; it recommends it', () => {
    expect(notReserved({ discretion }, [{ kind: 'fine', amountFen: 5_000_000 }])).toEqual([]);
    const p = notReserved({ discretion }, [
      { kind: 'fine', amountFen: 5_000_000 },
      { kind: 'revokeLicence', note: '药品经营许可证' },
    ]);
    expect(codes(p)).toEqual(['PENALTY_RESERVED']);
    expect(p[0].message).toContain('原批准、发证的部门');
    expect(p[0].message).toContain('药品管理法 第一百三十九条');
    expect(notReserved({ discretion: null }, [{ kind: 'revokeLicence' }])).toEqual([]);
  });
});

describe('结案 waits for the acts the law times (行政处罚法 第五十六条、第七十一条)', () => {
  it('"应当在七日内及时作出处理决定" and "应当自收缴罚款之日起二日内，交至行政机关": open, the case is not closed', () => {
    expect(actsPending({ handover: [], preservations: [] })).toEqual([]);
    expect(codes(actsPending({ handover: [{ due: '2026-11-24' }], preservations: [] }))).toEqual(['HANDOVER_PENDING']);
    const p = actsPending({ handover: [], preservations: [{ due: '2026-10-15' }] });
    expect(codes(p)).toEqual(['PRESERVATION_PENDING']);
    expect(p[0].message).toContain('2026-10-15');
    expect(p[0].message).toContain('第五十六条');
  });
});
