/** 导入全国12315平台的投诉举报 (see import12315.ts): all rows or none, in one transaction; known platform numbers skipped. */
import { actorOf, type AppContext, inTransaction } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { mayReceiveFor } from '../access.ts';
import { checkImportRows, readImportFile } from '../import12315.ts';
import { insertComplaint } from './receive-complaint.ts';

export async function import12315(ctx: AppContext, p: Principal, input: { orgId: string; file: Buffer; dryRun?: boolean }) {
  if (!mayReceiveFor(p, input.orgId)) throw notFound('受理机构');
  const rows = checkImportRows(readImportFile(input.file), input.orgId);
  return inTransaction(ctx, async (tx) => {
    const known = new Set(
      (await tx.query<{ n: string }>('select external_no as n from complaints where external_no = any($1)', [rows.map((r) => r.externalNo)])).rows.map(
        (r) => r.n,
      ),
    );
    const fresh = rows.filter((r) => !known.has(r.externalNo!));
    let complaints = 0;
    let reports = 0;
    if (!input.dryRun)
      for (const { row: _row, ...r } of fresh) {
        for (const x of await insertComplaint(tx, ctx, actorOf(p), r)) x.kind === 'complaint' ? complaints++ : reports++;
      }
    return { rows: rows.length, imported: input.dryRun ? 0 : fresh.length, skipped: rows.length - fresh.length, complaints, reports, dryRun: !!input.dryRun };
  });
}
