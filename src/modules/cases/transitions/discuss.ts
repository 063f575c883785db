import { DISCUSSION_MIN_ATTENDEES } from '../../../domain/cases/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { discussionDecisionText } from '../instrumentText.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs, type TransitionInput } from '../schema.ts';
import { insertDiscussion } from '../store.ts';

/** 集体讨论 (行政处罚法 第五十七条第二款): a quorum of leaders, each one's opinion on the record. */
export function discussionComplete(i: Pick<TransitionInput<'discuss'>, 'attendees' | 'opinions'>): Problem[] {
  const out: Problem[] = [];
  if (i.attendees.length < DISCUSSION_MIN_ATTENDEES)
    out.push({ code: 'DISCUSSION_QUORUM', message: `集体讨论应有至少 ${DISCUSSION_MIN_ATTENDEES} 名负责人参加，本次 ${i.attendees.length} 名` });
  const silent = i.attendees.filter((a) => !i.opinions.some((o) => o.name === a.name));
  if (silent.length)
    out.push({ code: 'DISCUSSION_OPINION_MISSING', message: `集体讨论记录须载明每名参加人员的意见：${silent.map((a) => a.name).join('、')}未发表意见` });
  return out;
}

export const discuss = defineTransition({
  label: '集体讨论',
  from: ['discussion'],
  to: 'toDecide',
  roles: ['leader'],
  input: transitionInputs.discuss,
  load: loadCaseFacts,
  guards: [({ input }) => discussionComplete(input)],
  effect: async ({ tx, ctx, input: i, facts: { case: c }, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'collectiveDiscussion',
      date: i.heldOn,
      override: i.instrumentData,
      specific: {
        startAt: i.startAt,
        endAt: i.endAt.slice(11),
        place: i.place,
        host: i.chair,
        attendees: i.attendees.map((a) => a.name),
        reporter: i.reporter,
        recorder: i.recorder,
        briefing: i.minutes,
        opinions: i.opinions.map((o) => ({ speaker: o.name, text: o.opinion })),
        decision: discussionDecisionText(i.decision, c.proposed ?? []),
      },
    });
    await insertDiscussion(tx, c.id, {
      heldOn: i.heldOn,
      place: i.place,
      chair: i.chair,
      attendees: i.attendees,
      opinions: i.opinions,
      decision: i.decision,
      minutes: i.minutes,
      instrumentId: ins.id,
    });
    return { decision: i.decision, instrumentId: ins.id, number: ins.number };
  },
});
