/**
 * 出庭应诉: a hearing of the current instance with who appeared for the bureau — the head (行政诉讼法 第三条第三款
 * "被诉行政机关负责人应当出庭应诉"), or, with the legal reason, the staff member entrusted; never a lawyer alone
 * (解释 第一百三十二条). The 负责人出庭应诉率 is counted from these entries.
 */
import { appearanceProblems } from '../../../domain/remedies/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { LawsuitRow } from '../store.ts';
import { type LawsuitInput, lawsuitInputs } from './inputs.ts';
import { addHearing, loadLawsuit } from './shared.ts';

export const appearanceLawful = ({ input }: { input: LawsuitInput<'attendHearing'> }): Problem[] => appearanceProblems(input);

export const attendHearing = defineTransition({
  label: '登记出庭应诉',
  from: ['defended'],
  to: 'defended',
  roles: ['legalReviewer', 'leader'],
  optional: true,
  input: lawsuitInputs.attendHearing,
  load: async (g): Promise<{ row: LawsuitRow }> => ({ row: await loadLawsuit(g.tx, g.matter.id) }),
  guards: [appearanceLawful],
  effect: async (g) => {
    const i = g.input;
    const head = i.appearance === 'head';
    return {
      hearingId: await addHearing(g.tx, 'lawsuits', g.matter.id, {
        kind: 'court',
        heldOn: i.heldOn,
        instance: g.facts.row.instance,
        attendees: i.attendees,
        appearance: i.appearance,
        headName: head ? (i.headName ?? null) : null,
        headTitle: head ? (i.headTitle ?? null) : null,
        absenceGround: head ? null : (i.absenceGround ?? null),
        absenceReason: head ? null : (i.absenceReason ?? null),
        headRequired: !!i.headRequired,
        note: i.note ?? null,
      }),
    };
  },
});
