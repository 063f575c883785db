/**
 * Which version of a law was in force on a date (行政处罚法 第三十七条: the law at the time of the act, unless
 * the law at the time of the decision punishes less). A version is in force from its effective date until the
 * day before the next version's effective date, or until the day before its repeal.
 */
import type { Queryable } from '../../platform/db/index.ts';

export interface LawVersionPeriod {
  /** law version id, e.g. 农产品质量安全法@2022-09-02 */
  versionId: string;
  sourceId: string;
  /** first day in force */
  from: string;
  /** last day in force (inclusive); null = still in force */
  to: string | null;
}

export interface VersionDates {
  id: string;
  sourceId: string;
  versionDate: string;
  effectiveOn: string | null;
  repealedOn: string | null;
}

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The periods of the versions of each law, from their effective and repeal dates. Pure. */
export function periodsOf(versions: VersionDates[]): LawVersionPeriod[] {
  const out: LawVersionPeriod[] = [];
  const bySource = new Map<string, VersionDates[]>();
  for (const v of versions) bySource.set(v.sourceId, [...(bySource.get(v.sourceId) ?? []), v]);
  for (const list of bySource.values()) {
    const sorted = [...list].sort(
      (a, b) => (a.effectiveOn ?? a.versionDate).localeCompare(b.effectiveOn ?? b.versionDate) || a.versionDate.localeCompare(b.versionDate),
    );
    sorted.forEach((v, i) => {
      const from = v.effectiveOn ?? v.versionDate;
      const next = sorted[i + 1];
      const ends = [next ? dayBefore(next.effectiveOn ?? next.versionDate) : null, v.repealedOn ? dayBefore(v.repealedOn) : null].filter(
        (x): x is string => x !== null,
      );
      const to = ends.length ? ends.sort()[0] : null;
      if (to !== null && to < from) return; // superseded before it took effect: never in force
      out.push({ versionId: v.id, sourceId: v.sourceId, from, to });
    });
  }
  return out;
}

/** The in-force periods of every version of the given laws (by source id, e.g. 农产品质量安全法). */
export async function lawVersionPeriods(q: Queryable, sourceIds: string[]): Promise<LawVersionPeriod[]> {
  const unique = [...new Set(sourceIds)];
  if (!unique.length) return [];
  const r = await q.query<VersionDates>(
    `select id, source_id as "sourceId", version_date::text as "versionDate", effective_on::text as "effectiveOn", repealed_on::text as "repealedOn"
       from law_versions where source_id = any($1::text[])`,
    [unique],
  );
  return periodsOf(r.rows);
}

/** The version of a law in force on a date, or null when none was. */
export async function lawVersionInForce(q: Queryable, sourceId: string, date: string): Promise<LawVersionPeriod | null> {
  const periods = await lawVersionPeriods(q, [sourceId]);
  return periods.find((p) => p.from <= date && (p.to === null || date <= p.to)) ?? null;
}
