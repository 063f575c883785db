/** 修改目录草案: replaces the items of a catalogue still in draft (before the party committee's consent). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { insertItems } from '../catalogueItems.ts';
import { findCatalogue } from '../store.ts';
import { catalogueInputs } from './inputs.ts';

export const reviseCatalogue = defineTransition({
  label: '修改目录草案',
  from: ['draft'],
  to: 'draft',
  roles: ['admin', 'leader'],
  optional: true,
  input: catalogueInputs.reviseCatalogue,
  effect: async ({ tx, matter, input }) => {
    const c = (await findCatalogue(tx, matter.id))!;
    await tx.query('delete from decision_catalogue_items where catalogue_id = $1', [c.id]);
    if (input.standard !== undefined) await tx.query('update decision_catalogues set standard = $2 where id = $1', [c.id, input.standard]);
    const ids = await insertItems(tx, c.id, c.bodyId, input.items, null);
    return { itemIds: ids.map((i) => i.id) };
  },
});
