/**
 * The case workflow's guards as pure functions: what `load` read goes in as plain objects, no database.
 * Each test names the article of 行政处罚法 the guard enforces.
 */
import { describe, expect, it } from 'vitest';
import type { PenaltyRecommendation } from '../src/domain/discretion/model.ts';
import { avRecorded, deviationAccepted, evidenceComplete, notInvestigator, windowsClosed, withinLimitation } from '../src/modules/cases/guards.ts';
import { discussionComplete } from '../src/modules/cases/transitions/discuss.ts';
import { decisionComplete, majorDecisionPrepared } from '../src/modules/cases/transitions/decide.ts';
import type { CaseRow, DiscussionRow, ReviewRow } from '../src/modules/cases/store.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('追责时效 (行政处罚法 第三十六条)', () => {
  const limitation = { violationDate: '2024-03-01', years: 2, due: '2026-03-02' };
  it('allows an act inside the period, refuses one after it and a violation dated after the act', () => {
    expect(withinLimitation(limitation, '2026-03-02')).toEqual([]);
    const late = withinLimitation(limitation, '2026-03-03');
    expect(codes(late)).toEqual(['LIMITATION_EXPIRED']);
    expect(late[0].message).toContain('行政处罚法 第三十六条');
    expect(codes(withinLimitation({ ...limitation, violationDate: '2026-04-01' }, '2026-03-01'))).toEqual(['VIOLATION_DATE_IN_FUTURE']);
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
