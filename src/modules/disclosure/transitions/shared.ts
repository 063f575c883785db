/** What the 政府信息公开申请 transitions share: reading the request, the names its instruments need. */
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { findDisclosure, type DisclosureRow } from '../store.ts';

export async function loadDisclosure(q: Queryable, id: string): Promise<DisclosureRow> {
  const r = await findDisclosure(q, id);
  if (!r) throw new AppError('NOT_FOUND', '政府信息公开申请不存在');
  return r;
}

/** The data every 告知书 of the request starts with (申请人, 收到日期, 申请内容). */
export const letterHead = (r: DisclosureRow) => ({ applicant: r.applicantName, receivedOn: r.receivedOn, description: r.description });
