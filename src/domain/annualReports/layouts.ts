/**
 * 年度报告 (issue 18 part 3) as data: the three kinds of yearly report, and for each its layout — sections of
 * paragraphs for the 法治政府建设年度报告, tables of rows for the 行政执法数据年度公开 and the 政府信息公开工作年度报告.
 * Every number a layout prints names a figure of the catalogue (`<module>.<name>`, optionally narrowed to one value
 * of a dimension: `cases.decided[field=food]`); the module checks every id against the registry at start-up and the
 * tests check it again. A row whose figure another module has not landed yet names what it waits for (`awaiting`)
 * and prints 未接入 — never a placeholder number. Pure: no I/O.
 */

export const reportKinds = {
  lawBasedGovernment: '法治政府建设年度报告',
  enforcementData: '行政执法数据年度公开',
  disclosure: '政府信息公开工作年度报告',
} as const;
export type ReportKind = keyof typeof reportKinds;
export const reportKindIds = Object.keys(reportKinds) as [ReportKind, ...ReportKind[]];

/** The states of a report (workflow annualReport@1). */
export const reportStates = { draft: '草稿', submitted: '已提交审核', approved: '已批准', published: '已公开' } as const;
export type ReportState = keyof typeof reportStates;

/**
 * A paragraph of a section:
 * - `figures`: a sentence whose `{figure.id}` placeholders are filled from the report's figure set; `{figure.id:prev}`
 *   is last year's value, `{figure.id:delta}` the comparison with it (同比增长/下降/持平), and `{delta}` the comparison of
 *   the figure named just before it;
 * - `records`: drafted from the records behind a figure (the titles of the normative documents made, the decisions …),
 *   listed with an introduction, and editable afterwards;
 * - `text`: a block the body writes (the layout gives a hint, never invented content).
 */
export type ParagraphLayout =
  | { id: string; kind: 'figures'; template: string }
  | {
      id: string;
      kind: 'records';
      figure: string;
      intro: string;
      empty: string;
      limit: number;
      /** name each record by this dimension's value (e.g. a case's field) instead of its title — a case's title may name a private party, which a published report must not */
      nameBy?: { dimension: string; suffix: string };
    }
  | { id: string; kind: 'text'; hint: string };

export interface SectionLayout {
  id: string;
  heading: string;
  /** the report may not be submitted while every paragraph of this section is empty */
  required?: boolean;
  paragraphs: readonly ParagraphLayout[];
}

/**
 * A row of a data table. `figure` (with an optional dimension filter in brackets) gives the value; `awaiting` marks a
 * row whose figure is built elsewhere and not mapped yet: the integrator sets `figure` once it exists.
 */
export interface TableRowLayout {
  id: string;
  label: string;
  figure: string | null;
  /** the figure ids' family this row waits for (e.g. `disclosure.*`), shown with 未接入 */
  awaiting?: string;
}

export interface TableLayout {
  id: string;
  title: string;
  /** where the table's layout comes from */
  basis: string;
  rows: readonly TableRowLayout[];
}

export interface ReportLayout {
  kind: ReportKind;
  /** the deadline rule of publication (domain/deadlines/rules.ts) */
  dueRule: string;
  sections: readonly SectionLayout[];
  tables: readonly TableLayout[];
}

const fig = (id: string, template: string): ParagraphLayout => ({ id, kind: 'figures', template });
const txt = (id: string, hint: string): ParagraphLayout => ({ id, kind: 'text', hint });

