/**
 * Repeals a version (废止): records the repeal date — the version reads 已废止 from that day — and
 * flags every citation of its articles, in one transaction with its record entry.
 */
import { chinaToday } from '../../../domain/dates.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { forbidden, notFound, AppError } from '../../../platform/errors.ts';
import { lawLibraryPolicy, type Principal } from '../../../platform/policies.ts';
import { affectedByRepeal, raiseBasisFlags } from '../impact.ts';

export async function repealVersion(
  ctx: AppContext,
  p: Principal,
  versionId: string,
  input: { repealedOn: string; note: string },
): Promise<{ flagsRaised: number }> {
  if (!lawLibraryPolicy(p).repeal) throw forbidden('法律法规数据库由平台管理员统一维护，只有平台管理员可以废止法律法规');
  return inTransaction(ctx, async (tx) => {
    const v = (
      await tx.query<{ sourceId: string; title: string; versionDate: string; repealedOn: string | null }>(
        'select source_id as "sourceId", title, version_date as "versionDate", repealed_on as "repealedOn" from law_versions where id = $1 for update',
        [versionId],
      )
    ).rows[0];
    if (!v) throw notFound('法律法规版本');
    if (v.repealedOn) throw new AppError('ALREADY_REPEALED', `《${v.title}》${v.versionDate} 版已于 ${v.repealedOn} 废止`);
    if (input.repealedOn < v.versionDate) throw new AppError('REPEAL_DATE_INVALID', `废止日期不能早于该版本的日期 ${v.versionDate}`);
    const status = input.repealedOn <= chinaToday() ? 'repealed' : null;
    await tx.query(`update law_versions set repealed_on = $2, status = coalesce($3, status), updated_at = now() where id = $1`, [
      versionId,
      input.repealedOn,
      status,
    ]);
    const affected = await affectedByRepeal(tx, versionId);
    const actor = actorOf(p);
    await ctx.ledger.append(tx, {
      actor,
      orgId: null,
      matterType: 'legalSource',
      matterId: v.sourceId,
      eventType: 'law.versionRepealed',
      payload: { sourceId: v.sourceId, versionId, repealedOn: input.repealedOn, note: input.note, flagsRaised: affected.length },
    });
    return { flagsRaised: await raiseBasisFlags(tx, ctx, actor, affected, versionId) };
  });
}
