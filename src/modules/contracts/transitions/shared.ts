/** What the contract and 立法征询 transitions share: reading the contract, the files of a matter. */
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { findContract, type ContractRow } from '../store.ts';

export async function loadContract(q: Queryable, id: string): Promise<ContractRow> {
  const c = await findContract(q, id);
  if (!c) throw new AppError('NOT_FOUND', '合同不存在');
  return c;
}

/** The ids of the files uploaded to a matter (evidence_files). */
export async function filesOf(q: Queryable, matterType: string, matterId: string): Promise<string[]> {
  return (await q.query<{ id: string }>('select id from evidence_files where matter_type = $1 and matter_id = $2', [matterType, matterId])).rows.map(
    (r) => r.id,
  );
}
