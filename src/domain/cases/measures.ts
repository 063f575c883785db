/**
 * 行政强制措施 (查封、扣押) and 先行登记保存 as data, and the check the case's closure asks: the kinds of
 * measure, the grounds of release (行政强制法 第二十八条), the decisions that end a measure otherwise
 * (第二十七条: 没收, 销毁), the handling decisions on preserved evidence (行政处罚法 第五十六条), the limits
 * (第二十五条). Pure; the case module reads it.
 */
import type { Problem } from '../workflow.ts';

const CEL = '行政强制法@2011-06-30';

/** 查封 (places, facilities, things left in place) or 扣押 (things taken away). */
export const measureKinds = { seal: '查封', seize: '扣押' } as const;
export type MeasureKind = keyof typeof measureKinds;
export const measureKindIds = Object.keys(measureKinds) as [MeasureKind, ...MeasureKind[]];

/** 第二十五条第一款: 查封、扣押的期限不得超过三十日；…延长期限不得超过三十日 */
export const MEASURE_MAX_DAYS = 30;
export const MEASURE_MAX_EXTENSION_DAYS = 30;
export const MEASURE_BASIS = `${CEL}#第二十五条`;

/** 解除查封、扣押的情形 (行政强制法 第二十八条第一款). */
export const releaseGrounds = {
  noViolation: '当事人没有违法行为',
  unrelated: '查封、扣押的场所、设施或者财物与违法行为无关',
  decided: '行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
  expired: '查封、扣押期限已经届满',
  other: '其他不再需要采取查封、扣押措施的情形',
} as const;
export type ReleaseGround = keyof typeof releaseGrounds;
export const releaseGroundIds = Object.keys(releaseGrounds) as [ReleaseGround, ...ReleaseGround[]];
export const RELEASE_BASIS = `${CEL}#第二十八条`;

/** 处理决定 other than release (行政强制法 第二十七条): 依法应当没收的非法财物予以没收；应当销毁的，依法销毁. */
export const disposalGrounds = { confiscate: '依法没收（行政处罚决定）', destroy: '依法销毁' } as const;
export type DisposalGround = keyof typeof disposalGrounds;
export const disposalGroundIds = Object.keys(disposalGrounds) as [DisposalGround, ...DisposalGround[]];

/**
 * 先行登记保存证据的处理决定 (行政处罚法 第五十六条 "应当在七日内及时作出处理决定"). The law names no list of
 * decisions; these are the ones of the 市场监督管理行政处罚程序规定 (not in the law library: sourceNote).
 */
export const preservationDecisions = {
  preserve: '采取记录、复制、拍照、录像等证据保全措施后退还',
  test: '送交检测、检验、检疫或者技术鉴定',
  seize: '依法采取查封、扣押措施',
  transfer: '移送有关部门处理',
  release: '解除先行登记保存，退还当事人',
  confiscate: '违法事实成立，依法应当没收的，作出行政处罚决定予以没收',
} as const;
export type PreservationDecision = keyof typeof preservationDecisions;
export const preservationDecisionIds = Object.keys(preservationDecisions) as [PreservationDecision, ...PreservationDecision[]];
export const PRESERVATION_DECISIONS_SOURCE =
  '行政处罚法 第五十六条（七日内作出处理决定）；处理方式参照《市场监督管理行政处罚程序规定》（国家市场监督管理总局令第42号，待入库）';

export interface MeasureState {
  id: string;
  kind: MeasureKind;
  status: 'active' | 'released' | 'disposed';
  imposedOn: string;
  items: readonly { name: string }[];
}

/**
 * The case may be closed only when every 查封、扣押 is released or ended by a decision (行政强制法 第二十七条:
 * "在本法第二十五条规定的期限内作出处理决定"; 第二十八条). The close transition calls this over the case's
 * measures (`measuresOf` in the case module) and refuses with its problems.
 */
export function measuresBlockingClosure(measures: readonly MeasureState[]): Problem[] {
  return measures
    .filter((m) => m.status === 'active')
    .map((m) => ({
      code: 'MEASURES_OPEN' as const,
      message: `${m.imposedOn}${measureKinds[m.kind]}的${m.items.map((i) => i.name).join('、') || '财物'}尚未解除，也未作出处理决定（《行政强制法》第二十七条、第二十八条）`,
    }));
}
