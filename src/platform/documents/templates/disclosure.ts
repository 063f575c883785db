/**
 * 政府信息公开 on request (政府信息公开条例, 2019): the answer (政府信息公开申请答复告知书, 第三十六条、第三十七条), the
 * request to correct an unclear application (补正告知书, 第三十条) and the notice of an extended answer period
 * (延期答复告知书, 第三十三条第二款). The operative sentences come from the answer as recorded
 * (domain/disclosure/rules.ts `answerSentences`); the remedy sentence cites 第五十一条.
 */
import type { InstrumentTemplate } from '../model.ts';

const SOURCE = '《中华人民共和国政府信息公开条例》（2019年修订）第三十条、第三十三条、第三十六条、第三十七条、第五十一条（格式：GB/T 9704-2012）';
const labels = {
  applicant: '申请人',
  receivedOn: '收到申请日期',
  description: '申请公开的政府信息',
};

export const disclosureAnswer: InstrumentTemplate = {
  kind: 'disclosureAnswer',
  title: '政府信息公开申请答复告知书',
  family: '政府信息公开',
  version: 1,
  numberPattern: '{orgShort}市监依申请公开〔{year}〕{n}号',
  numberPlacement: 'center',
  footer: { kind: 'pageNumber' },
  source: SOURCE,
  labels: { ...labels, answerLabel: '答复类型', sentences: '答复内容', 'sentences[]': '答复内容', answerDate: '答复日期' },
  blocks: [
    { type: 'paragraph', text: '{applicant}：', indent: false, align: 'left' },
    { type: 'paragraph', text: '本机关于{receivedOn|cnDate}收到您提出的政府信息公开申请，申请获取“{description}”。现答复如下：' },
    { type: 'paragraph', text: '{sentences|lines}' },
    {
      type: 'paragraph',
      text: '如对本答复不服，可以依照《中华人民共和国政府信息公开条例》第五十一条的规定，依法申请行政复议或者提起行政诉讼。',
    },
    { type: 'signature', date: '{answerDate}' },
  ],
  sample: {
    applicant: '王某某',
    receivedOn: '2026-11-02',
    description: '2026年本区食品抽检不合格产品的核查处置情况',
    answerLabel: '部分公开',
    sentences: [
      '经审查，您申请获取的政府信息中含有涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，依照《中华人民共和国政府信息公开条例》第十五条的规定不予公开，理由是：第三方不同意公开其配方信息。',
      '该部分内容能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容，获取方式、途径：电子邮件发送。',
    ],
    answerDate: '2026-11-20',
  },
};

export const disclosureCorrection: InstrumentTemplate = {
  kind: 'disclosureCorrection',
  title: '政府信息公开申请补正告知书',
  family: '政府信息公开',
  version: 1,
  numberPattern: '{orgShort}市监依申请补〔{year}〕{n}号',
  numberPlacement: 'center',
  footer: { kind: 'pageNumber' },
  source: SOURCE,
  labels: { ...labels, items: '需要补正的事项', dueOn: '补正期限', noticeDate: '告知日期' },
  blocks: [
    { type: 'paragraph', text: '{applicant}：', indent: false, align: 'left' },
    {
      type: 'paragraph',
      text: '本机关于{receivedOn|cnDate}收到您提出的政府信息公开申请，申请获取“{description}”。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对下列事项作出补正：',
    },
    { type: 'paragraph', text: '{items}' },
    {
      type: 'paragraph',
      text: '请于{dueOn|cnDate}前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    },
    { type: 'signature', date: '{noticeDate}' },
  ],
  sample: {
    applicant: '王某某',
    receivedOn: '2026-11-02',
    description: '食品抽检的文件',
    items: '请写明所需文件的名称、文号或者所涉抽检的时间、产品等便于查询的特征性描述。',
    dueOn: '2026-11-20',
    noticeDate: '2026-11-05',
  },
};

export const disclosureExtension: InstrumentTemplate = {
  kind: 'disclosureExtension',
  title: '政府信息公开申请延期答复告知书',
  family: '政府信息公开',
  version: 1,
  numberPattern: '{orgShort}市监依申请延〔{year}〕{n}号',
  numberPlacement: 'center',
  footer: { kind: 'pageNumber' },
  source: SOURCE,
  labels: { ...labels, reason: '延期理由', dueOn: '延长后的答复期限', noticeDate: '告知日期' },
  blocks: [
    { type: 'paragraph', text: '{applicant}：', indent: false, align: 'left' },
    {
      type: 'paragraph',
      text: '本机关于{receivedOn|cnDate}收到您提出的政府信息公开申请，申请获取“{description}”。因{reason}，本机关不能在规定期限内答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长至{dueOn|cnDate}。',
    },
    { type: 'signature', date: '{noticeDate}' },
  ],
  sample: {
    applicant: '王某某',
    receivedOn: '2026-11-02',
    description: '2026年本区食品抽检不合格产品的核查处置情况',
    reason: '申请公开的信息涉及多个年度的抽检记录，需要检索、汇总',
    dueOn: '2026-12-28',
    noticeDate: '2026-11-25',
  },
};
