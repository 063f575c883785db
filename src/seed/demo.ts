/**
 * Demo data: a fictional district bureau (示例区市场监督管理局) with 8 units, 40 officers and
 * one user per role. Every row is written through the same insert functions as the API, so
 * each appears in the record.
 */
import { enforcementFieldIds, type EnforcementField } from '../domain/certifiedDuty.ts';
import { addDays, chinaToday } from '../domain/dates.ts';
import { insertOfficer } from '../modules/officers/commands/create-officer.ts';
import { insertCertificate } from '../modules/officers/commands/issue-certificate.ts';
import { insertTraining } from '../modules/officers/commands/record-training.ts';
import { insertOrg } from '../modules/orgs/commands/create-org.ts';
import { insertUser } from '../modules/users/commands/create-user.ts';
import type { AppContext } from '../platform/context.ts';
import type { Role } from '../platform/policies.ts';
import { SYSTEM_ACTOR } from '../platform/record/ledger.ts';
import { seedLawLibrary } from './laws.ts';
import { seedPowerList } from './powers.ts';
import { seedDiscretion } from './discretion/seed.ts';
import { seedInspections } from './inspections.ts';
import { seedOpenness } from './openness.ts';
import { seedCases } from './cases.ts';
import { seedLegality } from './legality.ts';
import { seedConsultations } from './consultation.ts';
import { seedComplaints } from './complaints.ts';
import { seedMajorDecisions } from './majorDecisions.ts';
import { seedNormativeDocuments } from './normativeDocuments.ts';
import { seedRemedies } from './remedies.ts';
import { seedAnnualReports } from './annualReports.ts';

export const DEMO_PASSWORD = 'Fazhi2026!';

export const demoUsers: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', org: 'district' },
  { username: 'zhifa', displayName: '王志强', role: 'officer', org: 'station2' },
  { username: 'shenhe', displayName: '陈静', role: 'legalReviewer', org: 'legal' },
  { username: 'lingdao', displayName: '刘建国', role: 'leader', org: 'district' },
  { username: 'jiandu', displayName: '赵敏', role: 'supervisor', org: 'city' },
  // the platform's reference data (calendar, law library, tree heads) is no district's to change
  { username: 'pingtai', displayName: '孙立平', role: 'platformAdmin', org: 'city' },
  // a second district under the same city: the boundary between districts is visible in the demo
  { username: 'erqu', displayName: '周海波', role: 'admin', org: 'district2' },
  { username: 'erqu_zhifa', displayName: '吴建平', role: 'officer', org: 'district2station' },
];

const DIVISION = '990105'; // fictional district code, shaped like GB/T 2260

const units: { key: string; name: string; kind: 'squad' | 'station' | 'legalOffice' | 'department'; fields: EnforcementField[] }[] = [
  { key: 'squad', name: '综合行政执法大队', kind: 'squad', fields: ['general', 'food', 'productQuality', 'advertising', 'pricing', 'competition'] },
  { key: 'station1', name: '第一市场监管所', kind: 'station', fields: ['food', 'pricing', 'consumerProtection', 'registration'] },
  { key: 'station2', name: '第二市场监管所', kind: 'station', fields: ['food', 'pricing', 'consumerProtection', 'metrology'] },
  { key: 'station3', name: '第三市场监管所', kind: 'station', fields: ['food', 'drugs', 'consumerProtection', 'ecommerce'] },
  { key: 'legal', name: '法制科', kind: 'legalOffice', fields: ['general'] },
  { key: 'food', name: '食品安全监督管理科', kind: 'department', fields: ['food'] },
  { key: 'se', name: '特种设备安全监察科', kind: 'department', fields: ['specialEquipment'] },
  { key: 'price', name: '价格监督检查和反不正当竞争科', kind: 'department', fields: ['pricing', 'competition', 'advertising'] },
];

// officers who also have a demo login
const namedOfficers: Record<string, string> = { 'station2.0': '王志强', 'legal.0': '陈静' };

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈';
const given = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志刚',
  '雪梅',
  '国庆',
  '春生',
  '玉兰',
  '文博',
  '思远',
  '晨曦',
  '宏伟',
  '丽娟',
  '德明',
  '永红',
  '子涵',
  '嘉怡',
];

