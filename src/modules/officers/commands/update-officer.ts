import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { changedFields, updateColumns } from '../../../platform/db/update.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { authorize, officerPolicy, type Principal } from '../../../platform/policies.ts';
import { findOfficerRow } from '../queries.ts';
import type { TUpdateOfficerRequest } from '../schema.ts';

/** payload field → column: what `officer.updated` changes (also read by `ledger verify --state`) */
export const officerColumns = {
  orgId: 'org_id',
  name: 'name',
  gender: 'gender',
  employeeNo: 'employee_no',
  position: 'position',
  legalExamPassed: 'legal_exam_passed',
  active: 'active',
};

export async function updateOfficer(ctx: AppContext, p: Principal, id: string, input: TUpdateOfficerRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const officer = await findOfficerRow(tx, id);
    if (!officer) throw notFound('执法人员');
    authorize(officerPolicy(p, officer), 'update', '执法人员');
    if (input.orgId && !p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '所属机构不存在或不在您的管辖范围内');
    const changes = changedFields(officer, input);
    if (Object.keys(changes).length === 0) return;
    await updateColumns(tx, 'officers', id, officerColumns, changes);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.orgId ?? officer.orgId,
      matterType: 'officer',
      matterId: id,
      eventType: 'officer.updated',
      payload: { officerId: id, changes },
    });
  });
}
