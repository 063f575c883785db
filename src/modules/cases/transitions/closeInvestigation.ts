import { evidenceKinds } from '../../../domain/cases/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { discretionFor, hearingEligible, loadCase, majorNow } from '../facts.ts';
import { deviationAccepted, evidenceComplete, problem } from '../guards.ts';
import { investigationReportText } from '../instrumentText.ts';
import { caseData, issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { caseFiles, evidenceOf, patchCase, type CaseRow } from '../store.ts';

const avStepOf = (kind: string) => evidenceKinds[kind as keyof typeof evidenceKinds]?.av;

/**
 * 调查终结: the evidence is complete (with the 音像记录 its kinds need), the discretion benchmark is applied and
 * frozen onto the case, and the proposal either follows it or says why not (行政处罚法 第三十四条).
 */
export const closeInvestigation = defineTransition({
  label: '调查终结',
  from: ['investigating'],
  to: 'auditing',
  roles: ['officer'],
  input: transitionInputs.closeInvestigation,
  load: async (g) => {
    const c0 = await loadCase(g);
    const evidence = await evidenceOf(g.tx, c0.id);
    const files = await caseFiles(
      g.tx,
      c0.id,
      evidence.filter((e) => avStepOf(e.kind)).flatMap((e) => e.fileIds),
    );
    const c: CaseRow = { ...c0, discretion: await discretionFor(g.tx, c0, g.date, g.input) };
    return { case: c, evidence, files };
  },
  guards: [
    ({ facts }) => evidenceComplete(facts.evidence, avStepOf, facts.files),
    ({ input, facts: { case: c } }) => {
      const d = c.discretion!;
      if (d.exempt && input.proposed.length)
        return input.deviationReason
          ? []
          : problem('EXEMPT_CASE_PENALISED', `依裁量基准本案属于不予处罚情形（${d.tierLabel}），拟处罚须为空或说明理由后经集体讨论`);
      return deviationAccepted(c, input.proposed, input.deviationReason, null);
    },
  ],
  effect: async ({ tx, ctx, input: i, facts, date, principal }) => {
    const c: CaseRow = {
      ...facts.case,
      facts: i.facts,
      proposed: i.proposed,
      complex: i.complex,
      publicInterest: i.publicInterest,
      deviationReason: i.deviationReason ?? null,
    };
    const major = await majorNow(tx, c, i.proposed, date, false);
    const eligible = hearingEligible(c, i.proposed);
    await patchCase(tx, c.id, {
      facts: i.facts,
      proposed: i.proposed,
      complex: i.complex,
      publicInterest: i.publicInterest,
      deviationReason: i.deviationReason ?? null,
      discretion: c.discretion,
      discretionInput: { bases: i.bases, unreliableBases: i.unreliableBases, circumstances: i.circumstances },
      major,
      hearingEligible: eligible,
    });
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'investigationReport',
      date,
      override: i.instrumentData,
      specific: investigationReportText(c, {
        analysis: i.analysis,
        violatedProvision: i.analysis === undefined ? (await caseData(tx, c, date)).violatedProvision : null,
        proposed: i.proposed,
        date,
      }),
    });
    return {
      tier: c.discretion?.tier ?? null,
      rulesDigest: c.discretion?.rulesDigest ?? null,
      major: major.major,
      majorReasons: major.reasons.map((r) => r.text),
      hearingEligible: eligible,
      instrumentId: ins.id,
      number: ins.number,
    };
  },
});