export async function hasData(ctx: AppContext): Promise<boolean> {
  return (await ctx.db.query('select 1 from orgs limit 1')).rows.length > 0;
}

export interface SeedOptions {
  today?: string;
  /** load the 41 sample laws (default true; tests that do not cite the law skip it for speed) */
  laws?: boolean;
  /** run the demo cases through the workflow (default: with the laws; tests that do not need them skip it) */
  cases?: boolean;
  /** 行政复议 and 行政应诉 (issue 16) on top of the cases (default: when the cases run by default, not in tests that pick options) */
  remedies?: boolean;
}

export async function seedDemo(
  ctx: AppContext,
  opts: SeedOptions = {},
): Promise<{ orgs: number; officers: number; users: number; lawVersions: number; powerItems: number; violations: number }> {
  const today = opts.today ?? chinaToday();
  const counts = await ctx.db.transaction(async (tx) => {
    const a = SYSTEM_ACTOR;
    // the law library first: everything seeded after it may cite its articles
    const laws = opts.laws === false ? { versions: 0 } : await seedLawLibrary(ctx, tx);
    const org: Record<string, string> = {};
    org.city = await insertOrg(tx, ctx, a, {
      parentId: null,
      name: '示例市市场监督管理局',
      shortName: '示例市局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '《中华人民共和国行政处罚法》第十八条；《示例市人民政府机构设置方案》',
      divisionCode: '990100',
    });
    org.district = await insertOrg(tx, ctx, a, {
      parentId: org.city,
      name: '示例区市场监督管理局',
      shortName: '示例区局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '《中华人民共和国行政处罚法》第十八条、第二十二条；《市场监督管理行政处罚程序规定》第六条',
      divisionCode: DIVISION,
    });
    for (const [i, u] of units.entries()) {
      org[u.key] = await insertOrg(tx, ctx, a, { parentId: org.district, name: u.name, kind: u.kind, isEnforcementBody: false, sortOrder: i + 1 });
    }
    // 示例二区: a sibling district of its own, with an administrator and an officer, none of whose data the first district sees
    org.district2 = await insertOrg(tx, ctx, a, {
      parentId: org.city,
      name: '示例二区市场监督管理局',
      shortName: '示例二区局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '《中华人民共和国行政处罚法》第十八条、第二十二条',
      divisionCode: '990106',
      sortOrder: 2,
    });
    org.district2station = await insertOrg(tx, ctx, a, {
      parentId: org.district2,
      name: '示例二区第一市场监管所',
      kind: 'station',
      isEnforcementBody: false,
      sortOrder: 1,
    });

    // 40 officers, 5 per unit; certificates: most valid, some expiring, some expired, one suspended, one revoked
    const officerIds: Record<string, string> = {};
    let n = 0;
    for (const u of units) {
      for (let k = 0; k < 5; k++, n++) {
        const name = namedOfficers[`${u.key}.${k}`] ?? surnames[n % surnames.length] + given[(n * 7) % given.length];
        const id = await insertOfficer(tx, ctx, a, {
          orgId: org[u.key],
          name,
          gender: n % 3 === 1 ? '女' : '男',
          employeeNo: `SQ${String(1001 + n)}`,
          position: k === 0 ? (u.kind === 'station' ? '所长' : u.kind === 'squad' ? '大队长' : '科长') : '科员',
          legalExamPassed: u.key === 'legal' || n % 9 === 0,
        });
        officerIds[`${u.key}.${k}`] = id;
        const issued = addDays(today, -((n % 4) + 1) * 300);
        let validTo = addDays(issued, 5 * 365);
        if (n % 10 === 3) validTo = addDays(today, -20 - n); // expired
        if (n % 10 === 6) validTo = addDays(today, 15 + n); // expiring soon
        const certId = await insertCertificate(
          tx,
          ctx,
          a,
          { id, orgId: org[u.key] },
          {
            number: `${DIVISION}${issued.slice(0, 4)}${String(n + 1).padStart(4, '0')}`,
            issuingAuthority: '示例市人民政府',
            fields: u.fields.filter((f) => enforcementFieldIds.includes(f)),
            areas: '示例区',
            validFrom: issued,
            validTo,
          },
        );
        if (n === 17 || n === 28) {
          const to = n === 17 ? 'suspended' : 'revoked';
          await tx.query('update certificates set status = $2, status_reason = $3 where id = $1', [
            certId,
            to,
            n === 17 ? '涉嫌违规执法，调查期间暂扣' : '调离执法岗位',
          ]);
          await ctx.ledger.append(tx, {
            actor: a,
            orgId: org[u.key],
            matterType: 'officer',
            matterId: id,
            eventType: 'certificate.statusChanged',
            payload: { officerId: id, certificateId: certId, from: 'valid', to, reason: n === 17 ? '涉嫌违规执法，调查期间暂扣' : '调离执法岗位' },
          });
        }
        await insertTraining(
          tx,
          ctx,
          a,
          { id, orgId: org[u.key] },
          {
            kind: 'training',
            title: '新修订《行政处罚法》专题培训',
            heldOn: addDays(today, -120 - (n % 30)),
            hours: 16,
            organizer: '示例市司法局',
          },
        );
        await insertTraining(
          tx,
          ctx,
          a,
          { id, orgId: org[u.key] },
          {
            kind: 'exam',
            title: '行政执法人员年度法律知识考试',
            heldOn: addDays(today, -90 - (n % 20)),
            score: 70 + ((n * 13) % 30),
            passed: true,
            organizer: '示例市司法局',
          },
        );
      }
    }

    const officerOf: Partial<Record<string, string>> = { zhifa: officerIds['station2.0'], shenhe: officerIds['legal.0'] };
    for (const u of demoUsers) {
      await insertUser(tx, ctx, a, {
        username: u.username,
        displayName: u.displayName,
        orgId: org[u.org],
        roles: [u.role],
        password: DEMO_PASSWORD,
        officerId: officerOf[u.username] ?? null,
      });
    }
    // the power list cites the law library and is approved by the district's leader: after both
    const powers = opts.laws === false ? { items: 0 } : await seedPowerList(ctx, tx, org, today);
    // violations and the district's discretion benchmarks cite the law library: after it
    const discretion = opts.laws === false ? { violations: 0 } : await seedDiscretion(ctx, tx, org);
    return {
      orgs: Object.keys(org).length,
      officers: n,
      users: demoUsers.length,
      lawVersions: laws.versions,
      powerItems: powers.items,
      violations: discretion.violations,
    };
  });
  // 重大行政决策 (issue 15): a published catalogue and a decision waiting for its legality review
  await seedMajorDecisions(ctx, today);
  // 规范性文件 (issue 15): one in force, one under public comment, one expired and cleaned up (cites the law library)
  if (opts.laws !== false) await seedNormativeDocuments(ctx, today);
  // 合法性审查, 合同合法性审查 and 立法征询 (issue 15): the advisers' register, contracts (signed after review, refused, in review), 立法征询
  await seedLegality(ctx, today);
  // 公开征求意见 and 公平竞争审查 (issue 15), through the commands and the engine
  await seedConsultations(ctx, today);
  // 双随机、一公开 (scenario 4) in its own transactions: the draw takes a tree head signed after the commitment
  if (opts.laws !== false) await seedInspections(ctx, today);
  // 执法办案 (scenarios 1 and 2) through the workflow, in their own transactions as the API does
  if (opts.laws !== false && opts.cases !== false) await seedCases(ctx, today);
  // 行政复议 and 行政应诉 (issue 16): one answered, one revoking a decision (withdrawn from the portal), a suit with the head in court
  if (opts.laws !== false && opts.cases !== false && (opts.remedies ?? opts.cases === undefined)) await seedRemedies(ctx, today);
  // 投诉举报 (issue 16): complaints in every state (one overdue), a report turned into a case lead
  await seedComplaints(ctx, today, { cases: opts.laws !== false && opts.cases !== false });
  // 年度报告 (issue 18 part 3): last year's published, this year's in draft — computed from the records seeded above
  if (opts.laws !== false && opts.cases !== false) await seedAnnualReports(ctx, today);
  // 政府信息公开 on request, 检察建议/司法建议 and a 公安机关移送 lead (issue 16), through the commands and the engine
  await seedOpenness(ctx, today, { policeLead: opts.laws !== false && opts.cases !== false });
  return counts;
}
