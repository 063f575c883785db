/**
 * What the ends of a document in force share (已修改, 废止, 宣布失效, 有效期届满): the open validity and filing
 * deadlines end (cancelled: nothing more is owed) and the row keeps the date and the reason; the text is kept.
 */
import type { Queryable } from '../../../platform/db/index.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { filingRuleIds, validityRuleIds } from './publish.ts';

export async function endDocument(tx: Queryable, id: string, date: string, reason: string, by: string) {
  await closeDeadlines(tx, id, [...validityRuleIds, ...filingRuleIds], 'cancelled', by);
  await tx.query('update normative_documents set ended_on = $2, ended_reason = $3, updated_at = now() where id = $1', [id, date, reason]);
}
