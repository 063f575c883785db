/** What the portal shows of a catalogue: built from its rows when it is published and after each adjustment. */
import type { Queryable } from '../../platform/db/index.ts';
import { decisionCategories } from '../../domain/majorDecisions/rules.ts';
import { catalogueItems, findCatalogue, orgName, type PublishedCatalogue } from './store.ts';

export async function publishedCatalogue(
  q: Queryable,
  id: string,
  publishedOn: string,
  adjustments: PublishedCatalogue['adjustments'],
): Promise<PublishedCatalogue> {
  const c = (await findCatalogue(q, id))!;
  const items = await catalogueItems(q, id);
  const units = new Map<string, string>();
  for (const i of items) if (!units.has(i.unitId)) units.set(i.unitId, await orgName(q, i.unitId));
  return {
    title: c.title,
    year: c.year,
    body: await orgName(q, c.bodyId),
    standard: c.standard,
    publishedOn,
    items: items.map((i) => ({
      seq: i.seq,
      title: i.title,
      category: decisionCategories[i.category as keyof typeof decisionCategories] ?? i.category,
      unit: units.get(i.unitId)!,
      planned: i.planned,
      status: i.status,
    })),
    adjustments,
  };
}
