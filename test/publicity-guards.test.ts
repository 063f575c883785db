// The publication transitions' guards are pure: they decide on the parsed input, the loaded facts and the
// act's date, so they are checked here with plain objects — no database.
import { describe, expect, it } from 'vitest';
import { approvalSigned } from '../src/modules/publicity/transitions/approveExemption.ts';
import { correctionReasoned } from '../src/modules/publicity/transitions/correct.ts';
import { periodOver } from '../src/modules/publicity/transitions/expire.ts';
import { exemptionReasoned } from '../src/modules/publicity/transitions/proposeExemption.ts';
import { repairAllowed } from '../src/modules/publicity/transitions/repair.ts';
import { withdrawalReasoned } from '../src/modules/publicity/transitions/withdraw.ts';
import { publicationWorkflowV1 } from '../src/modules/publicity/workflow.ts';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('publication guards (pure)', () => {
  it('a correction and a withdrawal need a reason that is not blank', () => {
    expect(codes(correctionReasoned({ input: { reason: '  ' } }))).toEqual(['REASON_REQUIRED']);
    expect(codes(correctionReasoned({ input: { reason: '当事人名称有误' } }))).toEqual([]);
    expect(codes(withdrawalReasoned({ input: {} }))).toEqual(['REASON_REQUIRED']);
    expect(codes(withdrawalReasoned({ input: { reason: '原处罚决定被撤销', ground: 'revoked' } }))).toEqual([]);
  });

  // 市场监督管理行政处罚信息公示规定 第十三条："其他行政处罚信息自公示之日起届满三年的，停止公示。" The period's
  // last day (expiresOn) is still within it; publication stops the day after.
  it('expiry: only a publication with a period, and only once the period is over (第十三条 届满)', () => {
    expect(codes(periodOver({ facts: { publication: { expiresOn: null } }, date: '2030-01-01' }))).toEqual(['NO_PUBLICITY_PERIOD']);
    const running = periodOver({ facts: { publication: { expiresOn: '2029-06-30' } }, date: '2029-06-29' });
    expect(codes(running)).toEqual(['PUBLICITY_PERIOD_RUNNING']);
    expect(running[0].message).toContain('2029-06-30');
    expect(codes(periodOver({ facts: { publication: { expiresOn: '2029-06-30' } }, date: '2029-06-30' }))).toEqual(['PUBLICITY_PERIOD_RUNNING']);
    expect(periodOver({ facts: { publication: { expiresOn: '2029-06-30' } }, date: '2029-07-01' })).toEqual([]);
  });

  it('credit repair: applicant and reason, a penalty publication, and the minimum time served', () => {
    const penalty = { publication: { kind: 'penalty' as const }, repairableFrom: '2027-03-01' };
    const ok = { reason: '已履行处罚决定并完成整改', applicant: '某某有限公司', appliedOn: '2027-03-01' };
    expect(codes(repairAllowed({ input: { reason: ok.reason }, facts: penalty, date: '2027-03-01' }))).toEqual(['REASON_REQUIRED']);
    expect(codes(repairAllowed({ input: ok, facts: { publication: { kind: 'inspectionResult' }, repairableFrom: null }, date: '2027-03-01' }))).toEqual([
      'REPAIR_NOT_APPLICABLE',
    ]);
    const early = repairAllowed({ input: ok, facts: penalty, date: '2027-02-28' });
    expect(codes(early)).toEqual(['REPAIR_TOO_EARLY']);
    expect(early[0].message).toContain('2027-03-01');
    expect(repairAllowed({ input: ok, facts: penalty, date: '2027-03-01' })).toEqual([]);
  });

  it('an exemption needs a known ground and a reason; its approval a signed opinion', () => {
    expect(codes(exemptionReasoned({ input: { reason: '涉及国家秘密' } }))).toEqual(['REASON_REQUIRED']);
    expect(codes(exemptionReasoned({ input: { ground: 'nope' as never, reason: '理由' } }))).toEqual(['REASON_REQUIRED']);
    expect(exemptionReasoned({ input: { ground: 'tradeSecret', reason: '涉及商业秘密' } })).toEqual([]);
    expect(codes(approvalSigned({ input: { opinion: ' ' } }))).toEqual(['OPINION_REQUIRED']);
    expect(approvalSigned({ input: { opinion: '同意' } })).toEqual([]);
  });

  it('every transition parses its input with a schema; the system steps take an empty one', () => {
    for (const [name, t] of Object.entries(publicationWorkflowV1.transitions)) expect(t.input, name).toBeDefined();
    expect(publicationWorkflowV1.transitions.publish.input!.safeParse({}).success).toBe(true);
    expect(publicationWorkflowV1.transitions.expire.input!.safeParse({}).success).toBe(true);
    expect(publicationWorkflowV1.transitions.withdraw.input!.safeParse({ reason: ' ', ground: 'revoked' }).success).toBe(false);
  });
});
