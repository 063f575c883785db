/** The input of each 行政复议 and 行政应诉 transition (the engine parses with these; the API documents them). */
import { z } from 'zod';
import { absenceGrounds, appearanceKinds, judgmentOutcomeIds, reconsiderationOutcomeIds } from '../../../domain/remedies/rules.ts';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const effect = z.enum(['stands', 'changed', 'setAside']);
const enumOf = <T extends Record<string, unknown>>(o: T) => z.enum(Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]);

const appearance = {
  appearance: enumOf(appearanceKinds),
  headName: optText(100),
  headTitle: optText(100),
  absenceGround: enumOf(absenceGrounds).optional(),
  absenceReason: optText(1000),
  headRequired: z.boolean().optional(),
};

export const reconsiderationInputs = {
  answer: z.strictObject({
    answer: text(20000).describe('书面答复：事实、证据、依据和答复意见'),
    materials: text(4000).describe('提交的证据、依据和其他有关材料'),
  }),
  attend: z.strictObject({
    kind: z.enum(['opinion', 'hearing', 'mediation']),
    heldOn: ZDate,
    attendees: text(1000).describe('本机关出席人员'),
    note: optText(4000),
  }),
  enterDecision: z.strictObject({
    outcome: z.enum(reconsiderationOutcomeIds),
    statedEffect: effect.optional().describe('调解、和解：是否变更或者撤销原行政行为'),
    number: text(100).describe('行政复议决定书（调解书）文号'),
    decidedOn: ZDate,
    receivedOn: ZDate.describe('本机关收到决定书之日'),
    summary: text(4000),
    fileId: z.string().trim().min(1).max(64).optional().describe('决定书扫描件（本事项的文件）'),
  }),
} as const;

export const lawsuitInputs = {
  defend: z.strictObject({
    defence: text(20000).describe('答辩状：事实、理由和答辩意见'),
    evidence: text(4000).describe('提交的证据和所依据的规范性文件'),
  }),
  attendHearing: z.strictObject({
    heldOn: ZDate,
    attendees: text(1000).describe('本机关出庭人员'),
    note: optText(4000),
    ...appearance,
  }),
  enterJudgment: z.strictObject({
    kind: z.enum(['judgment', 'ruling']),
    outcome: z.enum(judgmentOutcomeIds),
    number: text(100),
    servedOn: ZDate.describe('判决书、裁定书送达之日'),
    summary: text(4000),
    statedEffect: effect.optional(),
  }),
  appeal: z.strictObject({
    appealedBy: z.enum(['bureau', 'plaintiff']),
    appealedOn: ZDate,
    court: text(200).describe('上一级人民法院'),
    fileNumber: optText(100),
  }),
  becomeEffective: z.strictObject({ note: optText(1000) }),
  enterFinalJudgment: z.strictObject({
    kind: z.enum(['judgment', 'ruling', 'mediation']),
    outcome: z.enum(judgmentOutcomeIds),
    number: text(100),
    servedOn: ZDate,
    summary: text(4000),
    statedEffect: effect.optional(),
  }),
  closeSuit: z.strictObject({
    execution: z.enum(['performed', 'enforcementApplied', 'nothingToExecute']),
    on: ZDate,
    note: text(2000),
  }),
} as const;

export type ReconsiderationTransition = keyof typeof reconsiderationInputs;
export type LawsuitTransition = keyof typeof lawsuitInputs;
export type ReconsiderationInput<T extends ReconsiderationTransition> = z.output<(typeof reconsiderationInputs)[T]>;
export type LawsuitInput<T extends LawsuitTransition> = z.output<(typeof lawsuitInputs)[T]>;

export const executionLabels = { performed: '本机关已履行', enforcementApplied: '已申请人民法院强制执行', nothingToExecute: '无需执行' } as const;
