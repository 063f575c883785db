/**
 * 线索登记 from another module's matter — a 举报 (市场监督管理投诉举报处理暂行办法 第三十一条第一款 "按照市场监督管理行政处罚等
 * 有关规定处理举报") or a lead found while mediating a 投诉 (第二十三条) — in the caller's transaction. The case keeps its
 * origin (`cases.origin_type`, `origin_id`, shown on the case), the caller keeps the case id: the link runs both ways.
 * A named reporter is passed on as the case's 实名举报人, so the filing decision opens `report.filingNotice`
 * (第三十一条第二款) and `notifyReporter` meets it — the case module's notice, not a copy.
 */
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import type { Principal } from '../../../platform/policies.ts';
import { insertCase } from './open-case.ts';
import type { EnforcementField } from '../../../domain/certifiedDuty.ts';

export interface LeadFromInput {
  origin: { type: string; id: string };
  source: 'report' | 'complaint';
  unitId: string;
  receivedOn: string;
  party: { name: string; uscc?: string | null; address?: string | null };
  field: EnforcementField;
  summary: string;
  reporter?: { name: string; phone?: string | null; address?: string | null } | null;
}

const BUSINESS = /公司|店|厂|超市|中心|馆|部|行|社|所|院|场|铺|坊|会/;

export async function openLeadFrom(ctx: AppContext, tx: Queryable, p: Principal, input: LeadFromInput): Promise<string> {
  const isOrg = !!input.party.uscc || BUSINESS.test(input.party.name);
  const id = await insertCase(ctx, tx, p, {
    procedure: 'ordinary',
    unitId: input.unitId,
    source: input.source,
    sourceNote: null,
    receivedOn: input.receivedOn,
    party: {
      type: isOrg ? 'organisation' : 'naturalPerson',
      name: input.party.name,
      uscc: input.party.uscc ?? null,
      address: input.party.address ?? '（待核实）',
    },
    field: input.field,
    summary: input.summary.slice(0, 2000),
    // the party's contact is not known from a report: to be completed when the lead is verified
    contact: { name: input.party.name, phone: '' },
    reporter: input.reporter ?? null,
  });
  await tx.query('update cases set origin_type = $2, origin_id = $3 where id = $1', [id, input.origin.type, input.origin.id]);
  return id;
}

/** The matter a case was opened from (a 举报 or 投诉), or null. */
export async function originOf(q: Queryable, caseId: string): Promise<{ type: string; id: string } | null> {
  const r = (await q.query<{ type: string | null; id: string | null }>('select origin_type as type, origin_id as id from cases where id = $1', [caseId]))
    .rows[0];
  return r?.type && r.id ? { type: r.type, id: r.id } : null;
}
