/** Shared fixtures of the random-inspection tests: valid uscc, a CSV target file, a task. */
import { usccCheckChar } from '../src/domain/codes.ts';
import type { TestEnv } from './helpers.ts';

export const uscc = (i: number, prefix = '91990105MA') => {
  const first = `${prefix}${String(i).padStart(17 - prefix.length, '0')}`;
  return first + usccCheckChar(first)!;
};

export const csvHeader = '统一社会信用代码,名称,主体类型,法定代表人（负责人）,住所（经营场所）,行政区划代码,行业,许可证,信用风险分类,登记状态';
export const classOf = (i: number) => (['A', 'B', 'C', 'D'] as const)[i % 4];
export const industryOf = (i: number) => (i % 3 === 0 ? '餐饮服务' : i % 3 === 1 ? '食品销售' : '单位食堂');

export function targetCsv(n: number, opts: { from?: number; extra?: string[]; rename?: boolean } = {}): string {
  const from = opts.from ?? 0;
  const lines = [csvHeader];
  for (let i = from; i < from + n; i++) {
    lines.push(
      [
        uscc(i),
        `示例区${opts.rename ? '新' : ''}食品店${i}号`,
        i % 2 ? '个体工商户' : '有限责任公司',
        `经营者${i}`,
        `示例区人民路${i}号`,
        '990105',
        industryOf(i),
        `JY299010500${i}`,
        classOf(i),
        '存续',
      ].join(','),
    );
  }
  return [...lines, ...(opts.extra ?? [])].join('\n') + '\n';
}

export async function importCsv(env: TestEnv, s: { cookie: string; csrf: string }, bodyId: string, csv: string, query = '') {
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/inspections/targets/import?bodyId=${bodyId}&fileName=t.csv${query}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
  return { status: res.statusCode, body: res.json() };
}

export const taskInput = (planId: string, itemId: string, over: Record<string, unknown> = {}) => ({
  planId,
  name: '食品经营者监督检查（第一批）',
  itemIds: [itemId],
  filter: { industries: [], divisionCodes: [], riskClasses: [] },
  ratios: { A: 10, B: 25, C: 50, D: 100 },
  perTarget: 2,
  differentUnits: true,
  excludeRecentDays: 0,
  periodStart: `${new Date().getFullYear()}-01-01`,
  periodEnd: `${new Date().getFullYear()}-12-31`,
  ...over,
});

export const itemInput = (bodyId: string, over: Record<string, unknown> = {}) => ({
  bodyId,
  code: 'SJ-SP-001',
  name: '食品经营者监督检查',
  subjectType: '食品经营者',
  content: '经营资质；从业人员健康管理；进货查验记录；食品贮存；明码标价',
  method: 'onSite',
  field: 'food',
  ratioNote: 'B类5%、C类10%、D类20%',
  frequency: '每年一次',
  basis: [],
  ...over,
});
