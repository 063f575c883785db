/**
 * 告知与听证: 行政处罚告知书 (行政处罚法 第四十四条、第四十五条; with the hearing right of 第六十三条、
 * 第六十四条 when the proposed penalty is hearing-eligible), 听证告知书, 听证通知书 (第六十四条: notice at
 * least seven days before the hearing). Periods of 五日 are working days (第八十五条).
 */
import type { InstrumentTemplate } from '../model.ts';
import { addressee, contactBlock, sampleCase } from './common.ts';
import { SAMR_FORMS } from './approvals.ts';

export const penaltyNotice: InstrumentTemplate = {
  kind: 'penaltyNotice',
  title: '行政处罚告知书',
  family: '告知与听证',
  version: 2,
  numberPattern: '{orgShort}市监罚告〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条`,
  blocks: [
    addressee(),
    { type: 'paragraph', text: '本局于{filedOn|date}对你（单位）涉嫌{cause}一案立案调查，现已调查终结。' },
    { type: 'paragraph', text: '经查，{facts}' },
    { type: 'paragraph', text: '以上事实，有{evidenceSummary}等证据证实。' },
    { type: 'paragraph', text: '你（单位）的上述行为违反了{violatedProvision}的规定。依据{penaltyBasis}的规定，本局拟对你（单位）作出如下行政处罚：' },
    { type: 'list', items: 'penalties' },
    // 裁量理由, addressed to the party and proposed (你（单位）具有……，本局拟对你（单位）从轻处罚。)
    { type: 'paragraph', when: 'discretionProposed', text: '{discretionProposed}' },
    {
      type: 'paragraph',
      unless: 'hearingEligible',
      text: '依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。请在收到本告知书之日起五个工作日内向本局提出陈述、申辩意见；逾期未提出的，视为放弃陈述、申辩的权利。',
    },
    {
      type: 'paragraph',
      when: 'hearingEligible',
      text:
        '依据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，你（单位）享有陈述、申辩的权利，并有权要求举行听证。' +
        '请在收到本告知书之日起五个工作日内向本局提出陈述、申辩意见或者听证要求；逾期未提出的，视为放弃上述权利。',
    },
    contactBlock,
    { type: 'signature' },
  ],
  sample: {
    ...sampleCase,
    hearingEligible: true,
    discretionProposed:
      '你（单位）具有“主动消除或者减轻违法行为危害后果”从轻处罚情节，依据《中华人民共和国行政处罚法》第三十二条的规定，本局拟对你（单位）从轻处罚。',
  },
};

export const hearingRightsNotice: InstrumentTemplate = {
  kind: 'hearingRightsNotice',
  title: '行政处罚听证告知书',
  family: '告知与听证',
  version: 1,
  numberPattern: '{orgShort}市监听告〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《中华人民共和国行政处罚法》第六十三条、第六十四条',
  blocks: [
    addressee(),
    { type: 'paragraph', text: '本局于{filedOn|date}立案调查的你（单位）涉嫌{cause}一案，拟依据{penaltyBasis}的规定，对你（单位）作出如下行政处罚：' },
    { type: 'list', items: 'penalties' },
    {
      type: 'paragraph',
      text:
        '依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求举行听证的权利。如要求听证，请在收到本告知书之日起五个工作日内向本局提出；逾期未提出的，视为放弃听证权利。' +
        '你（单位）不承担本局组织听证的费用。',
    },
    contactBlock,
    { type: 'signature' },
  ],
  sample: sampleCase,
};

export const hearingNotice: InstrumentTemplate = {
  kind: 'hearingNotice',
  title: '行政处罚听证通知书',
  family: '告知与听证',
  version: 1,
  numberPattern: '{orgShort}市监听通〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第六十四条`,
  labels: {
    requestedOn: '听证申请日期',
    'hearing.at': '听证时间',
    'hearing.place': '听证地点',
    'hearing.openness': '听证方式（公开或者不公开举行及理由）',
    'hearing.host': '听证主持人',
    'hearing.members': '听证员',
    'hearing.clerk': '记录员',
  },
  blocks: [
    addressee(),
    {
      type: 'paragraph',
      text: '根据你（单位）于{requestedOn|date}提出的听证要求，本局决定于{hearing.at|datetime}在{hearing.place}就你（单位）涉嫌{cause}一案举行听证，听证{hearing.openness}。',
    },
    { type: 'paragraph', unless: 'hearing.members', text: '本次听证由{hearing.host}担任主持人，{hearing.clerk}担任记录员。' },
    { type: 'paragraph', when: 'hearing.members', text: '本次听证由{hearing.host}担任主持人，{hearing.members|names}担任听证员，{hearing.clerk}担任记录员。' },
    {
      type: 'paragraph',
      text: '你（单位）认为主持人、听证员、记录员与本案有直接利害关系的，有权申请回避，并应当在听证举行前向本局提出申请及理由。',
    },
    {
      type: 'paragraph',
      text:
        '你（单位）可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证举行前向本局提交载明委托事项及权限的授权委托书。请携带身份证明及有关证据材料准时出席。' +
        '无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本局将终止听证（《中华人民共和国行政处罚法》第六十四条）。',
    },
    contactBlock,
    { type: 'signature' },
  ],
  sample: {
    ...sampleCase,
    requestedOn: '2026-10-13',
    hearing: {
      at: '2026-10-20T09:00',
      place: '示例区市场监督管理局听证室（示例市示例区人民路1号）',
      openness: '公开举行',
      host: '孙丽',
      members: ['周涛', '吴芳'],
      clerk: '郑宇',
    },
  },
};
