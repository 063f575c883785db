/** The rows of the module (reads without authorization; access.ts decides who sees them). */
import type { Queryable } from '../../platform/db/index.ts';

export interface CatalogueRow {
  id: string;
  bodyId: string;
  year: number;
  title: string;
  standard: string;
  approval: { approvedOn: string; approvedBy: string; document: string } | null;
  publishedOn: string | null;
  published: PublishedCatalogue | null;
}

export interface CatalogueItemRow {
  id: string;
  catalogueId: string;
  seq: number;
  title: string;
  category: string;
  unitId: string;
  planned: string;
  note: string;
  status: 'listed' | 'removed';
  adjustment: { kind: 'added' | 'removed'; reason: string; on: string } | null;
}

/** What the portal shows of a catalogue: the items as published, and every adjustment after it. */
export interface PublishedCatalogue {
  title: string;
  year: number;
  body: string;
  standard: string;
  publishedOn: string;
  items: { seq: number; title: string; category: string; unit: string; planned: string; status: 'listed' | 'removed' }[];
  adjustments: { on: string; kind: 'added' | 'removed'; seq: number; title: string; reason: string }[];
}

export interface DecisionRow {
  id: string;
  bodyId: string;
  unitId: string;
  catalogueItemId: string;
  year: number;
  title: string;
  draft: string;
  reasons: string;
  marketActivity: boolean;
  consultationId: string | null;
  participation: Record<string, unknown> | null;
  expert: Record<string, unknown> | null;
  risk: Record<string, unknown> | null;
  legalityReviewId: string | null;
  fairCompetitionReviewId: string | null;
  discussion: Record<string, unknown> | null;
  publication: PublishedDecision | null;
  publishedOn: string | null;
  execution: Record<string, unknown> | null;
  evaluation: Record<string, unknown> | null;
  archive: Record<string, unknown> | null;
}

/** What the portal shows of a decision (第三十二条): the decision and its 决策说明. */
export interface PublishedDecision {
  title: string;
  body: string;
  publishedOn: string;
  number: string;
  text: string;
  explanation: string;
  publicOpinions: string;
  expertOpinions: string;
  catalogueYear: number;
  catalogueSeq: number;
}

const catalogueColumns = `id, body_id as "bodyId", year, title, standard, approval, published_on as "publishedOn", published`;

export async function findCatalogue(q: Queryable, id: string): Promise<CatalogueRow | null> {
  return (await q.query<CatalogueRow>(`select ${catalogueColumns} from decision_catalogues where id = $1`, [id])).rows[0] ?? null;
}

export async function catalogueItems(q: Queryable, catalogueId: string): Promise<CatalogueItemRow[]> {
  return (
    await q.query<CatalogueItemRow>(
      `select id, catalogue_id as "catalogueId", seq, title, category, unit_id as "unitId", planned, note, status, adjustment
         from decision_catalogue_items where catalogue_id = $1 order by seq`,
      [catalogueId],
    )
  ).rows;
}

export async function findCatalogueItem(q: Queryable, id: string): Promise<CatalogueItemRow | null> {
  return (
    (
      await q.query<CatalogueItemRow>(
        `select id, catalogue_id as "catalogueId", seq, title, category, unit_id as "unitId", planned, note, status, adjustment
           from decision_catalogue_items where id = $1`,
        [id],
      )
    ).rows[0] ?? null
  );
}

const decisionColumns = `id, body_id as "bodyId", unit_id as "unitId", catalogue_item_id as "catalogueItemId", year, title, draft, reasons, market_activity as "marketActivity",
  consultation_id as "consultationId", participation, expert, risk, legality_review_id as "legalityReviewId", fair_competition_review_id as "fairCompetitionReviewId", discussion, publication,
  published_on as "publishedOn", execution, evaluation, archive`;

export async function findDecision(q: Queryable, id: string): Promise<DecisionRow | null> {
  return (await q.query<DecisionRow>(`select ${decisionColumns} from major_decisions where id = $1`, [id])).rows[0] ?? null;
}

export const DECISION_COLUMNS = decisionColumns;

/** Sets one step's column of a decision (the transition's effect; its record entry is the transition's). */
export async function setDecisionStep(
  q: Queryable,
  id: string,
  column: 'participation' | 'expert' | 'risk' | 'discussion' | 'execution' | 'evaluation' | 'archive',
  value: unknown,
): Promise<void> {
  await q.query(`update major_decisions set ${column} = $2 where id = $1`, [id, JSON.stringify(value)]);
}

export async function orgName(q: Queryable, id: string): Promise<string> {
  return (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0]?.name ?? id;
}