/** 法治政府建设年度报告: the sections the seed reports use, in their order. */
export const lawBasedGovernmentLayout: ReportLayout = {
  kind: 'lawBasedGovernment',
  dueRule: 'annualReport.lawBasedGovernment',
  tables: [],
  sections: [
    {
      id: 'functions',
      heading: '依法全面履行政府职能',
      paragraphs: [
        fig('functions.powers', '持续推进权责清单动态管理，截至年底本机关权责清单共有事项{powers.items}项。'),
        fig(
          'functions.inspections',
          '全面推行“双随机、一公开”监管，全年开展双随机抽查任务{inspections.tasks}个，同比{delta}；抽查检查市场主体{inspections.inspected}户次，问题发现率{inspections.problemRate}%。',
        ),
        txt('functions.more', '优化营商环境、政务服务等其他履职情况（由本机关填写）'),
      ],
    },
    {
      id: 'system',
      heading: '完善依法行政制度体系',
      paragraphs: [
        fig(
          'system.normative',
          '严格规范性文件合法性审核和备案，全年制定规范性文件{normativeDocuments.made}件，报送备案{normativeDocuments.filed}件，清理规范性文件{normativeDocuments.cleaned}件。',
        ),
        {
          id: 'system.normativeList',
          kind: 'records',
          figure: 'normativeDocuments.made',
          intro: '本年度制定的规范性文件：',
          empty: '本年度未制定规范性文件。',
          limit: 30,
        },
        fig('system.fairCompetition', '落实公平竞争审查制度，全年开展公平竞争审查{fairCompetition.reviewed}件。'),
      ],
    },
    {
      id: 'decisions',
      heading: '推进依法科学民主决策',
      paragraphs: [
        fig(
          'decisions.major',
          '严格落实重大行政决策程序，全年作出重大行政决策{majorDecisions.decided}项；开展合法性审查{legality.reviewsConcluded}件，审查合同{contracts.reviewed}件。',
        ),
        {
          id: 'decisions.list',
          kind: 'records',
          figure: 'majorDecisions.decided',
          intro: '本年度作出的重大行政决策：',
          empty: '本年度未作出重大行政决策。',
          limit: 30,
        },
      ],
    },
    {
      id: 'enforcement',
      heading: '坚持严格规范公正文明执法',
      paragraphs: [
        fig(
          'enforcement.cases',
          '全年共立案行政处罚案件{cases.filed}件，办结行政处罚案件{cases.decided}件，同比{delta}；其中简易程序{cases.decided[procedure=summary]}件，不予行政处罚{cases.decided[outcome=noPenalty]}件，免予行政处罚{cases.decided[outcome=exempted]}件。',
        ),
        fig('enforcement.amounts', '决定罚款{cases.fines}元，没收违法所得{cases.confiscatedGains}元，罚没款入库{cases.collected}元，同比{delta}。'),
        fig(
          'enforcement.procedure',
          '严格落实行政执法“三项制度”，重大执法决定法制审核{cases.legalReviews}件，集体讨论{cases.collectiveDiscussions}件，举行听证{cases.hearings}次，移送司法机关{cases.criminalReferrals}件；行政处罚信息按时公示率{publicity.onTimeRate}%。',
        ),
        {
          id: 'enforcement.typical',
          kind: 'records',
          figure: 'cases.fines',
          intro: '本年度罚款数额较大的典型案件：',
          empty: '本年度无罚款案件。',
          limit: 5,
          nameBy: { dimension: 'field', suffix: '案件' },
        },
      ],
    },
    {
      id: 'oversight',
      heading: '强化对行政权力的制约和监督',
      paragraphs: [
        fig('oversight.publicity', '全面推进行政执法公示，全年公示行政执法信息{publicity.published}条，向信用平台报送双公示信息{publicity.creditRecords}条。'),
        txt('oversight.more', '自觉接受人大、政协、监察、司法和社会监督的情况（由本机关填写）'),
      ],
    },
    {
      id: 'disputes',
      heading: '依法有效化解社会矛盾纠纷',
      paragraphs: [
        fig(
          'disputes.challenges',
          '全年发生行政复议和行政诉讼案件{cases.challenges}件，其中行政复议{cases.challenges[kind=reconsideration]}件、行政诉讼{cases.challenges[kind=litigation]}件。',
        ),
        txt('disputes.more', '投诉举报处理、行政调解等情况（由本机关填写）'),
      ],
    },
    {
      id: 'capacity',
      heading: '提升依法行政能力',
      paragraphs: [
        fig('capacity.officers', '加强执法队伍建设，持有效行政执法证件人员{officers.certified}人，全年通过执法资格考试{officers.examsPassed}人。'),
        txt('capacity.more', '领导干部学法、法治培训和普法宣传的情况（由本机关填写）'),
      ],
    },
    {
      id: 'problems',
      heading: '存在的问题和下一步工作',
      required: true,
      paragraphs: [txt('problems.issues', '存在的问题（由本机关填写）'), txt('problems.next', '下一步工作安排（由本机关填写）')],
    },
  ],
};

