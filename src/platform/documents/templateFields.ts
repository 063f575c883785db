/** What a template needs (for the template list and the preview form): every data path it reads. */
import { isRootPath, parsePlaceholder, PLACEHOLDER, stripRoot } from './placeholders.ts';
import type { InstrumentTemplate } from './model.ts';

export interface TemplateField {
  /** data path; list fields as items[].name; alternatives joined with || */
  path: string;
  label: string;
  required: boolean;
  /** present only when the field is needed only if this path is present (or, with !, absent) */
  condition?: string;
}

/** Every data path a template reads, whether it is required, and its Chinese label. */
export function templateFields(t: InstrumentTemplate, sharedLabels: Record<string, string> = {}): TemplateField[] {
  const labels = { ...sharedLabels, ...t.labels };
  const found = new Map<string, TemplateField>();
  const labelOf = (p: string) => labels[p] ?? p;
  const add = (path: string, required: boolean, condition?: string) => {
    if (path.startsWith('org.') || path.startsWith('doc.')) return;
    const prev = found.get(path);
    if (prev) {
      if (required && !prev.required) found.set(path, { ...prev, required: true, condition: undefined });
      return;
    }
    const label = path.split('||').map(labelOf).join('或');
    found.set(path, { path, label, required, ...(condition && !required && condition !== path ? { condition } : {}) });
  };
  const scan = (text: string | undefined, required: boolean, cond?: string, listPath?: string) => {
    if (!text) return;
    for (const m of text.matchAll(PLACEHOLDER)) {
      const { alternatives } = parsePlaceholder(m[1]);
      if (listPath && alternatives.every((a) => a === '.')) continue; // the item itself: the list is the field
      const paths = alternatives.map((a) => (listPath && !isRootPath(a) ? (a === '.' ? `${listPath}[]` : `${listPath}[].${a}`) : stripRoot(a)));
      add(paths.join('||'), required, cond);
    }
  };
  const condOf = (c: { when?: string; unless?: string }, outer?: string) => outer ?? (c.when ? c.when : c.unless ? `!${c.unless}` : undefined);
  // a path a block depends on is a field too (e.g. hearingEligible: print the hearing right)
  const switches = (c: { when?: string; unless?: string }) => [c.when, c.unless].forEach((p) => p && add(stripRoot(p), false));
  for (const b of t.blocks) {
    const cond = condOf(b);
    const req = !cond;
    switch (b.type) {
      case 'paragraph':
        scan(b.text, req, cond);
        break;
      case 'heading':
      case 'note':
        scan(b.text, req, cond);
        break;
      case 'fields':
        for (const l of b.lines) {
          const c = condOf(l, cond);
          scan(l.value, !c && !l.optional, c);
        }
        break;
      case 'list':
        add(b.items, req && !b.optional, cond);
        scan(b.item ?? '{.}', req && !b.optional, cond ?? (b.optional ? b.items : undefined), b.items);
        break;
      case 'dialogue':
        add(b.items, req, cond);
        break;
      case 'table':
        add(b.rows, req && !b.optional, cond);
        for (const c of b.columns) scan(c.value, req && !b.optional && !c.optional, cond ?? (b.optional || c.optional ? b.rows : undefined), b.rows);
        break;
      case 'form':
        for (const row of b.rows)
          for (const c of row) {
            scan(c.label, req, cond);
            scan(c.text, req && !c.optional, cond);
            scan(c.sign, req && !c.optional, cond);
          }
        break;
      case 'signature':
        for (const l of b.lines ?? []) scan(l, req, cond);
        scan(b.date, req, cond);
        break;
      case 'signLines':
        for (const l of b.lines) scan(l, req, cond);
        break;
      case 'spacer':
        break;
    }
    if (b.type === 'dialogue') {
      for (const p of b.turns ? ['speaker', 'text'] : ['q', 'a']) add(`${b.items}[].${p}`, req, cond);
    }
    switches(b);
    if (b.type === 'fields') b.lines.forEach(switches);
  }
  return [...found.values()];
}
