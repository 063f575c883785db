/** Response schemas of the annual-report API (they also generate the OpenAPI document and the console's types). */
import { z } from 'zod';

const ZParagraph = z.object({
  id: z.string(),
  kind: z.enum(['figures', 'records', 'text']),
  template: z.string().nullable(),
  figure: z.string().nullable(),
  text: z.string(),
  hint: z.string().nullable(),
  values: z.array(z.object({ ref: z.string(), value: z.string() })),
  edited: z.boolean(),
});

const ZRow = z.object({
  id: z.string(),
  label: z.string(),
  figure: z.string().nullable(),
  awaiting: z.string().nullable(),
  value: z.string(),
  previous: z.string(),
  raw: z.number().nullable(),
  rawPrevious: z.number().nullable(),
});

export const ZContent = z.object({
  sections: z.array(z.object({ id: z.string(), heading: z.string(), paragraphs: z.array(ZParagraph) })),
  tables: z.array(z.object({ id: z.string(), title: z.string(), basis: z.string(), rows: z.array(ZRow) })),
});

export const ZReportItem = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  versionNo: z.number(),
  publishedOn: z.string().nullable(),
  due: z.string().nullable(),
});

export const ZReportList = z.object({ items: z.array(ZReportItem), bodies: z.array(z.object({ id: z.string(), name: z.string() })) });

export const ZReportDetail = ZReportItem.extend({
  figureSetId: z.string(),
  previousSetId: z.string(),
  matterVersion: z.number(),
  instrumentId: z.string().nullable(),
  content: ZContent,
  versions: z.array(z.object({ versionNo: z.number(), paragraphId: z.string().nullable(), editedBy: z.string().nullable(), editedAt: z.string() })),
  transitions: z.array(z.object({ id: z.string(), label: z.string() })),
  abilities: z.object({ read: z.boolean(), write: z.boolean(), transition: z.boolean(), viewRecord: z.boolean() }),
  unmapped: z.array(z.object({ id: z.string(), label: z.string(), awaiting: z.string().nullable() })),
});

export const ZVersion = z.object({ versionNo: z.number(), content: ZContent });

export const ZPublicReportItem = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  publishedOn: z.string().nullable(),
  formats: z.array(z.enum(['docx', 'pdf', 'xlsx'])),
});
export const ZPublicReportList = z.object({ items: z.array(ZPublicReportItem) });
export const ZPublicReport = ZPublicReportItem.extend({ figureSetId: z.string(), content: ZContent });
