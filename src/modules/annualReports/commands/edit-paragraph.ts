/**
 * 修改段落: a draft's paragraph gets new text — for a figures paragraph the sentence with its figure references, which
 * is filled again from the report's same kept sets (a number is never typed in by hand); for the others the text.
 * Each edit is a new version (the content as it is after the edit) and a record entry with the text before and after.
 */
import { reportLayouts } from '../../../domain/annualReports/layouts.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { figureSetValues } from '../../figures/index.ts';
import { fillSentence } from '../content.ts';
import { ANNUAL_REPORT, findReport } from '../store.ts';

export async function editParagraph(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { paragraphId: string; text: string; expectedVersion: number },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.query('select id from annual_reports where id = $1 for update', [id]);
    const r = (await findReport(tx, id))!;
    if (r.state !== 'draft') throw new AppError('ANNUAL_REPORT_NOT_DRAFT', '只有草稿可以修改；已提交的报告请先退回修改');
    if (r.versionNo !== input.expectedVersion)
      throw new AppError('CONCURRENT_CHANGE', `报告已被修改（当前第 ${r.versionNo} 版，提交的是第 ${input.expectedVersion} 版），请刷新后再改`);
    const content = structuredClone(r.content);
    const para = content.sections.flatMap((s) => s.paragraphs).find((x) => x.id === input.paragraphId);
    if (!para) throw new AppError('ANNUAL_REPORT_PARAGRAPH_UNKNOWN', `报告中没有段落“${input.paragraphId}”`);
    const before = para.kind === 'figures' ? (para.template ?? '') : para.text;
    if (para.kind === 'figures') {
      const cur = (await figureSetValues(tx, r.figureSetId))!.values;
      const prev = (await figureSetValues(tx, r.previousSetId))!.values;
      const filled = fillSentence(ctx.registry, input.text, cur, prev);
      para.template = input.text;
      para.text = filled.text;
      para.values = filled.values;
    } else para.text = input.text;
    para.edited = true;
    if (reportLayouts[r.kind].sections.length === 0) throw new Error('unreachable');
    const versionNo = r.versionNo + 1;
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: r.bodyId,
      matterType: ANNUAL_REPORT,
      matterId: id,
      eventType: 'annualReport.paragraphEdited',
      payload: { reportId: id, versionNo, paragraphId: para.id, before, after: input.text },
    });
    await tx.query('update annual_reports set content = $2::jsonb, version_no = $3, updated_at = now() where id = $1', [
      id,
      JSON.stringify(content),
      versionNo,
    ]);
    await tx.query('insert into annual_report_versions (report_id, version_no, paragraph_id, content, edited_by) values ($1,$2,$3,$4::jsonb,$5)', [
      id,
      versionNo,
      para.id,
      JSON.stringify(content),
      p.displayName,
    ]);
  });
}
