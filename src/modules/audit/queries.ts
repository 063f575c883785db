/** 访问日志 search: the reads by users of the caller's subtree, newest first, filtered and paged with a total. */
import { accessActions, type AccessAction } from '../../platform/audit/access.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import type { TAccessLogQuery } from './schema.ts';

const DAY_MS = 86_400_000;
/** The instant a China Standard Time day starts. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchAccessLog(q: Queryable, p: Principal, query: TAccessLogQuery) {
  const args: unknown[] = [[...p.scope]];
  const where = ['l.org_id = any($1)'];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (query.user) {
    const exact = arg(query.user);
    where.push(`(l.user_id = ${exact} or l.username = ${exact} or l.display_name ilike ${arg(likePattern(query.user))})`);
  }
  if (query.action) where.push(`l.action = ${arg(query.action)}`);
  if (query.resourceType) where.push(`l.resource_type = ${arg(query.resourceType)}`);
  // a resource, or everything read of a matter: a case id finds its file, its record, its evidence and instruments
  if (query.resourceId) {
    const id = arg(query.resourceId);
    where.push(`(l.resource_id = ${id} or l.matter_id = ${id})`);
  }
  if (query.subject) {
    const exact = arg(query.subject.toUpperCase());
    where.push(`(l.subject_code = ${exact} or l.subject_name ilike ${arg(likePattern(query.subject))})`);
  }
  if (query.from) where.push(`l.at >= ${arg(dayStart(query.from).toISOString())}::timestamptz`);
  if (query.to) where.push(`l.at < ${arg(new Date(dayStart(query.to).getTime() + DAY_MS).toISOString())}::timestamptz`);
  const cond = where.join(' and ');
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from access_log l where ${cond}`, args)).rows[0].n;
  const offset = (query.page - 1) * query.pageSize;
  const rows = (
    await q.query<{
      id: number | string;
      at: string | Date;
      userId: string;
      username: string;
      displayName: string;
      orgId: string;
      orgName: string | null;
      roles: string[];
      action: AccessAction;
      resourceType: string;
      resourceId: string;
      matterType: string | null;
      matterId: string | null;
      subjectName: string | null;
      subjectCode: string | null;
      note: string | null;
      ip: string;
      userAgent: string | null;
      requestId: string;
    }>(
      `select l.id, l.at, l.user_id as "userId", l.username, l.display_name as "displayName", l.org_id as "orgId", o.name as "orgName", l.roles,
              l.action, l.resource_type as "resourceType", l.resource_id as "resourceId",
              l.matter_type as "matterType", l.matter_id as "matterId", l.subject_name as "subjectName", l.subject_code as "subjectCode",
              l.note, l.ip, l.user_agent as "userAgent", l.request_id as "requestId"
         from access_log l left join orgs o on o.id = l.org_id
        where ${cond}
        order by l.at desc, l.id desc
        limit ${arg(query.pageSize)} offset ${arg(offset)}`,
      args,
    )
  ).rows;
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      orgName: r.orgName ?? '',
      actionLabel: accessActions[r.action] ?? r.action,
    })),
    actions: accessActions as Record<string, string>,
  };
}
