/**
 * The common 情节 (circumstances) and exemption-list entries, each with the article that makes it one.
 * Benchmarks copy the ones they use (a benchmark may relabel them or change a discretionary effect);
 * the editor offers this list as a starting point.
 *
 * 法定情节 cite 行政处罚法 第三十条至第三十三条、第四十九条; 酌定情节 cite 第五条 第二款
 * (过罚相当: 与违法行为的事实、性质、情节以及社会危害程度相当).
 */
import type { CircumstanceRule, ExemptionRule } from './model.ts';
import { APL } from './vocabulary.ts';

const a = (label: string) => `${APL}#${label}`;

export const standardCircumstances: CircumstanceRule[] = [
  // 法定：不予处罚
  { id: 'noFault', label: '有证据足以证明没有主观过错', kind: 'statutory', effect: 'noPenalty', articleId: a('第三十三条') },
  {
    id: 'unableToControl',
    label: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为',
    kind: 'statutory',
    effect: 'noPenalty',
    articleId: a('第三十一条'),
    partyType: 'naturalPerson',
  },
  { id: 'under14', label: '不满十四周岁的未成年人', kind: 'statutory', effect: 'noPenalty', articleId: a('第三十条'), partyType: 'naturalPerson' },
  // 法定：从轻或者减轻
  {
    id: 'minor14to18',
    label: '已满十四周岁不满十八周岁的未成年人',
    kind: 'statutory',
    effect: 'lighterOrMitigate',
    articleId: a('第三十条'),
    partyType: 'naturalPerson',
  },
  {
    id: 'limitedCapacity',
    label: '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人',
    kind: 'statutory',
    effect: 'lighterOrMitigate',
    // 第三十一条: "可以从轻或者减轻行政处罚"
    force: 'may',
    articleId: a('第三十一条'),
    partyType: 'naturalPerson',
  },
  {
    id: 'eliminatedHarm',
    label: '主动消除或者减轻违法行为危害后果（如主动召回、下架、退赔）',
    kind: 'statutory',
    effect: 'lighterOrMitigate',
    articleId: a('第三十二条'),
  },
  { id: 'coerced', label: '受他人胁迫或者诱骗实施违法行为', kind: 'statutory', effect: 'lighterOrMitigate', articleId: a('第三十二条') },
  { id: 'confessedUnknown', label: '主动供述行政机关尚未掌握的违法行为', kind: 'statutory', effect: 'lighterOrMitigate', articleId: a('第三十二条') },
  { id: 'meritorious', label: '配合行政机关查处违法行为有立功表现', kind: 'statutory', effect: 'lighterOrMitigate', articleId: a('第三十二条') },
  { id: 'mitigationDecided', label: '具有从轻或者减轻情节，经负责人集体讨论决定减轻处罚', kind: 'statutory', effect: 'mitigate', articleId: a('第三十二条') },
  // 法定：从重
  { id: 'emergencyViolation', label: '违反突发事件应对措施', kind: 'statutory', effect: 'heavier', articleId: a('第四十九条') },
  // 酌定：从轻
  { id: 'firstOffence', label: '初次违法', kind: 'discretionary', effect: 'lighter', articleId: a('第五条') },
  { id: 'cooperative', label: '积极配合调查，如实陈述违法事实并主动提供证据', kind: 'discretionary', effect: 'lighter', articleId: a('第五条') },
  { id: 'smallScale', label: '违法行为持续时间短、涉案数量少', kind: 'discretionary', effect: 'lighter', articleId: a('第五条') },
  // 酌定：从重
  { id: 'repeatOffence', label: '曾因同类违法行为受过行政处罚', kind: 'discretionary', effect: 'heavier', articleId: a('第五条') },
  { id: 'seriousHarm', label: '造成较严重危害后果或者恶劣社会影响', kind: 'discretionary', effect: 'heavier', articleId: a('第五条') },
  { id: 'vulnerableTargets', label: '针对未成年人、老年人、孕产妇、病患等特定人群', kind: 'discretionary', effect: 'heavier', articleId: a('第五条') },
  { id: 'obstruction', label: '拒绝、阻碍调查或者伪造、隐匿、销毁证据', kind: 'discretionary', effect: 'heavier', articleId: a('第五条') },
  // 事实：免罚清单的条件
  { id: 'minorViolation', label: '违法行为轻微', kind: 'statutory', effect: 'fact', articleId: a('第三十三条') },
  { id: 'correctedPromptly', label: '及时改正', kind: 'statutory', effect: 'fact', articleId: a('第三十三条') },
  { id: 'noHarm', label: '没有造成危害后果', kind: 'statutory', effect: 'fact', articleId: a('第三十三条') },
  { id: 'harmSlight', label: '危害后果轻微', kind: 'statutory', effect: 'fact', articleId: a('第三十三条') },
];

export const standardCircumstanceById = new Map(standardCircumstances.map((c) => [c.id, c]));

/**
 * The circumstances 行政处罚法 itself sets (第三十条至第三十三条、第四十九条): they apply to every violation whether
 * or not its benchmark lists them, and a benchmark that lists one may relabel it but not change what the
 * law makes it do (its nature, effect, force and article are the law's).
 */
export const lawCircumstances: CircumstanceRule[] = standardCircumstances.filter((c) => c.kind === 'statutory' && c.articleId.startsWith(`${APL}#`));
export const lawCircumstanceById = new Map(lawCircumstances.map((c) => [c.id, c]));

/** The force of a circumstance: discretionary ones are weighed (may); statutory ones are must unless the law says 可以. */
export const forceOf = (c: Pick<CircumstanceRule, 'kind' | 'force'>) => (c.kind === 'discretionary' ? 'may' : (c.force ?? 'must'));

/** Copies of standard circumstances by id (throws on an unknown id: a typo in sample data must fail). */
export function circumstances(...ids: string[]): CircumstanceRule[] {
  return ids.map((id) => {
    const c = standardCircumstanceById.get(id);
    if (!c) throw new Error(`unknown standard circumstance ${id}`);
    return { ...c };
  });
}

/** 行政处罚法 第三十三条 第一款: the two exemption grounds, as list entries. */
export const minorOffenceExemption = (articleId = a('第三十三条'), extra: ExemptionRule['conditions'] = []): ExemptionRule => ({
  list: 'minorOffenceExemption',
  label: '违法行为轻微并及时改正，没有造成危害后果',
  conditions: [
    { kind: 'circumstance', id: 'minorViolation' },
    { kind: 'circumstance', id: 'correctedPromptly' },
    { kind: 'circumstance', id: 'noHarm' },
    ...extra,
  ],
  articleId,
});

export const firstOffenceExemption = (articleId = a('第三十三条'), extra: ExemptionRule['conditions'] = []): ExemptionRule => ({
  list: 'firstOffenceExemption',
  label: '初次违法且危害后果轻微并及时改正',
  conditions: [
    { kind: 'circumstance', id: 'firstOffence' },
    { kind: 'circumstance', id: 'harmSlight' },
    { kind: 'circumstance', id: 'correctedPromptly' },
    ...extra,
  ],
  articleId,
});

/** 行政处罚法 第三十三条 第一款 第一句: the three facts that together mean 不予行政处罚, listed or not. */
export const minorOffenceFacts = ['minorViolation', 'correctedPromptly', 'noHarm'] as const;

/** The facts the exemption entries need. */
export const exemptionFacts = ['minorViolation', 'correctedPromptly', 'noHarm', 'harmSlight'] as const;
