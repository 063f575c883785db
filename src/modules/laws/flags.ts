/** The 依据变更 review queue: basis flags the caller may see, each with the article diff old → new. */
import { basisChangeLabels, type BasisChangeKind } from '../../domain/basisChange.ts';
import { matterTypeLabels } from '../../domain/vocabulary.ts';
import { diffChars } from '../../domain/textDiff.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { ancestorsOf } from '../../platform/orgs.ts';
import { basisFlagPolicy, type Principal } from '../../platform/policies.ts';
import type { Registry } from '../../platform/modules.ts';
import { resolveMatter } from '../record/index.ts';
import type { TBasisFlag } from './schema.ts';

interface FlagRow {
  id: string;
  subjectType: string;
  subjectId: string;
  orgId: string | null;
  orgName: string | null;
  change: BasisChangeKind;
  status: 'open' | 'cleared';
  createdAt: string;
  clearedAt: string | null;
  clearedByName: string | null;
  clearNote: string | null;
  raisedVersionId: string;
  raisedTitle: string;
  raisedDate: string;
  aId: string;
  aLabel: string;
  aSource: string;
  aTitle: string;
  aDate: string;
  aBody: string;
  nId: string | null;
  nLabel: string | null;
  nTitle: string | null;
  nDate: string | null;
  nBody: string | null;
}

const iso = (t: string | null) => (t ? new Date(t).toISOString() : null);

export async function listBasisFlags(
  reg: Registry,
  q: Queryable,
  p: Principal,
  f: { status: 'open' | 'cleared' | 'all'; subjectType?: string; page: number; pageSize: number; id?: string },
): Promise<{ total: number; page: number; pageSize: number; items: TBasisFlag[] }> {
  const ancestors = await ancestorsOf(q, p.orgId);
  const visibleOrgs = [...p.scope, ...ancestors];
  const r = await q.query<FlagRow & { total: number }>(
    `select f.id, f.subject_type as "subjectType", f.subject_id as "subjectId", f.org_id as "orgId", o.name as "orgName", f.change, f.status,
            f.created_at as "createdAt", f.cleared_at as "clearedAt", u.display_name as "clearedByName", f.clear_note as "clearNote",
            rv.id as "raisedVersionId", rv.title as "raisedTitle", rv.version_date as "raisedDate",
            a.id as "aId", a.label as "aLabel", a.source_id as "aSource", av.title as "aTitle", av.version_date as "aDate", a.body as "aBody",
            n.id as "nId", n.label as "nLabel", nv.title as "nTitle", nv.version_date as "nDate", n.body as "nBody",
            count(*) over () as total
       from basis_flags f
       join law_articles a on a.id = f.article_id join law_versions av on av.id = a.version_id
       join law_versions rv on rv.id = f.raised_by_version
       left join law_articles n on n.id = f.new_article_id left join law_versions nv on nv.id = n.version_id
       left join orgs o on o.id = f.org_id
       left join users u on u.id = f.cleared_by
      where (f.org_id is null or f.org_id = any($1::text[]))
        and ($2::text = 'all' or f.status = $2) and ($3::text is null or f.subject_type = $3) and ($6::text is null or f.id = $6)
      order by f.created_at desc, f.subject_type, f.subject_id, a.ordinal
      limit $4 offset $5`,
    [visibleOrgs, f.status, f.subjectType ?? null, f.pageSize, (f.page - 1) * f.pageSize, f.id ?? null],
  );
  const items: TBasisFlag[] = [];
  for (const x of r.rows) {
    const matter = await resolveMatter(reg, q, p, x.subjectType, x.subjectId);
    items.push({
      id: x.id,
      subjectType: x.subjectType,
      subjectTypeLabel: matterTypeLabels[x.subjectType] ?? x.subjectType,
      subjectId: x.subjectId,
      subjectTitle: matter?.title ?? null,
      orgId: x.orgId,
      orgName: x.orgName,
      article: { id: x.aId, label: x.aLabel, sourceId: x.aSource, title: x.aTitle, versionDate: x.aDate, body: x.aBody },
      newArticle: x.nId ? { id: x.nId, label: x.nLabel!, sourceId: x.aSource, title: x.nTitle!, versionDate: x.nDate!, body: x.nBody! } : null,
      change: x.change,
      changeLabel: basisChangeLabels[x.change],
      renumbered: !!x.nLabel && x.nLabel !== x.aLabel,
      diff: x.nBody !== null ? diffChars(x.aBody, x.nBody) : null,
      raisedBy: { versionId: x.raisedVersionId, title: x.raisedTitle, versionDate: x.raisedDate },
      status: x.status,
      createdAt: iso(x.createdAt)!,
      clearedAt: iso(x.clearedAt),
      clearedByName: x.clearedByName,
      clearNote: x.clearNote,
      abilities: basisFlagPolicy(p, x, ancestors),
    });
  }
  return { total: r.rows[0]?.total ?? 0, page: f.page, pageSize: f.pageSize, items };
}
