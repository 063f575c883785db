/** Reading the law library: sources with their versions, a version's text, an article, a diff. */
import { chinaToday } from '../../domain/dates.ts';
import { lawLevelLabels, lawLevels, lawStatusLabels, type LawLevel, type LawStatus } from '../../domain/lawMetadata.ts';
import { diffChars } from '../../domain/textDiff.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound, AppError } from '../../platform/errors.ts';
import { lawLibraryPolicy, type Principal } from '../../platform/policies.ts';
import { versionStatusSql } from './citations.ts';
import type { TArticle, TLawSource, TLawVersion } from './schema.ts';

export { searchLaws } from './search.ts';

/** law_versions columns as TLawVersion (history still JSON text); $1 must hold today's date. */
export const versionColumns = `v.id, v.source_id as "sourceId", v.title, v.subtitle, v.version_date as "versionDate", v.doc_number as "docNumber",
  v.promulgated_on as "promulgatedOn", v.effective_on as "effectiveOn", v.repealed_on as "repealedOn",
  ${versionStatusSql('v', '$1')} as status, v.article_count as "articleCount", v.history`;

type VersionRow = Omit<TLawVersion, 'history' | 'statusLabel'> & { history: string };

export const presentVersion = (r: VersionRow): TLawVersion => ({ ...r, statusLabel: lawStatusLabels[r.status], history: JSON.parse(r.history) });

interface SourceRow {
  id: string;
  title: string;
  level: LawLevel;
  issuer: string | null;
}

function presentSource(p: Principal, s: SourceRow, versions: TLawVersion[]): TLawSource {
  const current = versions[versions.length - 1];
  return {
    ...s,
    levelLabel: lawLevelLabels[s.level],
    status: current.status,
    statusLabel: current.statusLabel,
    currentVersionId: current.id,
    versions,
    abilities: lawLibraryPolicy(p),
  };
}

async function versionsBySource(q: Queryable, sourceIds: string[] | null, today: string): Promise<Map<string, TLawVersion[]>> {
  const r = await q.query<VersionRow>(
    `select ${versionColumns} from law_versions v ${sourceIds ? 'where v.source_id = any($2::text[])' : ''} order by v.source_id, v.version_date`,
    sourceIds ? [today, sourceIds] : [today],
  );
  const out = new Map<string, TLawVersion[]>();
  for (const row of r.rows) {
    const list = out.get(row.sourceId) ?? [];
    list.push(presentVersion(row));
    out.set(row.sourceId, list);
  }
  return out;
}

/** Every legal source with its versions, laws first, then regulations and rules. */
export async function listSources(q: Queryable, p: Principal, f: { q?: string; level?: LawLevel; status?: LawStatus } = {}): Promise<TLawSource[]> {
  const today = chinaToday();
  const sources = (
    await q.query<SourceRow>(
      `select id, title, level, issuer from legal_sources
      where ($1::text is null or level = $1) and ($2::text is null or strpos(title, $2) > 0 or strpos(id, $2) > 0)
      order by id`,
      [f.level ?? null, f.q || null],
    )
  ).rows;
  const versions = await versionsBySource(
    q,
    sources.map((s) => s.id),
    today,
  );
  return sources
    .filter((s) => versions.has(s.id))
    .map((s) => presentSource(p, s, versions.get(s.id)!))
    .filter((s) => !f.status || s.status === f.status)
    .sort((a, b) => lawLevels.indexOf(a.level) - lawLevels.indexOf(b.level) || a.id.localeCompare(b.id, 'zh-Hans-CN'));
}

/** A source, its versions, and the text of one version (the latest unless `versionId` is given). */
export async function getSource(q: Queryable, p: Principal, id: string, versionId?: string) {
  const today = chinaToday();
  const s = (await q.query<SourceRow>('select id, title, level, issuer from legal_sources where id = $1', [id])).rows[0];
  const versions = s ? (await versionsBySource(q, [id], today)).get(id) : undefined;
  if (!s || !versions) throw notFound('法律法规');
  const version = versionId ? versions.find((v) => v.id === versionId) : versions[versions.length - 1];
  if (!version) throw notFound('法律法规版本');
  const headings = (
    await q.query<{ seq: number; kind: 'part' | 'chapter' | 'section'; label: string; title: string; firstArticleOrdinal: number | null }>(
      'select seq, kind, label, title, first_article_ordinal as "firstArticleOrdinal" from law_headings where version_id = $1 order by seq',
      [version.id],
    )
  ).rows;
  const articles = (
    await q.query<{ id: string; label: string; ordinal: number; suffix: number; heading: string | null; body: string }>(
      'select id, label, ordinal, suffix, heading, body from law_articles where version_id = $1 order by ordinal, suffix',
      [version.id],
    )
  ).rows;
  return { ...presentSource(p, s, versions), version, headings, articles };
}

