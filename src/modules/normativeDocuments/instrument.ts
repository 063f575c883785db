/** The data of the document's official text (platform/documents/templates/normativeDocument.ts) from its structured articles. */
import type { DocumentRow } from './store.ts';
import { articleLabel } from './transitions/shared.ts';

export const NORMATIVE_INSTRUMENT = 'normativeDocument';

export function bodyText(d: Pick<DocumentRow, 'articles'>): string {
  const lines: string[] = [];
  d.articles.forEach((a, i) => {
    if (a.chapter?.trim()) lines.push(a.chapter.trim());
    lines.push(`${articleLabel(i + 1)}　${a.text.trim()}`);
  });
  return lines.join('\n');
}

export const instrumentData = (d: Pick<DocumentRow, 'title' | 'articles'>): Record<string, unknown> => ({
  docTitle: d.title,
  body: bodyText(d),
  publicNote: '此件公开发布',
});
