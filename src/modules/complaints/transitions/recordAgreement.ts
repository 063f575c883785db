/**
 * 达成调解协议 (第二十二条): an agreement reached on site is made into a 调解书 (issued and numbered: the parties sign
 * it, the bureau seals it), unless performed at once or both agreed not to make one; otherwise the mediation record
 * stands (未制作调解书的，应当做好调解记录备查). The 调解书 names the complainant — both parties sign it (第三十三条
 * concerns the reporter; a complaint's mediation needs the parties).
 */
import { agreementDocumentProblem, mediationModes } from '../../../domain/complaints/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { bodyOf } from '../bodies.ts';
import { loadComplaint, personOf } from '../store.ts';
import { complaintInputs } from './inputs.ts';

export const recordAgreement = defineTransition({
  label: '达成调解协议',
  from: ['accepted'],
  to: 'resolved',
  roles: COMPLAINT_HANDLERS,
  input: complaintInputs.recordAgreement,
  load: async (g) => ({ complaint: await loadComplaint(g.tx, g.matter.id) }),
  guards: [
    ({ input }) => {
      const problem = agreementDocumentProblem({ mode: input.mode, makeDocument: input.makeDocument, noDocumentReason: input.noDocumentReason ?? null });
      return problem ? [{ code: 'COMPLAINT_AGREEMENT_DOCUMENT', message: problem }] : [];
    },
  ],
  meets: ['complaint.mediation'],
  effect: async (g) => {
    const c = g.facts.complaint;
    let instrument: { id: string; number: string } | null = null;
    if (g.input.makeDocument) {
      const person = await personOf(g.tx, c.id);
      instrument = await issueInstrument(g.ctx, g.tx, actorOf(g.principal), {
        orgId: await bodyOf(g.tx, c.orgId),
        kind: 'mediationAgreement',
        matterType: 'complaint',
        matterId: c.id,
        date: g.date,
        data: {
          complainant: person?.name ?? '投诉人',
          respondentName: c.respondentName,
          ...(c.respondentAddress ? { respondentAddress: c.respondentAddress } : {}),
          receivedOn: c.receivedOn,
          acceptedOn: c.decidedOn ?? c.receivedOn,
          facts: c.summary,
          ...(c.request ? { request: c.request } : {}),
          modeLabel: mediationModes[g.input.mode],
          content: g.input.content,
          reachedOn: g.date,
        },
      });
    }
    const agreement = {
      reachedOn: g.date,
      mode: g.input.mode,
      content: g.input.content,
      instrumentId: instrument?.id ?? null,
      number: instrument?.number ?? null,
      noDocumentReason: g.input.makeDocument ? null : (g.input.noDocumentReason ?? null),
    };
    await g.tx.query(`update complaints set state = 'resolved', agreement = $2::jsonb, finished_on = $3 where id = $1`, [
      c.id,
      JSON.stringify(agreement),
      g.date,
    ]);
    return instrument ? { instrumentId: instrument.id, number: instrument.number } : undefined;
  },
});
