/** Response schemas of the recommendations (检察建议、司法建议 …). */
import { z } from 'zod';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';

const str = z.string();
const nstr = z.string().nullable();

export const ZRecommendationItem = z.object({
  id: str,
  bodyId: str,
  unitId: nstr,
  unitName: nstr,
  kind: str,
  kindLabel: str,
  issuer: str,
  documentNumber: str,
  issuedOn: str,
  receivedOn: str,
  statedDueOn: nstr,
  answerDue: nstr,
  overdue: z.boolean(),
  answeredOn: nstr,
  filedOn: nstr,
  state: str,
  stateLabel: str,
});
export type RecommendationItem = z.infer<typeof ZRecommendationItem>;
export const ZRecommendationList = z.object({ total: z.number(), items: z.array(ZRecommendationItem), mayRegister: z.boolean() });
export const ZRecommendationDetail = ZRecommendationItem.extend({
  version: z.number(),
  content: str,
  answer: nstr,
  measures: nstr,
  files: z.array(z.object({ id: str, fileName: str })),
  units: z.array(z.object({ id: str, name: str })),
  deadlines: z.array(ZMatterDeadline),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), handle: z.boolean(), manage: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
});
export type RecommendationDetail = z.infer<typeof ZRecommendationDetail>;
