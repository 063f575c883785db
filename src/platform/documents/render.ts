/**
 * The document generator: template (data) + case data → laid-out instrument → .docx and PDF.
 * No database here; numbering and the record are in `issue.ts`.
 */
import { AppError } from '../errors.ts';
import { renderDocx } from './docx.ts';
import { layOut, templateFields, type FillEnv, type TemplateField } from './fill.ts';
import type { InstrumentTemplate, LaidOutInstrument } from './model.ts';
import { renderPdf } from './pdf.ts';
import { instrumentTemplates, sharedLabels, templateByKind } from './templates/index.ts';

export type InstrumentFormat = 'docx' | 'pdf';

export const PREVIEW_WATERMARK = '样稿';

export const contentTypes: Record<InstrumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function requireTemplate(kind: string): InstrumentTemplate {
  const t = templateByKind(kind);
  if (!t) throw new AppError('INSTRUMENT_KIND_UNKNOWN', `没有“${kind}”这种文书模板`);
  return t;
}

/** Fills the template; 422 INSTRUMENT_DATA_MISSING (every missing field) or INSTRUMENT_DATA_INVALID. */
export function layOutInstrument(kind: string, data: Record<string, unknown>, env: FillEnv): LaidOutInstrument {
  return layOut(requireTemplate(kind), data, env, sharedLabels);
}

export async function renderInstrument(doc: LaidOutInstrument, format: InstrumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}

export interface TemplateSummary {
  kind: string;
  title: string;
  family: string;
  version: number;
  numberPattern: string;
  source: string;
  fields: TemplateField[];
  sample: Record<string, unknown>;
}

export const templateSummaries = (): TemplateSummary[] =>
  instrumentTemplates.map((t) => ({
    kind: t.kind,
    title: t.title,
    family: t.family,
    version: t.version,
    numberPattern: t.numberPattern,
    source: t.source,
    fields: templateFields(t, sharedLabels),
    sample: t.sample,
  }));

/** The file name a person downloads: 行政处罚决定书（示市监处罚〔2026〕12号）.docx */
export function instrumentFileName(title: string, number: string | null, format: InstrumentFormat): string {
  return `${title}${number ? `（${number}）` : '（样稿）'}.${format}`;
}
