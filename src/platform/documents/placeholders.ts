/** The placeholder syntax of instrument templates: {path}, {a||b}, {path|filter}, {$.root} inside lists. */
export const PLACEHOLDER = /\{([^{}]+)\}/g;
export const RESERVED_ROOTS = ['org', 'doc'];

export interface ParsedPlaceholder {
  alternatives: string[];
  filter: string | null;
}

export function parsePlaceholder(expr: string): ParsedPlaceholder {
  const m = /^(.+?)(?<!\|)\|([A-Za-z]+)$/.exec(expr.trim());
  const pathPart = m ? m[1] : expr.trim();
  return { alternatives: pathPart.split('||').map((s) => s.trim()), filter: m ? m[2] : null };
}

export const isRootPath = (p: string) => p.startsWith('$.') || RESERVED_ROOTS.some((r) => p === r || p.startsWith(`${r}.`));
export const stripRoot = (p: string) => (p.startsWith('$.') ? p.slice(2) : p);
