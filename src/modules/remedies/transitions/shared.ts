/** What the remedy transitions share: reading the row, and appending a hearing. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { findLawsuit, findReconsideration, type Hearing, type Judgment, type LawsuitRow, type ReconsiderationRow } from '../store.ts';

export async function loadReconsideration(q: Queryable, id: string): Promise<ReconsiderationRow> {
  const r = await findReconsideration(q, id);
  if (!r) throw new AppError('NOT_FOUND', '行政复议案件不存在');
  return r;
}

export async function loadLawsuit(q: Queryable, id: string): Promise<LawsuitRow> {
  const r = await findLawsuit(q, id);
  if (!r) throw new AppError('NOT_FOUND', '行政诉讼案件不存在');
  return r;
}

export async function addHearing(q: Queryable, table: 'reconsiderations' | 'lawsuits', id: string, h: Omit<Hearing, 'id'>): Promise<string> {
  const hearingId = randomUUID();
  await q.query(`update ${table} set hearings = hearings || $2::jsonb where id = $1`, [id, JSON.stringify([{ id: hearingId, ...h }])]);
  return hearingId;
}

/** Appends a judgment or ruling of the current instance. */
export async function pushJudgment(
  q: Queryable,
  row: LawsuitRow,
  j: Pick<Judgment, 'kind' | 'outcome' | 'number' | 'servedOn' | 'summary'> & { statedEffect?: Judgment['statedEffect'] },
): Promise<string> {
  const judgmentId = randomUUID();
  const entry: Judgment = { id: judgmentId, instance: row.instance, court: row.court, ...j, statedEffect: j.statedEffect ?? null };
  await q.query(`update lawsuits set judgments = judgments || $2::jsonb where id = $1`, [row.id, JSON.stringify([entry])]);
  return judgmentId;
}
