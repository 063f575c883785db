import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { authorize, orgPolicy, type Principal } from '../../../platform/policies.ts';
import { changedFields, updateColumns } from '../../../platform/db/update.ts';
import { findOrg } from '../queries.ts';
import type { TUpdateOrgRequest } from '../schema.ts';
import { assertEnforcementBodyHasBasis } from './create-org.ts';

/** payload field → column: what `org.updated` changes (also read by `ledger verify --state`) */
export const orgColumns = {
  name: 'name',
  shortName: 'short_name',
  kind: 'kind',
  isEnforcementBody: 'is_enforcement_body',
  legalBasis: 'legal_basis',
  uscc: 'uscc',
  divisionCode: 'division_code',
  sortOrder: 'sort_order',
} as const;

export async function updateOrg(ctx: AppContext, p: Principal, id: string, input: TUpdateOrgRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const org = await findOrg(tx, id);
    if (!org) throw notFound('机构');
    authorize(orgPolicy(p, org), 'update', '机构');
    assertEnforcementBodyHasBasis({ ...org, ...input });
    const changes = changedFields(org, input);
    if (Object.keys(changes).length === 0) return;
    await updateColumns(tx, 'orgs', id, orgColumns, changes);
    await ctx.ledger.append(tx, { actor: actorOf(p), orgId: id, matterType: 'org', matterId: id, eventType: 'org.updated', payload: { orgId: id, changes } });
  });
}
