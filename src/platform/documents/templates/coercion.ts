/**
 * 行政强制措施 and 先行登记保存: 查封、扣押决定书 with its 清单 (行政强制法 第二十四条: the party, the reason, basis and
 * period, the places, facilities or things, the remedies, the body and date), 延长查封、扣押期限通知书 (第二十五条第二款:
 * "延长查封、扣押的决定应当及时书面告知当事人，并说明理由"), 解除查封、扣押决定书 (第二十八条), and the
 * 先行登记保存证据处理决定书 (行政处罚法 第五十六条). Periods of 三十日 are calendar days (行政强制法 第六十九条: only
 * periods of ten days or fewer are working days).
 */
import type { InstrumentTemplate } from '../model.ts';
import { SAMR_FORMS } from './approvals.ts';
import { addressee, contactBlock, partyBlock, remediesParagraph, sampleCase } from './common.ts';

const itemsTable = {
  type: 'table' as const,
  rows: 'items',
  columns: [
    { header: '名称', value: '{name}', width: 46, align: 'left' as const },
    { header: '数量', value: '{quantity}', width: 20 },
    { header: '备注', value: '{note}', width: 34, align: 'left' as const, optional: true },
  ],
};

const measureLabels = {
  measureLabel: '措施种类（查封或者扣押）',
  reason: '查封、扣押的理由',
  basis: '查封、扣押的依据',
  items: '查封、扣押的场所、设施或者财物',
  'items[].name': '名称',
  'items[].quantity': '数量',
  'items[].note': '备注',
  place: '查封、扣押的场所（地点）',
  imposedOn: '查封、扣押日期',
  periodDays: '查封、扣押期限（日）',
  endOn: '查封、扣押期限届满日',
  decisionNumber: '查封、扣押决定书文号',
};

const sampleMeasure = {
  ...sampleCase,
  measureLabel: '扣押',
  reason: '当事人经营的“鲜味源”牌牛肉干超过保质期，可能危害人体健康',
  basis: '《中华人民共和国食品安全法》第一百一十条第（四）项',
  items: [{ name: '“鲜味源”牌牛肉干（200克/袋，保质期至2026年8月15日）', quantity: '18袋', note: '封存于本局涉案物品保管室' }],
  place: '示例市示例区和平路88号当事人经营场所',
  imposedOn: '2026-09-04',
  periodDays: 30,
  endOn: '2026-10-08',
  decisionNumber: '示市监强制〔2026〕1号',
};

export const seizureDecision: InstrumentTemplate = {
  kind: 'seizureDecision',
  title: '查封、扣押决定书',
  family: '行政强制措施',
  version: 1,
  numberPattern: '{orgShort}市监强制〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政强制法》第十八条、第二十四条、第二十五条`,
  labels: measureLabels,
  blocks: [
    partyBlock(),
    {
      type: 'paragraph',
      text: '因{reason}，依据{basis}和《中华人民共和国行政强制法》第二十四条的规定，经本局负责人批准，本局决定自{imposedOn|date}起对你（单位）的下列场所、设施或者财物予以{measureLabel}，期限为{periodDays}日（至{endOn|date}）：',
    },
    itemsTable,
    { type: 'paragraph', text: '{measureLabel}地点：{place}' },
    {
      type: 'paragraph',
      text:
        '对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间，本局将另行书面告知（《中华人民共和国行政强制法》第二十五条第三款）。' +
        '在查封、扣押期间，你（单位）不得擅自启封、转移、损毁或者处置上述场所、设施或者财物。',
    },
    remediesParagraph('决定', { notSuspended: false }),
    contactBlock,
    { type: 'signature' },
  ],
  sample: sampleMeasure,
};

export const seizureExtensionNotice: InstrumentTemplate = {
  kind: 'seizureExtensionNotice',
  title: '延长查封、扣押期限通知书',
  family: '行政强制措施',
  version: 1,
  numberPattern: '{orgShort}市监延强〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政强制法》第二十五条`,
  labels: { ...measureLabels, previousDue: '原期限届满日', days: '延长的日数', newDue: '延长后的届满日', extensionReason: '延长的理由' },
  blocks: [
    addressee(),
    {
      type: 'paragraph',
      text: '本局于{imposedOn|date}以{decisionNumber}对你（单位）的下列场所、设施或者财物予以{measureLabel}，期限至{previousDue|date}：',
    },
    itemsTable,
    {
      type: 'paragraph',
      text: '因{extensionReason}，情况复杂，经本局负责人批准，依据《中华人民共和国行政强制法》第二十五条的规定，本局决定将上述{measureLabel}的期限延长{days}日，至{newDue|date}。',
    },
    remediesParagraph('通知书', { notSuspended: false }),
    contactBlock,
    { type: 'signature' },
  ],
  sample: { ...sampleMeasure, previousDue: '2026-10-08', days: 30, newDue: '2026-11-09', extensionReason: '涉案食品需补充调查其来源及流向' },
};

export const seizureRelease: InstrumentTemplate = {
  kind: 'seizureRelease',
  title: '解除查封、扣押决定书',
  family: '行政强制措施',
  version: 1,
  numberPattern: '{orgShort}市监解强〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政强制法》第二十八条`,
  labels: { ...measureLabels, ground: '解除的情形', releaseReason: '解除的理由', endedOn: '解除日期' },
  blocks: [
    addressee(),
    {
      type: 'paragraph',
      text: '本局于{imposedOn|date}以{decisionNumber}对你（单位）的下列场所、设施或者财物予以{measureLabel}：',
    },
    itemsTable,
    {
      type: 'paragraph',
      text: '因{ground}（{releaseReason}），依据《中华人民共和国行政强制法》第二十八条的规定，本局决定自{endedOn|date}起解除上述{measureLabel}，并立即退还财物。',
    },
    contactBlock,
    { type: 'signature' },
  ],
  sample: { ...sampleMeasure, ground: '当事人没有违法行为', releaseReason: '经检验，涉案物品符合食品安全标准', endedOn: '2026-09-20' },
};

export const preservationDecision: InstrumentTemplate = {
  kind: 'preservationDecision',
  title: '先行登记保存证据处理决定书',
  family: '行政强制措施',
  version: 1,
  numberPattern: '{orgShort}市监登处〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第五十六条`,
  labels: {
    preservedOn: '先行登记保存日期',
    evidenceTitle: '先行登记保存的证据',
    decisionText: '处理决定',
    decisionNote: '处理说明',
    decidedOn: '处理决定日期',
  },
  blocks: [
    addressee(),
    {
      type: 'paragraph',
      text: '本局于{preservedOn|date}依据《中华人民共和国行政处罚法》第五十六条的规定，对你（单位）的{evidenceTitle}予以先行登记保存。现依法作出如下处理决定：',
    },
    { type: 'paragraph', text: '{decisionText}。' },
    { type: 'paragraph', text: '{decisionNote}' },
    contactBlock,
    { type: 'signature' },
  ],
  sample: {
    ...sampleCase,
    preservedOn: '2026-09-02',
    evidenceTitle: '“鲜味源”牌牛肉干18袋',
    decisionText: '送交检测、检验、检疫或者技术鉴定',
    decisionNote: '送示例市食品检验检测中心检验，检验期间另行书面告知。',
    decidedOn: '2026-09-08',
  },
};
