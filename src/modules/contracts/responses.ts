/** Response schemas of 合同合法性审查 and 立法征询. */
import { z } from 'zod';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';
import { contractCategoryIds } from '../../domain/legality/contracts.ts';

const str = z.string();
const nstr = z.string().nullable();

export const ZContractListItem = z.object({
  id: str,
  unitId: str,
  unitName: str,
  bodyId: str,
  category: z.enum(contractCategoryIds),
  categoryLabel: str,
  title: str,
  counterparty: str,
  counterpartyUscc: nstr,
  amountFen: z.number(),
  termStart: nstr,
  termEnd: nstr,
  signedOn: nstr,
  closedOn: nstr,
  state: str,
  stateLabel: str,
  /** the latest legality review's opinion (合法 / 修改后合法 / 不合法), or its state */
  review: z.object({ id: str, state: str, opinion: nstr, concludedOn: nstr }).nullable(),
  createdAt: str,
});
export type ContractListItem = z.infer<typeof ZContractListItem>;
export const ZContractList = z.object({ total: z.number(), items: z.array(ZContractListItem), mayRegister: z.boolean() });

export const ZContractDetail = ZContractListItem.extend({
  version: z.number(),
  summary: str,
  signedFileId: nstr,
  notes: z.array(z.object({ id: str, kind: z.enum(['performance', 'dispute']), note: str, notedOn: str })),
  reviews: z.array(
    z.object({
      id: str,
      kind: str,
      title: str,
      state: str,
      requestedOn: str,
      earliestOpinionOn: nstr,
      opinion: nstr,
      reasons: nstr,
      concludedOn: nstr,
      instrumentId: nstr,
    }),
  ),
  /** the gate before signing: null when a review concluded 合法 or 修改后合法 */
  gate: z.object({ code: str, message: str }).nullable(),
  files: z.array(z.object({ id: str, fileName: str })),
  deadlines: z.array(ZMatterDeadline),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), handle: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
});
export type ContractDetail = z.infer<typeof ZContractDetail>;

export const ZLegislativeItem = z.object({
  id: str,
  bodyId: str,
  requester: str,
  draftTitle: str,
  receivedOn: str,
  dueOn: nstr,
  reply: nstr,
  repliedOn: nstr,
  replyFileId: nstr,
  state: str,
  stateLabel: str,
  overdue: z.boolean(),
  repliedLate: z.boolean(),
});
export type LegislativeItem = z.infer<typeof ZLegislativeItem>;
export const ZLegislativeList = z.object({ total: z.number(), items: z.array(ZLegislativeItem), mayRegister: z.boolean() });
export const ZLegislativeDetail = ZLegislativeItem.extend({
  version: z.number(),
  files: z.array(z.object({ id: str, fileName: str })),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), handle: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
});
export type LegislativeDetail = z.infer<typeof ZLegislativeDetail>;
