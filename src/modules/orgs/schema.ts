import { z } from 'zod';
import { isDivisionCodeShape } from '../../domain/codes.ts';
import { ZUscc } from '../../platform/schema.ts';

import { orgKinds } from '../../domain/vocabulary.ts';

export { orgKindLabels, orgKinds } from '../../domain/vocabulary.ts';

const uscc = ZUscc;
const divisionCode = z.string().refine(isDivisionCodeShape, { message: '行政区划代码应为 6 位数字（GB/T 2260）' });

export const ZOrgFields = z.strictObject({
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(30).nullable().optional(),
  kind: z.enum(orgKinds),
  isEnforcementBody: z.boolean().default(false),
  legalBasis: z.string().trim().max(1000).nullable().optional(),
  uscc: uscc.nullable().optional(),
  divisionCode: divisionCode.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});

export const ZCreateOrgRequest = ZOrgFields.extend({ parentId: z.string().min(1) });
export type TCreateOrgRequest = z.infer<typeof ZCreateOrgRequest>;
// no default on an update: a PATCH that does not name isEnforcementBody leaves it as it is
export const ZUpdateOrgRequest = ZOrgFields.extend({ isEnforcementBody: z.boolean() }).partial();
export type TUpdateOrgRequest = z.infer<typeof ZUpdateOrgRequest>;

export const ZOrg = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(orgKinds),
  kindLabel: z.string(),
  isEnforcementBody: z.boolean(),
  legalBasis: z.string().nullable(),
  uscc: z.string().nullable(),
  divisionCode: z.string().nullable(),
  sortOrder: z.number(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), createChild: z.boolean(), viewRecord: z.boolean(), setMajorCatalogue: z.boolean() }),
});
export type TOrg = z.infer<typeof ZOrg>;