/** 行政执法数据年度公开: the three systems' yearly enforcement totals (seed 003), one table per kind of act. */
export const enforcementDataLayout: ReportLayout = {
  kind: 'enforcementData',
  dueRule: 'annualReport.enforcementData',
  sections: [{ id: 'notes', heading: '说明', paragraphs: [txt('notes.text', '数据口径和其他需要说明的事项（由本机关填写）')] }],
  tables: [
    {
      id: 'penalty',
      title: '行政处罚',
      basis: '行政执法三项制度：每年1月31日前公开本机关上一年度行政执法总体情况有关数据（seed 003）',
      rows: [
        { id: 'penalty.filed', label: '立案数（件）', figure: 'cases.filed' },
        { id: 'penalty.decided', label: '作出行政处罚决定数（件）', figure: 'cases.decided' },
        { id: 'penalty.ordinary', label: '其中：普通程序（件）', figure: 'cases.decided[procedure=ordinary]' },
        { id: 'penalty.summary', label: '其中：简易程序（件）', figure: 'cases.decided[procedure=summary]' },
        { id: 'penalty.noPenalty', label: '不予行政处罚（件）', figure: 'cases.decided[outcome=noPenalty]' },
        { id: 'penalty.exempt', label: '免予行政处罚（件）', figure: 'cases.decided[outcome=exempted]' },
        { id: 'penalty.food', label: '食品安全领域（件）', figure: 'cases.decided[field=food]' },
        { id: 'penalty.pricing', label: '价格监管领域（件）', figure: 'cases.decided[field=pricing]' },
        { id: 'penalty.fines', label: '罚款金额（元）', figure: 'cases.fines' },
        { id: 'penalty.gains', label: '没收违法所得金额（元）', figure: 'cases.confiscatedGains' },
        { id: 'penalty.property', label: '没收非法财物（件）', figure: 'cases.confiscatedProperty' },
        { id: 'penalty.collected', label: '罚没款入库金额（元）', figure: 'cases.collected' },
        { id: 'penalty.hearings', label: '举行听证（次）', figure: 'cases.hearings' },
        { id: 'penalty.legalReviews', label: '重大执法决定法制审核（件）', figure: 'cases.legalReviews' },
        { id: 'penalty.discussions', label: '集体讨论（件）', figure: 'cases.collectiveDiscussions' },
        { id: 'penalty.referrals', label: '移送司法机关（件）', figure: 'cases.criminalReferrals' },
        { id: 'penalty.challenges', label: '被申请行政复议、提起行政诉讼（件）', figure: 'cases.challenges' },
      ],
    },
    {
      id: 'inspection',
      title: '行政检查',
      basis: '“双随机、一公开”监管（seed 003）',
      rows: [
        { id: 'inspection.tasks', label: '双随机抽查任务（个）', figure: 'inspections.tasks' },
        { id: 'inspection.inspected', label: '抽查检查市场主体（户次）', figure: 'inspections.inspected' },
        { id: 'inspection.problemRate', label: '问题发现率（%）', figure: 'inspections.problemRate' },
      ],
    },
    {
      id: 'coercion',
      title: '行政强制',
      basis: '行政强制法（seed 003）',
      rows: [
        { id: 'coercion.measures', label: '实施行政强制措施（次）', figure: 'cases.coerciveMeasures' },
        { id: 'coercion.seal', label: '其中：查封（次）', figure: 'cases.coerciveMeasures[kind=seal]' },
        { id: 'coercion.seize', label: '其中：扣押（次）', figure: 'cases.coerciveMeasures[kind=seize]' },
      ],
    },
    {
      id: 'publicity',
      title: '行政执法公示',
      basis: '行政执法公示制度（seed 003）',
      rows: [
        { id: 'publicity.published', label: '公示行政执法信息（条）', figure: 'publicity.published' },
        { id: 'publicity.onTime', label: '行政处罚信息按时公示率（%）', figure: 'publicity.onTimeRate' },
      ],
    },
  ],
};

/**
 * 政府信息公开工作年度报告 (政府信息公开条例 第五十条): the content the article lists, in the tables of the national
 * uniform format (第五十条第二款; the format itself, 国办公开办函〔2021〕30号, is not in `laws/`). Rows of 依申请公开
 * (第五十条第（二）项) and 复议/诉讼 (第（三）项) wait for the `disclosure.*` and `remedies.*` figures of issue 16's modules:
 * INTEGRATOR — set each `figure` below to the id that computes it and drop `awaiting`.
 */
