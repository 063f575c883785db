// The legality review's rules are pure: the gate, the opinion's completeness, the minimum review time and the periods
// per province are checked here with plain objects — no database.
import { describe, expect, it } from 'vitest';
import { legalityGate, minimumPeriodProblem, opinionProblems, reviewKinds, reviewPeriodsFor } from '../src/domain/legality/rules.ts';
import { advisersConsulted } from '../src/modules/legality/transitions/conclude.ts';
import { adviserUsable } from '../src/modules/legality/transitions/consultAdviser.ts';
import { reviewPassed, signedFileFiled } from '../src/modules/contracts/transitions/sign.ts';

const all = (kind: keyof typeof reviewKinds, verdict: 'pass' | 'fail' | 'notApplicable' = 'pass') =>
  reviewKinds[kind].checklist.map((i) => ({ item: i.id, verdict, note: verdict === 'fail' ? '理由' : null }));

describe('legality rules (pure)', () => {
  it('the gate: none, running, returned, 不合法 stop; 合法 and 修改后合法 pass (第二十五条第二款)', () => {
    expect(legalityGate('majorPolicyDecision', null)?.code).toBe('LEGALITY_REVIEW_MISSING');
    expect(legalityGate('majorPolicyDecision', { state: 'underReview', opinion: null })?.code).toBe('LEGALITY_REVIEW_PENDING');
    expect(legalityGate('normativeDocument', { state: 'returned', opinion: null })?.code).toBe('LEGALITY_REVIEW_PENDING');
    expect(legalityGate('contract', { state: 'concluded', opinion: 'unlawful' })?.message).toContain('不得签订');
    expect(legalityGate('majorPolicyDecision', { state: 'concluded', opinion: 'lawful' })).toBeNull();
    expect(legalityGate('majorPolicyDecision', { state: 'concluded', opinion: 'lawfulAfterChanges' })).toBeNull();
  });

  it('the opinion: every item answered, reasons for 不符合 and for 修改后合法 / 不合法, no 合法 with a 不符合', () => {
    expect(opinionProblems('contract', { checklist: all('contract'), opinion: 'lawful' })).toEqual([]);
    expect(opinionProblems('contract', { checklist: all('contract').slice(1), opinion: 'lawful' }).map((p) => p.code)).toEqual([
      'LEGALITY_CHECKLIST_INCOMPLETE',
    ]);
    expect(opinionProblems('contract', { checklist: [...all('contract'), { item: 'nope', verdict: 'pass' }], opinion: 'lawful' }).map((p) => p.code)).toEqual([
      'LEGALITY_CHECKLIST_INCOMPLETE',
    ]);
    const failNoNote = all('contract', 'fail').map((a) => ({ ...a, note: ' ' }));
    expect(opinionProblems('contract', { checklist: failNoNote, opinion: 'unlawful', reasons: '理由' }).map((p) => p.code)).toEqual(['REASON_REQUIRED']);
    expect(opinionProblems('contract', { checklist: all('contract'), opinion: 'lawfulAfterChanges' }).map((p) => p.code)).toEqual(['REASON_REQUIRED']);
    expect(opinionProblems('contract', { checklist: all('contract', 'fail'), opinion: 'lawful' }).map((p) => p.code)).toEqual([
      'LEGALITY_OPINION_INCONSISTENT',
    ]);
  });

  it('the minimum review time: before its end only with a reason; on its last day without', () => {
    expect(minimumPeriodProblem('2026-10-12', '2026-10-13', '', '')?.code).toBe('LEGALITY_REVIEW_TOO_EARLY');
    expect(minimumPeriodProblem('2026-10-12', '2026-10-13', '会议定于次日召开', '')).toBeNull();
    expect(minimumPeriodProblem('2026-10-13', '2026-10-13', null, '')).toBeNull();
    expect(minimumPeriodProblem('2026-10-01', null, null, '')).toBeNull();
  });

  it('the periods: the national defaults with their rules where a province has set none', () => {
    expect(reviewPeriodsFor('majorPolicyDecision', '990105')).toEqual({ minimumRule: 'legality.minimum.majorPolicyDecision', limitRule: null });
    expect(reviewPeriodsFor('normativeDocument', null)).toEqual({
      minimumRule: 'legality.minimum.normativeDocument',
      limitRule: 'legality.limit.normativeDocument',
    });
    expect(reviewPeriodsFor('contract', '440105')).toEqual({ minimumRule: null, limitRule: null });
  });

  it('第二十八条: advisers first where required; only an adviser of the body chain, in term', () => {
    const review = { kind: 'majorPolicyDecision', advisersRequired: true } as never;
    expect(advisersConsulted({ facts: { review, consultations: [] } }).map((p) => p.code)).toEqual(['LEGALITY_ADVISERS_REQUIRED']);
    expect(advisersConsulted({ facts: { review, consultations: [{}] as never } })).toEqual([]);
    const adviser = { orgId: 'district', termStart: '2026-01-01', termEnd: '2026-12-31' } as never;
    expect(adviserUsable({ input: { givenOn: '2026-06-01' }, facts: { adviser, chain: ['district', 'city'] } })).toEqual([]);
    expect(adviserUsable({ input: { givenOn: '2027-01-01' }, facts: { adviser, chain: ['district', 'city'] } }).map((p) => p.code)).toEqual([
      'LEGAL_ADVISER_NOT_FOUND',
    ]);
    expect(adviserUsable({ input: { givenOn: '2026-06-01' }, facts: { adviser, chain: ['district2', 'city'] } }).map((p) => p.code)).toEqual([
      'LEGAL_ADVISER_NOT_FOUND',
    ]);
  });

  it('signing: the gate and the signed file, each alone', () => {
    const problem = { code: 'LEGALITY_REVIEW_UNLAWFUL' as const, message: '经合法性审查不合法' };
    const facts = (legality: typeof problem | null, fileIds: string[]) => ({ contract: {} as never, legality, fileIds });
    expect(reviewPassed({ facts: facts(problem, ['f']) }).map((p) => p.code)).toEqual(['LEGALITY_REVIEW_UNLAWFUL']);
    expect(reviewPassed({ facts: facts(null, []) })).toEqual([]);
    expect(signedFileFiled({ input: { signedFileId: 'f' }, facts: facts(null, []) }).map((p) => p.code)).toEqual(['CONTRACT_FILE_REQUIRED']);
    expect(signedFileFiled({ input: { signedFileId: 'f' }, facts: facts(null, ['f']) })).toEqual([]);
  });
});
