/**
 * 风险评估 (第二十二条–第二十四条): the report's risk points, measures and plan (第二十三条第二款 "应当听取有关部门的意见，
 * 形成风险评估报告，明确风险点，提出风险防范措施和处置预案"), and its conclusion. 第二十四条: "决策机关认为风险可控的，
 * 可以作出决策；认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策".
 */
import { riskProblem } from '../../../domain/majorDecisions/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const recordRiskAssessment = defineTransition({
  label: '记录风险评估',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.recordRiskAssessment,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.risk), '风险评估'),
    ({ input }) => {
      const m = riskProblem(input.conclusion, input.measuresTaken);
      return m ? [{ code: 'DECISION_RISK_UNCONTROLLABLE', message: m }] : [];
    },
  ],
  effect: async ({ tx, matter, input }) => {
    await setDecisionStep(tx, matter.id, 'risk', { concluded: true, ...input });
  },
});
