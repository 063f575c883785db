/** The input of each consultation transition (400 VALIDATION_FAILED before any guard runs). */
import { z } from 'zod';

/** A link to the final text: a path on this site or an http(s) address. */
export const ZFinalTextUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^\/[^/\\]/.test(s) || /^https?:\/\/[^\s]+$/.test(s), '应为本站路径（以 / 开头）或 http(s) 网址');

export const consultationInputs = {
  close: z.strictObject({}),
  publishReport: z.strictObject({ summary: z.string().trim().min(1).max(5000), finalTextUrl: ZFinalTextUrl.nullable().optional() }),
} as const;
