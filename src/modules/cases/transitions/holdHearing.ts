import { actorOf } from '../../../platform/context.ts';
import { suspendDeadline } from '../../../platform/workflow/engine.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase, majorNow } from '../facts.ts';
import { avRecorded } from '../guards.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { caseFiles, patchCase } from '../store.ts';

/** 举行听证: on the 音像记录事项清单; the 听证笔录 is issued and the hearing's period does not count towards the 办案期限. */
export const holdHearing = defineTransition({
  label: '举行听证',
  from: ['hearingScheduled'],
  to: 'heard',
  roles: ['officer', 'leader'],
  input: transitionInputs.holdHearing,
  load: async (g) => ({ case: await loadCase(g), files: await caseFiles(g.tx, g.matter.id, g.input.avFileIds) }),
  guards: [({ input, facts }) => avRecorded('hearing', input.avFileIds, facts.files)],
  effect: async (g) => {
    const {
      tx,
      ctx,
      input: i,
      facts: { case: c },
      date,
      principal,
    } = g;
    const hearing = c.hearing!;
    const host = (await officerRefs(tx, [hearing.hostOfficerId!], date))[0];
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'hearingRecord',
      date: i.heldOn,
      override: i.instrumentData,
      specific: {
        startAt: i.startAt,
        endAt: i.endAt.slice(11),
        place: hearing.place,
        openness: hearing.openness ?? '公开举行',
        host: host?.name,
        clerk: hearing.clerk,
        investigators: await officerRefs(tx, c.investigatorIds, date),
        turns: i.turns,
      },
    });
    const major = await majorNow(tx, c, c.proposed ?? [], date, true);
    await patchCase(tx, c.id, {
      hearing: { ...hearing, heldOn: i.heldOn, summary: i.turns.map((t) => `${t.speaker}：${t.text}`).join('\n'), report: i.report },
      major,
    });
    // 听证期间不计入办案期限
    const due = await suspendDeadline(tx, ctx, actorOf(principal), g.matter, {
      ruleId: 'penalty.decision',
      from: hearing.requestedOn,
      to: i.heldOn,
      reason: '听证',
    });
    return { instrumentId: ins.id, number: ins.number, decisionDue: due, major: major.major };
  },
});
