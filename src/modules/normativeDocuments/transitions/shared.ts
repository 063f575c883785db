/** What the normative-document transitions share: reading the document and its province's settings. */
import { articleLabel as lawArticleLabel } from '../../../domain/chineseNumerals.ts';
import { settingsFor, type ProvinceSettings } from '../../../domain/normativeDocuments/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, type ErrorCode } from '../../../platform/errors.ts';
import { findDocument, type DocumentRow } from '../store.ts';

export const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];
export const gate = (p: Problem | null): Problem[] => (p ? [p] : []);

export interface DocumentFacts {
  doc: DocumentRow;
  settings: ProvinceSettings;
}

export async function loadDocument(q: Queryable, id: string): Promise<DocumentFacts> {
  const doc = await findDocument(q, id);
  if (!doc) throw new AppError('NOT_FOUND', '规范性文件不存在');
  const division = (await q.query<{ code: string | null }>('select division_code as code from orgs where id = $1', [doc.bodyId])).rows[0]?.code ?? null;
  return { doc, settings: settingsFor(division) };
}

/** The document's text as the reviews and the public comment receive it: title, articles numbered 第一条… */
export function fullText(d: Pick<DocumentRow, 'title' | 'articles'>): string {
  const lines = [d.title];
  d.articles.forEach((a, i) => {
    if (a.chapter) lines.push(a.chapter);
    lines.push(`${articleLabel(i + 1)}　${a.text}`);
  });
  return lines.join('\n');
}

/** 1 → 第一条, 12 → 第十二条 (the law library's numerals). */
export const articleLabel = (n: number): string => lawArticleLabel({ ordinal: n, suffix: 0 });
