import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { actorOf } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { loadCase } from '../facts.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/**
 * 通知听证: a host who did not investigate (行政处罚法 第六十四条第（四）项), the party notified seven days before
 * (第（二）项) — seven full working days between the notice and the hearing, neither day counted (the rule
 * `penalty.hearingNotice`, direction 'before').
 */
export const scheduleHearing = defineTransition({
  label: '通知听证',
  from: ['hearingRequested'],
  to: 'hearingScheduled',
  roles: ['leader', 'officer'],
  input: transitionInputs.scheduleHearing,
  load: async (g) => ({
    case: await loadCase(g),
    latestNoticeOn: computeDeadline(deadlineRule('penalty.hearingNotice'), await loadCalendar(g.tx), { start: g.input.at.slice(0, 10) }).due,
  }),
  guards: [
    ({ input, facts }) => {
      const out: Problem[] = [];
      if (facts.case.investigatorIds.includes(input.hostOfficerId))
        out.push({ code: 'HEARING_HOST_IS_INVESTIGATOR', message: '听证由行政机关指定的非本案调查人员主持（行政处罚法 第六十四条第（四）项）' });
      if (input.noticeOn > facts.latestNoticeOn)
        out.push({
          code: 'HEARING_NOTICE_LATE',
          message: `行政机关应当在举行听证的七日前通知当事人（行政处罚法 第六十四条第（二）项；“七日”为工作日，第八十五条），通知之日与听证之日之间须有七个工作日：${input.at.slice(0, 10)} 举行的听证最迟于 ${facts.latestNoticeOn} 通知`,
        });
      return out;
    },
  ],
  effect: async ({ tx, ctx, input: i, facts: { case: c }, date, principal }) => {
    const host = (await officerRefs(tx, [i.hostOfficerId], date))[0];
    if (!host) throw new AppError('OFFICER_UNKNOWN', `听证主持人 ${i.hostOfficerId} 不存在`);
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'hearingNotice',
      date: i.noticeOn,
      override: i.instrumentData,
      specific: { requestedOn: c.hearing!.requestedOn, hearing: { at: i.at, place: i.place, openness: i.openness, host: host.name, clerk: i.clerk } },
    });
    await patchCase(tx, c.id, {
      hearing: { ...c.hearing!, at: i.at, place: i.place, noticeOn: i.noticeOn, hostOfficerId: i.hostOfficerId, openness: i.openness, clerk: i.clerk },
    });
    return { instrumentId: ins.id, number: ins.number };
  },
});
