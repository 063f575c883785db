import { serviceMethods } from '../../../domain/cases/rules.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { loadCase } from '../facts.ts';
import { avRecorded, problem } from '../guards.ts';
import { servedDocument } from '../instrumentText.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { caseFiles, patchCase } from '../store.ts';

/** 送达决定书 (行政处罚法 第六十一条): a method on the 音像记录事项清单 needs its record; the payment period starts. */
export const serve = defineTransition({
  label: '送达决定书',
  from: ['decided'],
  to: 'served',
  roles: ['officer'],
  input: transitionInputs.serve,
  load: async (g) => ({
    case: await loadCase(g),
    files: serviceMethods[g.input.method].av ? await caseFiles(g.tx, g.matter.id, g.input.avFileIds) : [],
  }),
  guards: [
    ({ input, facts }) => {
      const step = serviceMethods[input.method].av;
      return step ? avRecorded(step, input.avFileIds, facts.files) : [];
    },
    ({ input, facts }) => (input.servedOn < facts.case.decision!.decidedOn ? problem('SERVICE_BEFORE_DECISION', '送达日期不能早于决定日期') : []),
  ],
  meets: ['penalty.service'],
  opens: [{ ruleId: 'penalty.payment', startFrom: 'servedOn', when: ({ facts }) => facts.case.fineFen > 0 }],
  effect: async ({ tx, ctx, input: i, facts: { case: c }, date, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'serviceReceipt',
      date: i.servedOn,
      override: i.instrumentData,
      specific: {
        recipient: { name: i.recipient, address: c.party.address },
        documents: [servedDocument(c)],
        method: serviceMethods[i.method].label,
        servedAt: i.servedAt ?? `${i.servedOn}T10:00`,
        receiver: i.receiver,
        servers: (await officerRefs(tx, c.investigatorIds, date)).map((o) => o.name),
      },
    });
    const paymentDue = c.fineFen > 0 ? computeDeadline(deadlineRule('penalty.payment'), await loadCalendar(tx), { start: i.servedOn }).due : null;
    await patchCase(tx, c.id, { service: { servedOn: i.servedOn, method: i.method, recipient: i.recipient, note: i.receiver ?? null }, paymentDue });
    return { instrumentId: ins.id, number: ins.number, paymentDue };
  },
});
