import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { authorize, officerPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { findOfficerRow } from '../queries.ts';
import type { TIssueCertificateRequest } from '../schema.ts';

export async function insertCertificate(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  officer: { id: string; orgId: string },
  input: TIssueCertificateRequest,
): Promise<string> {
  if (input.validTo < input.validFrom) throw new AppError('CERTIFICATE_VALIDITY_INVALID', '执法证有效期的截止日期不能早于起始日期');
  const dup = await tx.query('select 1 from certificates where number = $1', [input.number]);
  if (dup.rows.length) throw new AppError('CERTIFICATE_NUMBER_TAKEN', `执法证号“${input.number}”已登记，不能重复`);
  const id = randomUUID();
  await tx.query(
    `insert into certificates (id, officer_id, number, issuing_authority, fields, areas, valid_from, valid_to, status) values ($1,$2,$3,$4,$5,$6,$7,$8,'valid')`,
    [id, officer.id, input.number, input.issuingAuthority, input.fields, input.areas, input.validFrom, input.validTo],
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: officer.orgId,
    matterType: 'officer',
    matterId: officer.id,
    eventType: 'certificate.issued',
    payload: { officerId: officer.id, certificateId: id, ...input },
  });
  return id;
}

export async function issueCertificate(ctx: AppContext, p: Principal, officerId: string, input: TIssueCertificateRequest): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const officer = await findOfficerRow(tx, officerId);
    if (!officer) throw notFound('执法人员');
    authorize(officerPolicy(p, officer), 'issueCertificate', '执法人员');
    return insertCertificate(tx, ctx, actorOf(p), officer, input);
  });
}
