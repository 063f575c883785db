/**
 * 听取意见的其他方式 (第十四条第二款: 座谈会、听证会、实地走访、书面征求意见、问卷调查、民意调查): each recorded with its
 * date, participants and what was said. A 听证会 follows 第十六条、第十七条: the materials published in advance, "听证会材料
 * 应当于召开听证会7日前送达听证参加人" (hearingMaterialsLatest), and "听证参加人确认听证会记录并签字".
 */
import { hearingMaterialsLatest } from '../../../domain/majorDecisions/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const recordParticipation = defineTransition({
  label: '记录座谈会、听证会等听取意见情况',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.recordParticipation,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.participation), '公众参与'),
    ({ input }) => {
      if (input.method !== 'hearing') return [];
      const out: Problem[] = [];
      if (!input.materialsPublishedOn || input.materialsPublishedOn > input.heldOn)
        out.push({ code: 'DECISION_HEARING_INCOMPLETE', message: '召开听证会的，应当提前公布决策草案及其说明等材料（第十六条第二款），请填写公布日期' });
      const latest = hearingMaterialsLatest(input.heldOn);
      if (!input.materialsDeliveredOn || input.materialsDeliveredOn > latest)
        out.push({
          code: 'DECISION_HEARING_INCOMPLETE',
          message: `听证会材料应当于召开听证会7日前送达听证参加人（第十六条第三款）：${input.heldOn} 召开的，最迟 ${latest} 送达`,
        });
      if (input.recordSigned !== true) out.push({ code: 'DECISION_HEARING_INCOMPLETE', message: '听证参加人应当确认听证会记录并签字（第十七条第（三）项）' });
      return out;
    },
  ],
  effect: async ({ tx, matter, input, facts }) => {
    const p = facts.d.participation ?? {};
    const records = [...((p.records as unknown[]) ?? []), input];
    await setDecisionStep(tx, matter.id, 'participation', { ...p, records });
  },
});
