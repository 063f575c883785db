/** Response schemas of the power list (权责清单) not kept with its records in schema.ts. */
import { z } from 'zod';
import { ZCitedArticle } from './schema.ts';

/** GET /api/powers/approvers: the leaders who may approve a change of the body's list. */
export const ZApprovers = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string(), orgName: z.string() })) });
export type Approver = z.infer<typeof ZApprovers>['items'][number];

/** GET /api/powers/basis/resolve: each cited basis, resolved to the articles in force, or why it is not. */
export const ZResolvedBasis = z.object({ refs: z.array(z.object({ raw: z.string(), articles: z.array(ZCitedArticle), error: z.string().nullable() })) });
export type ResolvedRef = z.infer<typeof ZResolvedBasis>['refs'][number];