export const disclosureLayout: ReportLayout = {
  kind: 'disclosure',
  dueRule: 'annualReport.disclosure',
  sections: [
    {
      id: 'problems',
      heading: '存在的主要问题及改进情况',
      required: true,
      paragraphs: [txt('problems.text', '政府信息公开工作存在的主要问题及改进情况（第五十条第（四）项，由本机关填写）')],
    },
    { id: 'other', heading: '其他需要报告的事项', paragraphs: [txt('other.text', '其他需要报告的事项（第五十条第（五）项，由本机关填写）')] },
  ],
  tables: [
    {
      id: 'proactive',
      title: '一、主动公开政府信息情况',
      basis: '政府信息公开条例@2019-04-03#第五十条 第（一）项',
      rows: [
        { id: 'proactive.penalty', label: '行政处罚（条）', figure: 'publicity.published[kind=penalty]' },
        { id: 'proactive.inspection', label: '抽查检查结果（条）', figure: 'publicity.published[kind=inspectionResult]' },
        { id: 'proactive.licence', label: '行政许可（条）', figure: 'publicity.published[kind=licence]' },
        { id: 'proactive.normative', label: '制发规范性文件（件）', figure: 'normativeDocuments.made' },
      ],
    },
    {
      id: 'requests',
      title: '二、收到和处理政府信息公开申请情况',
      basis: '政府信息公开条例@2019-04-03#第五十条 第（二）项',
      rows: [
        { id: 'requests.received', label: '本年新收政府信息公开申请数量', figure: 'disclosure.received' },
        { id: 'requests.carried', label: '上年结转政府信息公开申请数量', figure: 'disclosure.carriedOver:prev' },
        { id: 'requests.disclosed', label: '予以公开', figure: 'disclosure.answered[category=disclosed]' },
        { id: 'requests.partly', label: '部分公开', figure: 'disclosure.answered[category=partlyDisclosed]' },
        { id: 'requests.refused', label: '不予公开', figure: 'disclosure.answered[category=notDisclosed]' },
        { id: 'requests.unable', label: '无法提供', figure: 'disclosure.answered[category=unable]' },
        { id: 'requests.notHandled', label: '不予处理', figure: 'disclosure.answered[category=notHandled]' },
        { id: 'requests.other', label: '其他处理', figure: 'disclosure.answered[category=other]' },
        { id: 'requests.total', label: '总计', figure: 'disclosure.answered' },
        { id: 'requests.carryOver', label: '结转下年度继续办理', figure: 'disclosure.carriedOver' },
      ],
    },
    {
      id: 'remedies',
      title: '三、政府信息公开行政复议、行政诉讼情况',
      basis: '政府信息公开条例@2019-04-03#第五十条 第（三）项',
      rows: [
        { id: 'remedies.reconsiderationUpheld', label: '行政复议：结果维持', figure: 'remedies.disclosureRemedies[kind_result=reconsiderationUpheld]' },
        { id: 'remedies.reconsiderationCorrected', label: '行政复议：结果纠正', figure: 'remedies.disclosureRemedies[kind_result=reconsiderationCorrected]' },
        { id: 'remedies.reconsiderationOther', label: '行政复议：其他结果', figure: 'remedies.disclosureRemedies[kind_result=reconsiderationOther]' },
        { id: 'remedies.reconsiderationPending', label: '行政复议：尚未审结', figure: 'remedies.disclosureRemedies[kind_result=reconsiderationPending]' },
        { id: 'remedies.reconsiderationTotal', label: '行政复议：总计', figure: 'remedies.disclosureRemedies[kind=reconsideration]' },
        { id: 'remedies.litigationUpheld', label: '行政诉讼：结果维持', figure: 'remedies.disclosureRemedies[kind_result=litigationUpheld]' },
        { id: 'remedies.litigationCorrected', label: '行政诉讼：结果纠正', figure: 'remedies.disclosureRemedies[kind_result=litigationCorrected]' },
        { id: 'remedies.litigationOther', label: '行政诉讼：其他结果', figure: 'remedies.disclosureRemedies[kind_result=litigationOther]' },
        { id: 'remedies.litigationPending', label: '行政诉讼：尚未审结', figure: 'remedies.disclosureRemedies[kind_result=litigationPending]' },
        { id: 'remedies.litigationTotal', label: '行政诉讼：总计', figure: 'remedies.disclosureRemedies[kind=litigation]' },
      ],
    },
  ],
};

export const reportLayouts: Record<ReportKind, ReportLayout> = {
  lawBasedGovernment: lawBasedGovernmentLayout,
  enforcementData: enforcementDataLayout,
  disclosure: disclosureLayout,
};

// ─── figure references ───────────────────────────────────────────────────────

/** `cases.decided[field=food]:delta` → its parts. */
export interface FigureRef {
  id: string;
  filter: { dim: string; value: string } | null;
  mode: 'value' | 'prev' | 'delta';
}

