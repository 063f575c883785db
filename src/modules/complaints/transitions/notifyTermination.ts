/**
 * 告知终止调解 (第二十一条第二款 "终止调解的，市场监督管理部门应当自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人"):
 * issues the 终止调解告知书 — addressed to 投诉人 without the name, since the respondent receives the same notice —
 * and meets the notice deadline.
 */
import { terminationGrounds, type TerminationGround } from '../../../domain/complaints/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { bodyOf } from '../bodies.ts';
import { loadComplaint } from '../store.ts';
import { complaintInputs } from './inputs.ts';

/** 「第二十一条第一款第（五）项：自投诉受理之日起……」 → the words after the colon, for the notice's sentence. */
const groundWords = (g: string) => (terminationGrounds[g as TerminationGround] ?? g).replace(/^[^：]*：/, '');

export const notifyTermination = defineTransition({
  label: '告知终止调解',
  from: ['terminated'],
  to: 'closed',
  roles: COMPLAINT_HANDLERS,
  input: complaintInputs.notifyTermination,
  load: async (g) => ({ complaint: await loadComplaint(g.tx, g.matter.id) }),
  meets: ['complaint.terminationNotice'],
  effect: async (g) => {
    const c = g.facts.complaint;
    const instrument = await issueInstrument(g.ctx, g.tx, actorOf(g.principal), {
      orgId: await bodyOf(g.tx, c.orgId),
      kind: 'mediationTerminationNotice',
      matterType: 'complaint',
      matterId: c.id,
      date: g.date,
      data: {
        respondentName: c.respondentName,
        receivedOn: c.receivedOn,
        acceptedOn: c.decidedOn ?? c.receivedOn,
        groundText: groundWords(c.terminationGround ?? ''),
        reason: c.terminationReason ?? '见终止调解决定',
        terminatedOn: c.terminatedOn ?? g.date,
      },
    });
    await g.tx.query(`update complaints set state = 'closed', notified_on = $2, finished_on = $2 where id = $1`, [c.id, g.date]);
    return { instrumentId: instrument.id, number: instrument.number };
  },
});
