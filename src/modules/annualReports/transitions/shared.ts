/** What the annual-report transitions share: reading the report. */
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { findReport, type AnnualReportRow } from '../store.ts';

export async function loadReport(q: Queryable, id: string): Promise<{ report: AnnualReportRow }> {
  const report = await findReport(q, id);
  if (!report) throw new AppError('NOT_FOUND', '年度报告不存在');
  return { report };
}
