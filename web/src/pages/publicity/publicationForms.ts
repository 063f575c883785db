/** The forms of the publication workflow's transitions (pure data; rendered by TransitionModal). */
import type { z } from 'zod';
import { exemptionGrounds, withdrawalGrounds } from '../../../../src/domain/publicity/rules';
import type { PublicContent } from '../../../../src/modules/publicity/content';
import type { publicationInputs } from '../../../../src/modules/publicity/routes';
import { findingLabels } from '../../../../src/modules/inspections/vocabulary';

export type TransitionName = keyof typeof publicationInputs;

/** A field of a transition's form. A `correction` field starts from the current version and is sent inside `content` only when changed. */
type Field = (
  | { kind: 'text' | 'textarea'; required?: boolean; max: number }
  | { kind: 'date'; required: true }
  | { kind: 'select'; required?: boolean; options: Record<string, string> }
) & { name: string; label: string; correction?: { key: keyof CorrectionFields; from: (c: PublicContent) => string | null | undefined } };
type CorrectionFields = NonNullable<z.input<(typeof publicationInputs)['correct']>['content']>;

type PenaltyText = 'violation' | 'facts' | 'basis' | 'penaltyText';
const penaltyFix = (key: PenaltyText, label: string, kind: 'text' | 'textarea', max: number): Field => ({
  name: key,
  label,
  kind,
  max,
  correction: { key, from: (c) => (c.kind === 'penalty' ? c[key] : undefined) },
});
const partyName: Field = { name: 'partyName', label: '当事人名称', kind: 'text', max: 200, correction: { key: 'partyName', from: (c) => c.party.name } };

const reason = (label: string, max = 500): Field => ({ name: 'reason', label, kind: 'textarea', required: true, max });
const opinion: Field = { name: 'opinion', label: '意见', kind: 'textarea', required: true, max: 500 };

/** Every transition's form; the type makes a new transition without a form a compile error. */
const forms: Record<TransitionName, { intro?: string; fields: Field[]; danger?: boolean }> = {
  publish: { intro: '公示现行决定书内容（个人信息按规定遮蔽），并起算公示期。', fields: [] },
  correct: {
    intro: '更正后生成新的公示版本，原版本保留并标注“已更正”（市场监督管理行政处罚信息公示规定 第十二条）。只填写需要更正的内容。',
    fields: [
      reason('更正理由'),
      partyName,
      { name: 'partyAddress', label: '当事人住所', kind: 'text', max: 200, correction: { key: 'partyAddress', from: (c) => c.party.address } },
      penaltyFix('violation', '违法行为类型', 'text', 200),
      penaltyFix('facts', '主要违法事实', 'textarea', 5000),
      penaltyFix('basis', '处罚依据', 'textarea', 1000),
      penaltyFix('penaltyText', '处罚内容', 'textarea', 1000),
    ],
  },
  noticeRevocation: {
    intro: '行政处罚决定被变更、撤销或确认违法、无效的，应当在知道之日起 3 个工作日内撤回公示（同上 第十一条）。登记后起算撤回期限。',
    fields: [
      { name: 'noticedOn', label: '知道之日', kind: 'date', required: true },
      { name: 'ground', label: '情形', kind: 'select', required: true, options: withdrawalGrounds },
      { name: 'note', label: '说明（文书、机关）', kind: 'textarea', required: true, max: 500 },
    ],
  },
  withdraw: {
    danger: true,
    intro: '撤回后门户不再显示该决定，已公示的版本保留在全过程记录中并标注撤回理由。',
    fields: [{ name: 'ground', label: '情形', kind: 'select', required: true, options: withdrawalGrounds }, reason('撤回理由')],
  },
  expire: { intro: '公示期满，停止公示（系统每日自动办理）。', fields: [] },
  repair: {
    intro: '当事人申请信用修复、提前停止公示（同上 第十四条：公示满规定期限、已履行处罚决定等条件）。',
    fields: [
      { name: 'applicant', label: '申请人', kind: 'text', required: true, max: 200 },
      { name: 'appliedOn', label: '申请日期', kind: 'date', required: true },
      reason('审查意见及理由'),
    ],
  },
  proposeExemption: {
    intro: '涉及国家秘密、商业秘密、个人隐私等依法不予公开的情形，载明理由，报局领导批准。',
    fields: [{ name: 'ground', label: '情形', kind: 'select', required: true, options: exemptionGrounds }, reason('理由', 1000)],
  },
  approveExemption: { fields: [opinion] },
  rejectExemption: { fields: [opinion] },
};

/** The correction of a random-inspection result: the finding, its description, the entity's name. */
const correctInspectionResult: (typeof forms)['correct'] = {
  intro: '更正后生成新的公示版本，原版本保留并标注“已更正”。只修改需要更正的内容。',
  fields: [
    reason('更正理由'),
    partyName,
    {
      name: 'finding',
      label: '检查结果',
      kind: 'select',
      options: findingLabels,
      correction: { key: 'finding', from: (c) => (c.kind === 'inspectionResult' ? c.finding : undefined) },
    },
    {
      name: 'description',
      label: '情况说明',
      kind: 'textarea',
      max: 2000,
      correction: { key: 'description', from: (c) => (c.kind === 'inspectionResult' ? c.description : undefined) },
    },
  ],
};
export const formOf = (t: TransitionName, kind: string) => (t === 'correct' && kind === 'inspectionResult' ? correctInspectionResult : forms[t]);
