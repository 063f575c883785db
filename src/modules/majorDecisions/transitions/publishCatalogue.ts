/** 向社会公布 (第三条第三款): the catalogue as approved goes on the portal; what it shows is kept with the record. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { publishedCatalogue } from '../catalogueContent.ts';
import { catalogueInputs } from './inputs.ts';

export const publishCatalogue = defineTransition({
  label: '向社会公布目录',
  from: ['approved'],
  to: 'published',
  roles: ['admin', 'leader'],
  input: catalogueInputs.publishCatalogue,
  effect: async ({ tx, matter, input, date }) => {
    const on = input.publishedOn ?? date;
    const content = await publishedCatalogue(tx, matter.id, on, []);
    await tx.query('update decision_catalogues set published_on = $2, published = $3 where id = $1', [matter.id, on, JSON.stringify(content)]);
    return { publishedOn: on, items: content.items.length };
  },
});
