/**
 * 公布: the registered document is published on the portal with its 政策解读 (优化营商环境条例 第六十四条
 * 第二款: 未经公布的不得作为行政管理依据). Opens the filing deadline (备案, the province's period from
 * publication) and the validity (有效期, from the effective date: shorter for 暂行、试行). A new version
 * publishes over the previous one, which becomes 已修改.
 */
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule, type DeadlineRuleId } from '../../../domain/deadlines/rules.ts';
import { inForceStates, nationalSettings, provinceSettings } from '../../../domain/normativeDocuments/rules.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { findMatter, transitionIn } from '../../../platform/workflow/engine.ts';
import { defineTransition, type TransitionArgs } from '../../../platform/workflow/transition.ts';
import { findDocument } from '../store.ts';
import { type NormativeInput, normativeInputs } from './inputs.ts';
import { type DocumentFacts, loadDocument, problem } from './shared.ts';

const all = [nationalSettings, ...Object.values(provinceSettings)];
export const filingRuleIds = [...new Set(all.map((s) => s.filingRule))] as DeadlineRuleId[];
export const validityRuleIds = [...new Set(all.flatMap((s) => [s.validityRule, s.provisionalValidityRule]))] as DeadlineRuleId[];

type PublishFacts = DocumentFacts & { validityRule: DeadlineRuleId };
type PublishArgs = TransitionArgs<NormativeInput<'publish'>, PublishFacts>;

export const publish = defineTransition({
  label: '公布（附政策解读）',
  from: ['registered'],
  to: 'published',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: normativeInputs.publish,
  load: async (g): Promise<PublishFacts> => {
    const f = await loadDocument(g.tx, g.matter.id);
    const validityRule = f.doc.provisional ? f.settings.provisionalValidityRule : f.settings.validityRule;
    return { ...f, validityRule };
  },
  guards: [
    ({ input, date }) =>
      input.effectiveOn < date ? problem('NORMATIVE_EFFECTIVE_BEFORE_PUBLICATION', `施行日期（${input.effectiveOn}）不能早于公布日期（${date}）`) : [],
  ],
  opens: [
    ...filingRuleIds.map((ruleId) => ({ ruleId, when: (g: PublishArgs) => g.facts.settings.filingRule === ruleId })),
    ...validityRuleIds.map((ruleId) => ({
      ruleId,
      when: (g: PublishArgs) => g.facts.validityRule === ruleId,
      startOn: (g: PublishArgs) => g.input.effectiveOn,
    })),
  ],
  effect: async (g) => {
    const { doc, validityRule } = g.facts;
    const expiresOn = computeDeadline(deadlineRule(validityRule), await loadCalendar(g.tx), { start: g.input.effectiveOn }).due;
    await g.tx.query(
      'update normative_documents set published_on = $2, effective_on = $3, expires_on = $4, interpretation = $5, updated_at = now() where id = $1',
      [doc.id, g.date, g.input.effectiveOn, expiresOn, g.input.interpretation],
    );
    // the version it amends is 已修改 from today
    let superseded: string | null = null;
    if (doc.previousId) {
      const prev = await findDocument(g.tx, doc.previousId);
      const m = prev && (await findMatter(g.tx, prev.id));
      if (prev && m && (inForceStates as readonly string[]).includes(m.state)) {
        await transitionIn(g.tx, g.ctx, g.principal, {
          matterId: prev.id,
          transition: 'supersede',
          expectedVersion: m.version,
          input: { newVersionId: doc.id },
          date: g.date,
        });
        superseded = prev.number;
      }
    }
    return { expiresOn, superseded };
  },
});
