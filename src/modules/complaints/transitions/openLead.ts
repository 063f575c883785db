/**
 * 转为案件线索 (one click): a report is handled under the penalty procedure (第三十一条第一款): a case lead is opened in
 * the case module (source 举报) for the handling unit, with the named reporter as the case's 实名举报人 so that its
 * filing decision is told within five working days (第三十一条第二款, the case's `report.filingNotice`). The report
 * keeps the case id; the case shows the report.
 */
import type { complaintCategories } from '../../../domain/complaints/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { openLeadFrom } from '../../cases/index.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { loadComplaint, personOf } from '../store.ts';
import { reportInputs } from './inputs.ts';

export const openLead = defineTransition({
  label: '转为案件线索',
  from: ['received'],
  to: 'leadOpened',
  roles: COMPLAINT_HANDLERS,
  input: reportInputs.openLead,
  load: async (g) => ({ report: await loadComplaint(g.tx, g.matter.id) }),
  meets: ['lead.verification'],
  effect: async (g) => {
    const r = g.facts.report;
    const person = r.anonymous ? null : await personOf(g.tx, r.id);
    const field = g.input.field ?? (r.category as keyof typeof complaintCategories);
    const caseId = await openLeadFrom(g.ctx, g.tx, g.principal, {
      origin: { type: 'report', id: r.id },
      source: 'report',
      unitId: r.orgId,
      receivedOn: r.receivedOn,
      party: { name: r.respondentName, uscc: r.respondentUscc, address: r.respondentAddress },
      field,
      summary: g.input.note ? `${r.summary}\n${g.input.note}` : r.summary,
      reporter: person ? { name: person.name, phone: person.phone, address: person.address } : null,
    });
    await g.tx.query(`update complaints set state = 'leadOpened', case_id = $2, decided_on = $3, finished_on = $3 where id = $1`, [r.id, caseId, g.date]);
    return { caseId };
  },
});
