/**
 * The random-inspection rules in the 规则目录 (domain/legalRules.ts): how many targets a draw picks and
 * that a recused inspector never meets the target. Each `check` runs the draw itself (`fazhi-draw/v1`,
 * domain/draw/draw.ts) with a fixed seed; what these rules state holds for every seed.
 */
import { runDraw, type DrawInput } from '../../domain/draw/draw.ts';
import { legalRule } from '../../domain/legalRules.ts';

const RANDOM = '优化营商环境条例@2019-10-22#第五十四条';
const seed = Buffer.alloc(32, 7);

const input = (over: Partial<DrawInput>): DrawInput => ({
  hash: 'sha256',
  targets: [],
  inspectors: [],
  ratios: { A: 0, B: 0, C: 0, D: 0 },
  perTarget: 2,
  differentUnits: false,
  recusals: {},
  ...over,
});

export const inspectionLegalRules = [
  legalRule<{ targets: number; ratioPercent: number }, { picked: number }>({
    id: 'inspections.drawCount',
    kind: 'threshold',
    name: '双随机抽查的抽取户数',
    statement: '按抽查比例抽取检查对象的，抽取户数为检查对象数乘以比例后向上取整（不足一户的按一户），每个风险类别分别计算；抽查任务也可以直接规定户数。',
    basis: [RANDOM],
    sourceNote: '第五十四条规定随机抽取检查对象，未规定比例与取整；比例由抽查任务确定，向上取整是平台抽取算法 fazhi-draw/v1 的约定（docs/draw.md）',
    changedOn: '2026-12-01',
    fields: { targets: '检查对象（户）', ratioPercent: '抽查比例（%）', picked: '抽取户数' },
    examples: [
      { text: '100户按7%抽取：7户（不因二进制舍入多抽一户）', given: { targets: 100, ratioPercent: 7 }, expect: { picked: 7 } },
      { text: '15户按10%抽取：1.5户向上取整为2户', given: { targets: 15, ratioPercent: 10 }, expect: { picked: 2 } },
      { text: '比例为0的，不抽取', given: { targets: 40, ratioPercent: 0 }, expect: { picked: 0 } },
    ],
    check: (g) => {
      const targets = Array.from({ length: g.targets }, (_, i) => ({ id: `t${String(i).padStart(4, '0')}`, riskClass: 'B' as const }));
      const inspectors = [
        { id: 'i1', unitId: 'u1' },
        { id: 'i2', unitId: 'u2' },
      ];
      const r = runDraw(input({ targets, inspectors, ratios: { A: 0, B: g.ratioPercent / 100, C: 0, D: 0 } }), seed);
      return { picked: r.assignments.length };
    },
  }),
  legalRule<{ inspectors: readonly string[]; recused: readonly string[]; perTarget: number }, { team: readonly string[] }>({
    id: 'inspections.recusal',
    kind: 'guard',
    name: '抽查人员回避',
    statement: '与检查对象有利害关系或者其他可能影响公正的关系的检查人员，不被抽中检查该对象；随机选派只在其余人员中进行。',
    basis: ['行政处罚法@2021-01-22#第四十三条', RANDOM],
    changedOn: '2026-12-01',
    fields: { inspectors: '检查人员', recused: '应当回避的人员', perTarget: '每户检查人员数', team: '抽中的检查组' },
    examples: [
      {
        text: '行政处罚法第四十三条“执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避”：三人中一人回避、每户两人的，抽中其余两人',
        given: { inspectors: ['张三', '李四', '王五'], recused: ['张三'], perTarget: 2 },
        expect: { team: ['李四', '王五'] },
      },
    ],
    check: (g) => {
      const inspectors = g.inspectors.map((name, i) => ({ id: name, unitId: `u${i}` }));
      const r = runDraw(
        input({
          targets: [{ id: 'target', riskClass: 'A' }],
          inspectors,
          ratios: { A: 1, B: 0, C: 0, D: 0 },
          perTarget: g.perTarget,
          recusals: Object.fromEntries(g.recused.map((n) => [n, ['target']])),
        }),
        seed,
      );
      return { team: [...(r.assignments[0]?.inspectorIds ?? [])].sort((a, b) => g.inspectors.indexOf(a) - g.inspectors.indexOf(b)) };
    },
  }),
];
