/**
 * 行政规范性文件 in the layout of 党政机关公文格式 (GB/T 9704-2012): 发文机关标志 (the body's name over
 * “文件”), 发文字号 centred, the title, the 正文 as numbered articles (chapters as their own lines), the
 * 附注 （此件公开发布）, 署名, 成文日期 and the seal's place. The text comes from the document's structured
 * articles (modules/normativeDocuments/instrument.ts joins them as 第一条…); numbered by the gapless series
 * `{机关代字}市监规〔{year}〕{n}号` per body and year (统一登记、统一编号、统一印发).
 */
import type { InstrumentTemplate } from '../model.ts';

export const normativeDocument: InstrumentTemplate = {
  kind: 'normativeDocument',
  title: '文件',
  family: '规范性文件',
  version: 1,
  numberPattern: '{orgShort}市监规〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《党政机关公文格式》（GB/T 9704-2012）；国办发〔2018〕37号（统一登记、统一编号、统一印发）',
  labels: {
    docTitle: '文件标题',
    body: '正文（条文）',
    publicNote: '附注',
  },
  blocks: [
    { type: 'paragraph', text: '{docTitle}', align: 'center', indent: false, bold: true },
    { type: 'spacer', lines: 0.5 },
    { type: 'paragraph', text: '{body}' },
    { type: 'spacer', lines: 1 },
    { type: 'signature' },
    { type: 'paragraph', when: 'publicNote', text: '（{publicNote}）' },
  ],
  sample: {
    docTitle: '示例区市场监督管理局关于规范商品明码标价行为的若干规定（试行）',
    body:
      '第一条　为规范经营者明码标价行为，维护市场价格秩序，根据《中华人民共和国价格法》《明码标价和禁止价格欺诈规定》等规定，结合本区实际，制定本规定。\n' +
      '第二条　本区行政区域内经营者销售商品、提供服务的明码标价行为，适用本规定。\n' +
      '第三条　本规定自2026年3月1日起施行，有效期二年。',
    publicNote: '此件公开发布',
  },
};
