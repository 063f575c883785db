/**
 * 调解中发现的违法线索 (第二十三条 "市场监督管理部门在调解中发现涉嫌违反市场监督管理法律、法规、规章线索的，应当自发现之日起
 * 十五个工作日内予以核查，并按照市场监督管理行政处罚有关规定予以处理。特殊情况下，核查时限可以延长十五个工作日"):
 * `flagLead` records it and opens `complaint.leadVerification`; `extendLeadVerification` extends it once by 15
 * working days with the reason; `verifyLead` meets it — no violation found, or a case lead opened in the case module
 * (source 投诉, the link kept both ways).
 */
import { chinaToday } from '../../../domain/dates.ts';
import type { LeadOutcome } from '../../../domain/complaints/rules.ts';
import type { EnforcementField } from '../../../domain/certifiedDuty.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { closeDeadlines, openDeadline } from '../../../platform/workflow/deadlines.ts';
import { extendDeadline, findMatter } from '../../../platform/workflow/engine.ts';
import { openLeadFrom } from '../../cases/index.ts';
import { actOnComplaint } from './act.ts';

export async function flagLead(ctx: AppContext, p: Principal, id: string, input: { foundOn: string; description: string }) {
  return actOnComplaint(ctx, p, id, async (tx, c) => {
    if (c.kind !== 'complaint' || !['accepted', 'resolved', 'terminated', 'closed'].includes(c.state))
      throw new AppError('COMPLAINT_LEAD_STATE', '只有已受理（调解中或调解结束）的投诉可以登记调解中发现的违法线索');
    if (c.lead && !c.lead.verifiedOn) throw new AppError('COMPLAINT_LEAD_STATE', '该投诉已有待核查的线索');
    if (input.foundOn > chinaToday() || (c.decidedOn && input.foundOn < c.decidedOn))
      throw new AppError('PERIOD_INVALID', '发现日期应在受理之后，且不晚于今天');
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: c.orgId,
      matterType: 'complaint',
      matterId: c.id,
      eventType: 'complaint.leadFound',
      payload: { complaintId: c.id, foundOn: input.foundOn, description: input.description },
    });
    const d = await openDeadline(tx, { id: c.id, type: 'complaint' }, 'complaint.leadVerification', input.foundOn, 'flagLead');
    const lead = { foundOn: input.foundOn, description: input.description, outcome: null, verifiedOn: null, caseId: null };
    await tx.query('update complaints set lead = $2::jsonb where id = $1', [c.id, JSON.stringify(lead)]);
    return { due: d.due };
  });
}

export async function extendLeadVerification(ctx: AppContext, p: Principal, id: string, reason: string) {
  return actOnComplaint(ctx, p, id, async (tx, c) => {
    if (!c.lead || c.lead.verifiedOn) throw new AppError('COMPLAINT_LEAD_STATE', '该投诉没有待核查的线索');
    const m = (await findMatter(tx, c.id))!;
    return { due: await extendDeadline(tx, ctx, p, m, { ruleId: 'complaint.leadVerification', reason }) };
  });
}

export async function verifyLead(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { verifiedOn: string; outcome: LeadOutcome; field?: EnforcementField | null; note?: string | null },
) {
  return actOnComplaint(ctx, p, id, async (tx, c) => {
    if (!c.lead || c.lead.verifiedOn) throw new AppError('COMPLAINT_LEAD_STATE', '该投诉没有待核查的线索');
    if (input.verifiedOn > chinaToday() || input.verifiedOn < c.lead.foundOn) throw new AppError('PERIOD_INVALID', '核查日期应在发现线索之后，且不晚于今天');
    let caseId: string | null = null;
    if (input.outcome === 'caseOpened')
      caseId = await openLeadFrom(ctx, tx, p, {
        origin: { type: 'complaint', id: c.id },
        source: 'complaint',
        unitId: c.orgId,
        receivedOn: c.lead.foundOn,
        party: { name: c.respondentName, uscc: c.respondentUscc, address: c.respondentAddress },
        field: input.field ?? (c.category as EnforcementField),
        summary: `调解中发现：${c.lead.description}`,
      });
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: c.orgId,
      matterType: 'complaint',
      matterId: c.id,
      eventType: 'complaint.leadVerified',
      payload: { complaintId: c.id, verifiedOn: input.verifiedOn, outcome: input.outcome, caseId, note: input.note ?? null },
    });
    await closeDeadlines(tx, c.id, ['complaint.leadVerification'], 'met', 'verifyLead');
    const lead = { ...c.lead, outcome: input.outcome, verifiedOn: input.verifiedOn, caseId };
    await tx.query('update complaints set lead = $2::jsonb, case_id = coalesce(case_id, $3) where id = $1', [c.id, JSON.stringify(lead), caseId]);
    return { caseId };
  });
}
