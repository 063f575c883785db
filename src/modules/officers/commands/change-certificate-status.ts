import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { authorize, officerPolicy, type Principal } from '../../../platform/policies.ts';
import { findOfficerRow } from '../queries.ts';

/** Suspends (暂扣), revokes (注销) or reinstates a certificate. A revoked certificate stays revoked. */
export async function changeCertificateStatus(
  ctx: AppContext,
  p: Principal,
  officerId: string,
  certificateId: string,
  to: 'valid' | 'suspended' | 'revoked',
  reason: string,
) {
  await inTransaction(ctx, async (tx) => {
    const officer = await findOfficerRow(tx, officerId);
    if (!officer) throw notFound('执法人员');
    authorize(officerPolicy(p, officer), 'changeCertificateStatus', '执法人员');
    const r = await tx.query<{ status: string }>('select status from certificates where id = $1 and officer_id = $2 for update', [certificateId, officerId]);
    const cert = r.rows[0];
    if (!cert) throw notFound('执法证');
    if (cert.status === 'revoked') throw new AppError('CERTIFICATE_REVOKED', '执法证已注销，不能再变更状态；如需执法请重新申领');
    if (cert.status === to) throw new AppError('CERTIFICATE_STATUS_UNCHANGED', '执法证已是该状态');
    await tx.query('update certificates set status = $2, status_reason = $3, updated_at = now() where id = $1', [certificateId, to, reason]);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: officer.orgId,
      matterType: 'officer',
      matterId: officerId,
      eventType: 'certificate.statusChanged',
      payload: { officerId, certificateId, from: cert.status, to, reason },
    });
  });
}
