/** The input of each 投诉 / 举报 transition (400 VALIDATION_FAILED before any guard runs). Never a person's identity. */
import { z } from 'zod';
import {
  complaintCategoryIds,
  mediationModeIds,
  noDocumentReasonIds,
  noticeMethodIds,
  rejectionGroundIds,
  reportClosingGroundIds,
  terminationGroundIds,
} from '../../../domain/complaints/rules.ts';

const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max);

export const complaintInputs = {
  accept: z.strictObject({ noticeMethod: z.enum(noticeMethodIds).default('portal'), note: text(500).nullish() }),
  reject: z.strictObject({ ground: z.enum(rejectionGroundIds), reason: text(1000), noticeMethod: z.enum(noticeMethodIds).default('portal') }),
  recordAgreement: z.strictObject({
    mode: z.enum(mediationModeIds),
    content: text(3000),
    makeDocument: z.boolean(),
    noDocumentReason: z.enum(noDocumentReasonIds).nullish(),
  }),
  terminate: z.strictObject({ ground: z.enum(terminationGroundIds), reason: text(1000) }),
  notifyTermination: z.strictObject({ method: z.enum(noticeMethodIds), note: text(500).nullish() }),
} as const;

export const reportInputs = {
  openLead: z.strictObject({ field: z.enum(complaintCategoryIds).nullish(), note: text(500).nullish() }),
  close: z.strictObject({ ground: z.enum(reportClosingGroundIds), reason: text(1000), method: z.enum(noticeMethodIds).nullish() }),
} as const;
