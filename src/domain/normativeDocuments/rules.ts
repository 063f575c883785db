/**
 * 规范性文件 (normativeDocument): the states and their law-library status, the cleanup outcomes, the
 * steps a document must pass and the periods that apply — per province, with their citations, and
 * the national defaults the platform ships. Pure: the workflow's guards call these functions.
 *
 * National sources: 国办发〔2018〕37号 (制定和监督管理) and 〔2018〕115号 (合法性审核机制) are not in
 * `laws/`; where the platform relies on them it says so in a `sourceNote`. What is in `laws/`:
 * 优化营商环境条例 第六十二条 (public comment, 一般不少于30日), 第六十三条 (公平竞争审查、合法性审核),
 * 第六十四条第二款 (未经公布的不得作为行政管理依据); 公平竞争审查条例 第二条; 法规规章备案审查条例 第四条
 * (规章 30日内备案) and 第二十五条 (省级人民政府建立对下级行政机关规范性文件的备案审查制度).
 */
import type { DeadlineRuleId } from '../deadlines/rules.ts';

export const normativeStates = {
  drafting: '起草中',
  underComment: '公开征求意见中',
  commentClosed: '征求意见已结束',
  fairCompetitionReview: '公平竞争审查中',
  legalityReview: '合法性审核中',
  adopted: '集体审议通过',
  registered: '已统一登记编号',
  published: '已公布（待备案）',
  filed: '已报送备案',
  inForce: '现行有效（已备案）',
  amended: '已修改',
  repealed: '已废止',
  invalid: '已宣布失效',
  expired: '有效期届满失效',
  abandoned: '已终止制定',
} as const;
export type NormativeState = keyof typeof normativeStates;

/** The status the law library shows (现行有效 / 已修改 / 已废止 / 已失效); null: not published yet. */
export type LibraryStatus = 'effective' | 'amended' | 'repealed' | 'invalid';
export const libraryStatusLabels: Record<LibraryStatus, string> = { effective: '现行有效', amended: '已修改', repealed: '已废止', invalid: '已失效' };

export function libraryStatusOf(state: string): LibraryStatus | null {
  switch (state) {
    case 'published':
    case 'filed':
    case 'inForce':
      return 'effective';
    case 'amended':
      return 'amended';
    case 'repealed':
      return 'repealed';
    case 'invalid':
    case 'expired':
      return 'invalid';
    default:
      return null;
  }
}

/** The states a published document is in force in (cleanup and expiry apply). */
export const inForceStates = ['published', 'filed', 'inForce'] as const;
export const publishedStates = ['published', 'filed', 'inForce', 'amended', 'repealed', 'invalid', 'expired'] as const;

/** 清理 outcomes. */
export const cleanupOutcomes = { keep: '继续有效', amend: '修改', repeal: '废止', invalid: '宣布失效' } as const;
export type CleanupOutcome = keyof typeof cleanupOutcomes;
export const cleanupKinds = { periodic: '定期清理', adHoc: '专项清理', lawChange: '上位法变化', filing: '备案审查意见' } as const;
export type CleanupKind = keyof typeof cleanupKinds;

/** 备案 results as the supervising government answers. */
export const filingResults = { registered: '准予备案（已登记）', correctionRequired: '要求纠正', notRegistered: '不予备案' } as const;
export type FilingResult = keyof typeof filingResults;

/** 集体审议 results. */
export const deliberationResults = { passed: '审议通过', passedWithChanges: '修改后通过' } as const;

/** The steps a province requires and the periods it sets, each with its citation. */
export interface ProvinceSettings {
  province: string;
  label: string;
  /** public comment when the document affects the rights and duties of citizens, legal persons or others */
  commentWhenAffectsRights: { required: boolean; minDays: number; basis: string };
  /** 公平竞争审查 when the document concerns the economic activity of operators */
  fairCompetitionWhenMarket: { required: boolean; basis: string };
  /** the deadline rule of filing with the supervising government, from publication */
  filingRule: DeadlineRuleId;
  filingWith: string;
  /** the validity rules (有效期) from the effective date: general, and 暂行/试行 */
  validityRule: DeadlineRuleId;
  provisionalValidityRule: DeadlineRuleId;
  /** the sources the province's own rule adds (shown with the settings) */
  sourceNote: string;
}

const YS = '优化营商环境条例@2019-10-22';
const FC = '公平竞争审查条例@2024-06-06';

/** The national defaults: what applies where no province has been configured. */
export const nationalSettings: ProvinceSettings = {
  province: '00',
  label: '全国默认',
  commentWhenAffectsRights: { required: true, minDays: 30, basis: `${YS}#第六十二条` },
  fairCompetitionWhenMarket: { required: true, basis: `${FC}#第二条` },
  filingRule: 'normativeDocument.filing',
  filingWith: '本级人民政府',
  validityRule: 'normativeDocument.validity',
  provisionalValidityRule: 'normativeDocument.validity.provisional',
  sourceNote:
    '国办发〔2018〕37号、〔2018〕115号及各省行政规范性文件管理规定未入库；备案期限、有效期按省级规定配置（在 provinceSettings 中增加本省一项，引用本省规定）',
};

/**
 * Per province (the first two digits of the body's GB/T 2260 division code): only the national defaults ship;
 * a province adds its entry with its own rule ids (in domain/deadlines/rules.ts) and citations.
 */
export const provinceSettings: Readonly<Record<string, ProvinceSettings>> = {};

export function settingsFor(divisionCode: string | null | undefined): ProvinceSettings {
  const p = divisionCode?.slice(0, 2);
  return (p && provinceSettings[p]) || nationalSettings;
}

// ─── the gates as pure functions (the workflow's guards call them; the 规则目录 runs their examples) ───

/** Comment: required when the document affects rights and duties; skipping it needs a recorded reason. */
export function commentSkipProblem(f: { affectsRights: boolean; reason: string | null | undefined; required: boolean }): string | null {
  if (f.affectsRights && f.required) return 'affectsRights';
  if (!f.reason?.trim()) return 'reasonMissing';
  return null;
}

/** The fair-competition review applies to a document concerning market activity. */
export const fairCompetitionRequired = (f: { concernsMarket: boolean; required: boolean }) => f.concernsMarket && f.required;

/** A title marks a provisional document (暂行、试行) — it gets the shorter validity. */
export const isProvisionalTitle = (title: string) => /暂行|试行/.test(title);

/** Articles: at least one, each non-empty; numbered 第一条… by position. */
export interface Article {
  text: string;
  /** an optional chapter heading before this article (第一章 总则) */
  chapter?: string | null;
}