interface ArticleRow {
  id: string;
  versionId: string;
  sourceId: string;
  ordinal: number;
  suffix: number;
  label: string;
  heading: string | null;
  body: string;
  paragraphs: string;
}

const articleRow = async (q: Queryable, id: string) =>
  (
    await q.query<ArticleRow>(
      `select id, version_id as "versionId", source_id as "sourceId", ordinal, suffix, label, heading, body, paragraphs from law_articles where id = $1`,
      [id],
    )
  ).rows[0];

/** An article with its paragraphs and items, its neighbours, and the same number in every version. */
export async function getArticle(q: Queryable, p: Principal, id: string): Promise<TArticle> {
  const today = chinaToday();
  const a = await articleRow(q, id);
  if (!a) throw notFound('条文');
  const s = (await q.query<SourceRow>('select id, title, level, issuer from legal_sources where id = $1', [a.sourceId])).rows[0];
  const versions = (await versionsBySource(q, [a.sourceId], today)).get(a.sourceId)!;
  const neighbour = async (dir: 'prev' | 'next') =>
    (
      await q.query<{ id: string }>(
        dir === 'prev'
          ? 'select id from law_articles where version_id = $1 and (ordinal, suffix) < ($2, $3) order by ordinal desc, suffix desc limit 1'
          : 'select id from law_articles where version_id = $1 and (ordinal, suffix) > ($2, $3) order by ordinal, suffix limit 1',
        [a.versionId, a.ordinal, a.suffix],
      )
    ).rows[0]?.id ?? null;
  const same = new Map(
    (
      await q.query<{ versionId: string; id: string; body: string }>(
        'select version_id as "versionId", id, body from law_articles where source_id = $1 and label = $2',
        [a.sourceId, a.label],
      )
    ).rows.map((r) => [r.versionId, r]),
  );
  const citedBy = (await q.query<{ n: number }>('select count(distinct (subject_type, subject_id))::int as n from citations where article_id = $1', [id]))
    .rows[0].n;
  return {
    id: a.id,
    label: a.label,
    ordinal: a.ordinal,
    suffix: a.suffix,
    heading: a.heading,
    body: a.body,
    paragraphs: JSON.parse(a.paragraphs),
    source: { id: s.id, title: s.title, level: s.level, levelLabel: lawLevelLabels[s.level], issuer: s.issuer },
    version: versions.find((v) => v.id === a.versionId)!,
    previousId: await neighbour('prev'),
    nextId: await neighbour('next'),
    versions: versions.map((v) => {
      const other = same.get(v.id);
      return {
        versionId: v.id,
        versionDate: v.versionDate,
        status: v.status,
        statusLabel: v.statusLabel,
        articleId: other?.id ?? null,
        sameText: other ? other.body === a.body : null,
      };
    }),
    citedBy,
    abilities: lawLibraryPolicy(p),
  };
}

/** Character-level diff of two versions of the same article (or of any two articles of one law). */
export async function articleDiff(q: Queryable, fromId: string, toId: string) {
  const [a, b] = await Promise.all([articleRow(q, fromId), articleRow(q, toId)]);
  if (!a || !b) throw notFound('条文');
  if (a.sourceId !== b.sourceId) throw new AppError('DIFFERENT_LAWS', '只能比较同一法律法规不同版本的条文');
  const dates = new Map(
    (
      await q.query<{ id: string; versionDate: string; title: string }>(
        'select id, version_date as "versionDate", title from law_versions where id = any($1::text[])',
        [[a.versionId, b.versionId]],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const ref = (x: ArticleRow) => ({
    id: x.id,
    label: x.label,
    sourceId: x.sourceId,
    title: dates.get(x.versionId)!.title,
    versionDate: dates.get(x.versionId)!.versionDate,
  });
  return { from: ref(a), to: ref(b), identical: a.body === b.body, ops: diffChars(a.body, b.body) };
}
