/**
 * Demo 双随机、一公开 (scenario 4), written through the module's commands as the demo admin, after
 * the bureau itself is seeded: 300 food businesses with credit-risk classes, the item "食品经营者监督
 * 检查" linked to the power list, one inspector recused because his brother runs one of the shops, a
 * task drawn (commitment, signed tree head, draw, seed revealed) with some results entered — one of
 * them a lead — and a second task still a draft, ready to be committed and drawn in the browser.
 */
import { usccCheckChar } from '../domain/codes.ts';
import { chinaToday } from '../domain/dates.ts';
import { orgSubtree } from '../platform/orgs.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal, Role } from '../platform/policies.ts';
import { actorOf } from '../platform/context.ts';
import { commitDraw } from '../modules/inspections/commands/commit-draw.ts';
import { createPlan } from '../modules/inspections/commands/create-plan.ts';
import { createTask } from '../modules/inspections/commands/create-task.ts';
import { importTargets } from '../modules/inspections/commands/import-targets.ts';
import { declareRelation } from '../modules/inspections/commands/manage-inspectors.ts';
import { recordResult } from '../modules/inspections/commands/record-result.ts';
import { runDrawCommand } from '../modules/inspections/commands/run-draw.ts';
import { saveItem } from '../modules/inspections/commands/save-item.ts';
import { findTask } from '../modules/inspections/tasks.ts';

export const DEMO_TARGETS = 300;

const streets = ['人民路', '解放路', '中山路', '建设路', '新华街', '和平街', '文化路', '滨江路'];
const kinds = ['食品店', '便利店', '餐馆', '小吃店', '面馆', '超市', '烘焙坊', '茶饮店', '熟食店', '粮油店'];
const industries = ['食品销售', '餐饮服务', '食品销售', '餐饮服务', '单位食堂'];

export const demoUscc = (i: number) => {
  const first = `92990105MA${String(i).padStart(7, '0')}`;
  return first + usccCheckChar(first)!;
};

/** Scenario 4's distribution: mostly A and B, a tail of C and D. */
const riskOf = (i: number) => (i % 20 === 0 ? 'D' : i % 7 === 0 ? 'C' : i % 3 === 0 ? 'A' : 'B');

