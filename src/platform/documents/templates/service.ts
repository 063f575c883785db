/** 送达回证 (service receipt) and 涉嫌犯罪案件移送书 (criminal referral, 两法衔接). */
import type { InstrumentTemplate } from '../model.ts';
import { addressee, contactBlock, sampleCase } from './common.ts';
import { SAMR_FORMS } from './approvals.ts';

export const serviceReceipt: InstrumentTemplate = {
  kind: 'serviceReceipt',
  title: '送达回证',
  family: '送达与执行',
  version: 1,
  numberPattern: '{orgShort}市监送〔{year}〕{n}号',
  numberPlacement: 'right',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第六十一条`,
  labels: {
    'recipient.name': '受送达人',
    'recipient.address': '送达地点',
    documents: '送达文书',
    'documents[].title': '文书名称',
    'documents[].number': '文号',
    'documents[].pages': '页数',
    method: '送达方式',
    servedAt: '送达时间',
    receiver: '收件人',
    proxy: '代收人及代收理由',
    witness: '见证人',
    servers: '送达人',
    'servers[]': '姓名',
  },
  blocks: [
    {
      type: 'form',
      widths: [22, 28, 22, 28],
      rows: [
        [{ label: '案件名称' }, { text: '{caseName}', colSpan: 3 }],
        [{ label: '受送达人' }, { text: '{recipient.name}', colSpan: 3 }],
        [{ label: '送达地点' }, { text: '{recipient.address}', colSpan: 3 }],
      ],
    },
    {
      type: 'table',
      rows: 'documents',
      columns: [
        { header: '送达文书名称', value: '{title}', width: 44, align: 'left' },
        { header: '文号', value: '{number}', width: 40 },
        { header: '页数', value: '{pages}', width: 16, optional: true },
      ],
    },
    {
      type: 'form',
      widths: [22, 28, 22, 28],
      rows: [
        [{ label: '送达方式' }, { text: '{method}' }, { label: '送达时间' }, { text: '{servedAt|datetime}' }],
        [
          { label: '收件人签名或者盖章' },
          { text: '{receiver}', optional: true, minHeight: 16 },
          { label: '代收人及代收理由' },
          { text: '{proxy}', optional: true },
        ],
        [{ label: '见证人' }, { text: '{witness}', optional: true, minHeight: 12 }, { label: '送达人' }, { text: '{servers|names}' }],
        [{ label: '备注' }, { text: '{remarks}', optional: true, colSpan: 3, minHeight: 16 }],
      ],
    },
    {
      type: 'note',
      text:
        '注：1.收件人应当在本回证上签名或者盖章，并注明签收日期。2.受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在本回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，' +
        '把文书留在受送达人的住所；也可以把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程，即视为送达（依照《中华人民共和国民事诉讼法》关于留置送达的规定）。',
    },
    { type: 'signature' },
  ],
  sample: {
    ...sampleCase,
    recipient: { name: '示例市鲜味源食品贸易有限公司', address: '示例市示例区和平路88号' },
    documents: [{ title: '行政处罚决定书', number: '示市监处罚〔2026〕12号', pages: 3 }],
    method: '直接送达',
    servedAt: '2026-10-28T10:00',
    servers: ['李明', '赵敏'],
  },
};

export const criminalReferral: InstrumentTemplate = {
  kind: 'criminalReferral',
  title: '涉嫌犯罪案件移送书',
  family: '移送',
  version: 1,
  numberPattern: '{orgShort}市监移〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《中华人民共和国行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条、第八条',
  labels: { police: '接收移送的公安机关', suspicion: '涉嫌犯罪的情形', attachments: '附件', 'attachments[]': '名称' },
  blocks: [
    addressee('police'),
    {
      type: 'paragraph',
      text: '本局在查处{party.name}涉嫌{cause}一案中，发现{suspicion}。依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，现将该案移送你局，请依法审查。',
    },
    { type: 'paragraph', lead: '案件基本情况：', text: '{summary}' },
    {
      type: 'paragraph',
      text: '请你局自接受移送之日起三日内对所移送的案件进行审查，依法作出立案或者不予立案的决定，并书面通知本局（《行政执法机关移送涉嫌犯罪案件的规定》第八条）。',
    },
    { type: 'paragraph', text: '附件：', indent: true },
    { type: 'list', items: 'attachments' },
    contactBlock,
    { type: 'signature' },
    { type: 'spacer' },
    { type: 'paragraph', align: 'center', indent: false, text: '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -' },
    { type: 'paragraph', text: '回\u3000执', align: 'center', indent: false, bold: true },
    { type: 'paragraph', text: '{org.name}：', indent: false, align: 'left' },
    { type: 'paragraph', text: '你局移送的{party.name}涉嫌{cause}一案（{doc.number}）及有关材料已收到（《行政执法机关移送涉嫌犯罪案件的规定》第七条）。' },
    { type: 'signLines', lines: ['接收人签名：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（公安机关印章）'] },
    { type: 'signLines', lines: ['\u3000'.repeat(20) + '年\u3000\u3000月\u3000\u3000日'] },
  ],
  sample: {
    ...sampleCase,
    police: '示例市公安局示例区分局',
    cause: '生产、销售伪劣产品',
    suspicion: '当事人销售的“鲜味源”牌牛肉干标注虚假生产日期、保质期，涉案货值金额已达到刑事追诉标准，涉嫌构成生产、销售伪劣产品罪',
    summary: '2026年9月2日，本局执法人员在当事人经营场所及仓库查获标注虚假生产日期的“鲜味源”牌牛肉干共计8600袋，货值金额共计人民币240800元，已依法扣押。',
    attachments: ['涉嫌犯罪案件情况的调查报告', '涉案物品清单', '有关检验报告', '其他有关涉嫌犯罪的材料'],
  },
};
