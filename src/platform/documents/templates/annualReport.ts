/**
 * 法治政府建设年度报告 in the layout of 党政机关公文格式 (GB/T 9704-2012), like the other official documents: the body's
 * name and the title as 发文机关标志, 发文字号 centred, the year, the 正文 with its headings 一、二、… as their own
 * paragraphs, 署名, 成文日期 and the seal's place. The text comes from the report's sections
 * (modules/annualReports/content.ts); every number in it was read from the report's kept figure set.
 */
import type { InstrumentTemplate } from '../model.ts';

export const annualReport: InstrumentTemplate = {
  kind: 'annualReport',
  title: '法治政府建设年度报告',
  family: '年度报告',
  version: 1,
  numberPattern: '{orgShort}市监法报〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《党政机关公文格式》（GB/T 9704-2012）；《法治政府建设与责任落实督察工作规定》（2019年，文本未入库）所称年度报告；发文字号的代字由本机关设定',
  labels: {
    reportYear: '报告年度',
    body: '正文',
  },
  blocks: [
    { type: 'paragraph', text: '{reportYear}', align: 'center', indent: false },
    { type: 'spacer', lines: 0.5 },
    { type: 'paragraph', text: '{body}' },
    { type: 'spacer', lines: 1 },
    { type: 'signature' },
  ],
  sample: {
    reportYear: '（2026年度）',
    body:
      '一、依法全面履行政府职能\n全面推行“双随机、一公开”监管，全年开展双随机抽查任务12个，同比增长20.0%。\n' +
      '二、坚持严格规范公正文明执法\n全年共立案行政处罚案件35件，办结行政处罚案件32件，同比下降5.9%。\n' +
      '三、存在的问题和下一步工作\n基层执法力量仍显不足，下一步将加强执法人员培训。',
  },
};
