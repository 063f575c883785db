/**
 * Legal basis as people write it in a spreadsheet (《法名》第X条) ↔ article ids of the law library.
 * Text references resolve to the law's current version (the latest 有效 one); an article of an
 * older version is written back as its id, so an export imports back to the same links.
 */
import { basisText, shortLawTitle, type BasisRef } from '../../domain/powers.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { chinaToday } from '../../domain/dates.ts';
import { articlesByIds, versionStatusSql } from '../laws/index.ts';

interface VersionRow {
  id: string;
  sourceId: string;
  versionDate: string;
  status: string;
}

/** The versions of these laws with their status today (repealed / not yet effective are derived from the dates). */
async function versionsOf(q: Queryable, sourceIds: string[]): Promise<VersionRow[]> {
  return (
    await q.query<VersionRow>(
      `select v.id, v.source_id as "sourceId", v.version_date as "versionDate", ${versionStatusSql('v', '$2')} as status
       from law_versions v where v.source_id = any($1)`,
      [sourceIds, chinaToday()],
    )
  ).rows;
}

/** The version a text reference means: the latest effective one, else the latest. */
function currentVersions(rows: VersionRow[]): Map<string, VersionRow> {
  const out = new Map<string, VersionRow>();
  const sorted = [...rows].sort((a, b) => a.versionDate.localeCompare(b.versionDate));
  for (const v of sorted) {
    const prev = out.get(v.sourceId);
    if (!prev || v.status === 'effective' || prev.status !== 'effective') out.set(v.sourceId, v);
  }
  return out;
}

async function sourcesAndVersions(q: Queryable, names: string[]) {
  const sources = (
    await q.query<{ id: string; title: string }>('select id, title from legal_sources where id = any($1) or title = any($1) or title = any($2)', [
      names,
      names.map((n) => `中华人民共和国${n}`),
    ])
  ).rows;
  const bySource = new Map<string, { id: string; title: string }>();
  for (const s of sources) {
    bySource.set(s.id, s);
    bySource.set(shortLawTitle(s.title), s);
  }
  const versions = sources.length
    ? await versionsOf(
        q,
        sources.map((s) => s.id),
      )
    : [];
  return { bySource, current: currentVersions(versions) };
}

export type BasisResolver = (ref: Exclude<BasisRef, { kind: 'invalid' }>) => { articleIds: string[] } | { error: string };

/** Looks every reference up at once and returns a resolver for the import plan. */
export async function basisResolver(q: Queryable, refs: BasisRef[]): Promise<BasisResolver> {
  const idRefs = [...new Set(refs.flatMap((r) => (r.kind === 'id' ? [r.articleId] : [])))];
  const knownIds = new Set(idRefs.length ? (await articlesByIds(q, idRefs)).map((a) => a.id) : []);
  const names = [...new Set(refs.flatMap((r) => (r.kind === 'text' ? [r.law] : [])))];
  const { bySource, current } = names.length ? await sourcesAndVersions(q, names) : { bySource: new Map(), current: new Map() };
  const versionIds = [...new Set([...current.values()].map((v) => v.id))];
  const labels = [...new Set(refs.flatMap((r) => (r.kind === 'text' ? r.labels : [])))];
  const articles =
    versionIds.length && labels.length
      ? (
          await q.query<{ id: string; versionId: string; label: string }>(
            'select id, version_id as "versionId", label from law_articles where version_id = any($1) and label = any($2)',
            [versionIds, labels],
          )
        ).rows
      : [];
  const articleAt = new Map(articles.map((a) => [`${a.versionId}\u0000${a.label}`, a.id]));

  return (ref) => {
    if (ref.kind === 'id') return knownIds.has(ref.articleId) ? { articleIds: [ref.articleId] } : { error: `法律法规数据库中没有条文“${ref.articleId}”` };
    const source = bySource.get(ref.law);
    if (!source) return { error: `法律法规数据库中没有“${ref.law}”：请先导入该法律法规，或检查名称（${ref.raw}）` };
    const version = current.get(source.id)!;
    const ids: string[] = [];
    const missing: string[] = [];
    for (const label of ref.labels) {
      const id = articleAt.get(`${version.id}\u0000${label}`);
      if (id) ids.push(id);
      else missing.push(label);
    }
    if (missing.length) return { error: `《${source.title}》（${version.versionDate} 版）中没有${missing.join('、')}（${ref.raw}）` };
    return { articleIds: ids };
  };
}

/**
 * Writes article ids as a 设定依据 cell: articles of a law's current version as 《法名》第X条、第Y条,
 * others (an older version) as their ids. One reference per line.
 */
export async function basisCellWriter(q: Queryable, allIds: string[]): Promise<(ids: string[]) => string> {
  const unique = [...new Set(allIds)];
  const articles = new Map((unique.length ? await articlesByIds(q, unique) : []).map((a) => [a.id, a]));
  const sourceIds = [...new Set([...articles.values()].map((a) => a.sourceId))];
  const versions = sourceIds.length ? await versionsOf(q, sourceIds) : [];
  const current = currentVersions(versions);
  return (ids) => {
    const lines: string[] = [];
    let last: { sourceId: string; line: number } | null = null;
    for (const id of ids) {
      const a = articles.get(id);
      if (!a || current.get(a.sourceId)?.versionDate !== a.versionDate) {
        lines.push(id);
        last = null;
        continue;
      }
      if (last && last.sourceId === a.sourceId) lines[last.line] += `、${a.label}`;
      else {
        lines.push(basisText(a.title, a.label));
        last = { sourceId: a.sourceId, line: lines.length - 1 };
      }
    }
    return lines.join('\n');
  };
}