const refPattern = /^([a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*)(?:\[([a-z_]+)=([A-Za-z0-9_]+)\])?(?::(prev|delta))?$/;

export function parseFigureRef(s: string): FigureRef | null {
  const m = refPattern.exec(s);
  if (!m) return null;
  return { id: m[1], filter: m[2] ? { dim: m[2], value: m[3] } : null, mode: (m[4] as 'prev' | 'delta' | undefined) ?? 'value' };
}

const placeholder = /\{([^{}]+)\}/g;

/** Every figure reference of a sentence template, `{delta}` resolved to the figure named before it. */
export function templateRefs(template: string): { raw: string; ref: FigureRef | null }[] {
  const out: { raw: string; ref: FigureRef | null }[] = [];
  let last: FigureRef | null = null;
  for (const m of template.matchAll(placeholder)) {
    if (m[1] === 'delta') {
      out.push({ raw: m[0], ref: last ? { ...last, mode: 'delta' } : null });
      continue;
    }
    const ref = parseFigureRef(m[1]);
    if (ref) last = ref;
    out.push({ raw: m[0], ref });
  }
  return out;
}

/** What a figure catalogue must answer for a layout to be valid. */
export interface FigureCatalogueView {
  has(id: string): boolean;
  dimensions(id: string): readonly string[];
  /** the labelled values of a dimension (null: an open set) */
  values(id: string, dim: string): readonly string[] | null;
}

/** The problems of a reference against the catalogue (unknown figure or dimension). */
function refProblems(where: string, raw: string, ref: FigureRef | null, cat: FigureCatalogueView): string[] {
  if (!ref) return [`${where}: ${raw} is not a figure reference`];
  if (!cat.has(ref.id)) return [`${where}: unknown figure ${ref.id}`];
  if (ref.filter && !cat.dimensions(ref.id).includes(ref.filter.dim)) return [`${where}: figure ${ref.id} has no dimension ${ref.filter.dim}`];
  const values = ref.filter && cat.values(ref.id, ref.filter.dim);
  if (ref.filter && values && !values.includes(ref.filter.value)) return [`${where}: ${ref.filter.dim} of ${ref.id} has no value ${ref.filter.value}`];
  return [];
}

/** Every problem of a layout against the figure catalogue: the start-up check and the tests call it. */
export function layoutProblems(layout: ReportLayout, cat: FigureCatalogueView): string[] {
  const out: string[] = [];
  for (const s of layout.sections)
    for (const p of s.paragraphs) {
      if (p.kind === 'figures') for (const r of templateRefs(p.template)) out.push(...refProblems(`${layout.kind} ${p.id}`, r.raw, r.ref, cat));
      if (p.kind === 'records') {
        out.push(...refProblems(`${layout.kind} ${p.id}`, p.figure, parseFigureRef(p.figure), cat));
        const id = parseFigureRef(p.figure)?.id;
        if (p.nameBy && id && cat.has(id) && !cat.dimensions(id).includes(p.nameBy.dimension))
          out.push(`${layout.kind} ${p.id}: figure ${id} has no dimension ${p.nameBy.dimension}`);
      }
    }
  for (const t of layout.tables)
    for (const r of t.rows) {
      if (r.figure === null) {
        if (!r.awaiting) out.push(`${layout.kind} ${r.id}: a row without a figure must say what it awaits`);
        continue;
      }
      out.push(...refProblems(`${layout.kind} ${r.id}`, r.figure, parseFigureRef(r.figure), cat));
    }
  return out;
}

// ─── numbers in words ────────────────────────────────────────────────────────

export type FigureUnitKind = 'count' | 'fen' | 'percent';

/** A number as the report prints it: money (分) in 元 with two decimals, a share in percent with one, else an integer. */
export function formatFigure(v: number | null, unit: FigureUnitKind): string {
  if (v === null) return '—';
  if (unit === 'fen') return (v / 100).toFixed(2);
  if (unit === 'percent') return (v * 100).toFixed(1);
  return String(Math.round(v));
}

/** 同比: the change against last year's value, in words. */
export function deltaText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '上年无可比数据';
  if (current === previous) return '持平';
  if (previous === 0) return '上年为零，不计算增幅';
  const pct = (Math.abs(current - previous) / Math.abs(previous)) * 100;
  return `${current > previous ? '增长' : '下降'}${pct.toFixed(1)}%`;
}

export const UNMAPPED = '未接入';