function targetsCsv(): string {
  const lines = ['统一社会信用代码,名称,主体类型,法定代表人（负责人）,住所（经营场所）,行政区划代码,行业,许可证,信用风险分类,登记状态'];
  for (let i = 1; i <= DEMO_TARGETS; i++) {
    const name =
      i === 1
        ? '示例区百味小吃店'
        : i === 2
          ? '示例区鑫隆超市有限公司'
          : i === 3
            ? '示例区李记熟食店'
            : `示例区${streets[i % streets.length]}${kinds[i % kinds.length]}${i}号`;
    lines.push(
      [
        demoUscc(i),
        name,
        i % 4 === 2 ? '有限责任公司' : '个体工商户',
        i === 3 ? '李建军' : `经营者${i}`,
        `示例区${streets[i % streets.length]}${i}号`,
        '990105',
        i === 2 ? '食品销售' : industries[i % industries.length],
        `JY2990105${String(i).padStart(6, '0')}`,
        i === 1 ? 'C' : riskOf(i),
        i % 97 === 0 ? '歇业' : '存续',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

async function demoAdmin(ctx: AppContext): Promise<Principal> {
  const u = (
    await ctx.db.query<{ id: string; username: string; displayName: string; roles: Role[]; orgId: string }>(
      `select id, username, display_name as "displayName", roles, org_id as "orgId" from users where username = 'admin'`,
    )
  ).rows[0];
  return { userId: u.id, username: u.username, displayName: u.displayName, roles: u.roles, orgId: u.orgId, scope: new Set(await orgSubtree(ctx.db, u.orgId)) };
}

export async function seedInspections(ctx: AppContext, today = chinaToday()): Promise<{ targets: number }> {
  const admin = await demoAdmin(ctx);
  const org = { district: admin.orgId };
  // SQ1008 of 第一市场监管所 (station1, third officer): his brother runs 示例区李记熟食店
  const related = (await ctx.db.query<{ id: string }>(`select id from officers where employee_no = 'SQ1008'`)).rows[0].id;
  const year = Number(today.slice(0, 4));
  const powerItem = (await ctx.db.query<{ id: string }>(`select id from power_items where body_id = $1 and code = '990105-JC-001'`, [org.district])).rows[0];
  const article = (
    await ctx.db.query<{ id: string }>(`select id from law_articles where id = any($1)`, [
      ['食品安全法@2021-04-29#第一百一十条', '食品生产经营监督检查管理办法@2021-12-24#第五条'],
    ])
  ).rows.map((r) => r.id);
  const itemId = await saveItem(ctx, admin, {
    bodyId: org.district,
    code: '990105-SJ-001',
    name: '食品经营者监督检查',
    powerItemId: powerItem?.id ?? null,
    subjectType: '食品经营者（含餐饮服务）',
    content: '经营资质；从业人员健康管理；进货查验和查验记录；食品贮存条件；标签标识；明码标价',
    method: 'onSite',
    field: 'food',
    ratioNote: 'A类3%、B类5%、C类10%、D类20%',
    frequency: '每年不少于一次',
    basis: article,
  });
  await importTargets(ctx, actorOf(admin), { bodyId: org.district, file: Buffer.from(targetsCsv(), 'utf8'), fileName: '示例区食品经营者名录.csv' });
  await declareRelation(ctx, admin, related, { kind: 'relative', uscc: demoUscc(3), note: '其兄李建军经营示例区李记熟食店', declaredOn: `${year}-01-05` });
  const planId = await createPlan(ctx, admin, {
    bodyId: org.district,
    year,
    title: `${year}年度双随机抽查工作计划`,
    note: '按信用风险分类确定抽查比例，每户 2 名来自不同科所的执法人员',
  });
  const base = {
    planId,
    itemIds: [itemId],
    jointOrgIds: [],
    filter: { industries: [], divisionCodes: [], riskClasses: [] },
    targetCounts: {},
    perTarget: 2,
    differentUnits: true,
    excludeRecentDays: 0,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
  };
  const first = await createTask(ctx, admin, { ...base, name: '食品经营者监督检查（第一批）', ratios: { A: 3, B: 5, C: 10, D: 20 } });
  await createTask(ctx, admin, {
    ...base,
    name: '餐饮服务单位监督检查（第二批）',
    filter: { industries: ['餐饮服务'], divisionCodes: [], riskClasses: [] },
    ratios: { A: 2, B: 5, C: 10, D: 20 },
  });
  await commitDraw(ctx, admin, first, { expectedVersion: 0 });
  await ctx.ledger.signTreeHead(ctx.db, true);
  await runDrawCommand(ctx, admin, first, { expectedVersion: 1 });
  const task = (await findTask(ctx.db, first))!;
  const drawn = (
    await ctx.db.query<{ targetId: string; uscc: string }>(
      'select a.target_id as "targetId", t.uscc from inspection_assignments a join inspection_targets t on t.id = a.target_id where a.task_id = $1 order by a.seq limit 6',
      [task.id],
    )
  ).rows;
  for (const [k, a] of drawn.entries()) {
    await recordResult(ctx, admin, first, {
      targetId: a.targetId,
      inspectedOn: today,
      checkedItems: ['经营资质', '进货查验和查验记录', '明码标价'],
      evidenceIds: [],
      finding: k === 0 ? 'correctionOrdered' : k === 1 ? 'problemFound' : 'qualified',
      description: k === 0 ? '未按规定明码标价，当场责令改正' : k === 1 ? '进货查验记录不全' : '',
      lead: k === 0 ? { violationCode: 'JG-001', note: '首次发现，当事人当场改正' } : null,
    });
  }
  return { targets: DEMO_TARGETS };
}
