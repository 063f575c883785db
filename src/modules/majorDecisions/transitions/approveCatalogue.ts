/**
 * 经同级党委同意: 重大行政决策程序暂行条例 第三条第三款 "决策机关可以根据本条第一款的规定，结合职责权限和本地实际，
 * 确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整" — the consent is recorded before publication.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { catalogueInputs } from './inputs.ts';

export const approveCatalogue = defineTransition({
  label: '记录同级党委同意',
  from: ['draft'],
  to: 'approved',
  roles: ['admin', 'leader'],
  input: catalogueInputs.approveCatalogue,
  load: async ({ tx, matter }) =>
    (await tx.query<{ n: number }>(`select count(*)::int as n from decision_catalogue_items where catalogue_id = $1 and status = 'listed'`, [matter.id]))
      .rows[0],
  guards: [({ facts }) => (facts.n > 0 ? [] : [{ code: 'DECISION_CATALOGUE_EMPTY', message: '决策事项目录至少应当列有一个事项' }])],
  effect: async ({ tx, matter, input }) => {
    await tx.query('update decision_catalogues set approval = $2 where id = $1', [matter.id, JSON.stringify(input)]);
  },
});
