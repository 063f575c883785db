/**
 * 笔录 and 记录: 询问笔录, 现场笔录, 听证笔录, 集体讨论记录. Every page carries a signature blank in
 * the footer (被询问人签名 … 第1页 共2页) — a record is signed page by page (行政处罚法 第五十五条第二款,
 * 第六十四条第（八）项).
 */
import type { InstrumentTemplate } from '../model.ts';
import { partyBlock, sampleCase, sampleOfficers, signLine } from './common.ts';
import { SAMR_FORMS } from './approvals.ts';

export const inquiryRecord: InstrumentTemplate = {
  kind: 'inquiryRecord',
  title: '询问笔录',
  family: '调查',
  version: 1,
  numberPattern: '{orgShort}市监询〔{year}〕{n}号',
  numberPlacement: 'right',
  footer: { kind: 'recordPage', signLabel: '被询问人签名' },
  source: SAMR_FORMS,
  labels: {
    inquirers: '询问人', 'inquirers[].name': '姓名', 'inquirers[].certNo': '执法证号', matter: '调查事项',
    'interviewee.name': '被询问人姓名', 'interviewee.gender': '被询问人性别', 'interviewee.age': '被询问人年龄',
    'interviewee.idNumber': '被询问人身份证件号码', 'interviewee.employer': '被询问人工作单位及职务', 'interviewee.address': '被询问人住址',
    'interviewee.phone': '被询问人联系电话', 'interviewee.relation': '被询问人与当事人的关系', qa: '询问内容', 'qa[].q': '问', 'qa[].a': '答',
  },
  blocks: [
    {
      type: 'fields', lines: [
        { label: '询问时间', value: '{startAt|datetime}至{endAt|time}' },
        { label: '询问地点', value: '{place}' },
        { label: '询问人', value: '{inquirers|officers}' },
        { label: '记录人', value: '{recorder|officers}' },
        { label: '被询问人', value: '{interviewee.name}\u3000\u3000性别：{interviewee.gender}\u3000\u3000年龄：{interviewee.age}' },
        { label: '身份证件号码', value: '{interviewee.idNumber}' },
        { label: '工作单位及职务', value: '{interviewee.employer}', optional: true },
        { label: '与当事人关系', value: '{interviewee.relation}', optional: true },
        { label: '住址', value: '{interviewee.address}' },
        { label: '联系电话', value: '{interviewee.phone}', optional: true },
      ],
    },
    {
      type: 'paragraph', lead: '问：', indent: false,
      text:
        '我们是{org.name}的执法人员{inquirers|names}，这是我们的执法证件，请你过目（出示执法证件）。现依法就{matter}向你进行调查询问。' +
        '依照《中华人民共和国行政处罚法》第五十五条的规定，你应当如实回答询问，协助调查，不得拒绝或者阻挠；你有权进行陈述和申辩。' +
        '如果你认为执法人员与本案有直接利害关系，可能影响公正执法的，可以申请回避。你是否申请回避？',
    },
    { type: 'paragraph', lead: '答：', indent: false, text: '{recusalAnswer}' },
    { type: 'dialogue', items: 'qa' },
    { type: 'paragraph', indent: false, text: '（以上笔录已交被询问人核对／已向被询问人宣读。）' },
    { type: 'signLines', lines: [signLine('被询问人签名'), signLine('询问人签名'), signLine('记录人签名')] },
  ],
  sample: {
    startAt: '2026-09-05T09:30', endAt: '10:45', place: '示例区市场监督管理局第二市场监管所询问室',
    inquirers: sampleOfficers, recorder: sampleOfficers[1],
    interviewee: { name: '王建国', gender: '男', age: 46, idNumber: '990105197802120038', employer: '示例市鲜味源食品贸易有限公司法定代表人', relation: '当事人的法定代表人', address: '示例市示例区和平路88号', phone: '13900000001' },
    matter: '示例市鲜味源食品贸易有限公司涉嫌经营超过保质期食品一案',
    recusalAnswer: '不申请回避。',
    qa: [
      { q: '请介绍一下你公司的基本情况。', a: '我公司成立于2019年，主要经营预包装食品批发零售，我是公司法定代表人，负责日常经营。' },
      { q: '2026年9月2日执法人员在你公司货架上发现的18袋“鲜味源”牌牛肉干是从哪里购进的？', a: '是2026年8月20日从示例市某食品批发市场购进的，一共30袋，每袋进价18元，有进货单据。' },
      { q: '你是否知道这批牛肉干的保质期？', a: '包装上标注保质期到2026年8月15日，进货时没有仔细查验，是我们工作上的疏忽。' },
      { q: '这批牛肉干卖出了多少？售价多少？', a: '卖出了12袋，每袋卖28元，剩下的18袋执法人员检查时还在货架上。' },
      { q: '你还有什么要补充的吗？', a: '没有了。我们已经把过期食品全部下架，以后一定加强进货查验。' },
    ],
  },
};

export const siteRecord: InstrumentTemplate = {
  kind: 'siteRecord',
  title: '现场笔录',
  family: '调查',
  version: 1,
  numberPattern: '{orgShort}市监现〔{year}〕{n}号',
  numberPlacement: 'right',
  footer: { kind: 'recordPage', signLabel: '当事人（现场负责人）签名' },
  source: SAMR_FORMS,
  labels: {
    'present.name': '现场负责人姓名', 'present.title': '现场负责人职务', 'present.phone': '现场负责人联系电话',
    findings: '现场情况', avRecord: '音像记录设备', partyOpinion: '当事人（现场负责人）意见', witness: '见证人',
  },
  blocks: [
    {
      type: 'fields', lines: [
        { label: '检查时间', value: '{startAt|datetime}至{endAt|time}' },
        { label: '检查地点', value: '{place}' },
        { label: '执法人员', value: '{officers|officers}' },
        { label: '记录人', value: '{recorder|officers}' },
      ],
    },
    partyBlock(),
    {
      type: 'fields', lines: [
        { label: '现场负责人', value: '{present.name}\u3000\u3000职务：{present.title}' },
        { label: '现场负责人联系电话', value: '{present.phone}', optional: true },
        { label: '见证人', value: '{witness}', optional: true },
      ],
    },
    {
      type: 'paragraph',
      text: '执法人员{officers|names}向当事人（现场负责人）出示了执法证件，表明了身份，告知了检查的事由和依据，并告知当事人依法享有陈述、申辩和申请回避的权利（《中华人民共和国行政处罚法》第五十五条）。当事人（现场负责人）{recusalAnswer}。',
    },
    { type: 'heading', text: '现场情况：' },
    { type: 'paragraph', text: '{findings}' },
    { type: 'paragraph', when: 'avRecord', text: '检查过程已使用{avRecord}全程音像记录。' },
    { type: 'paragraph', when: 'partyOpinion', lead: '当事人（现场负责人）意见：', indent: false, text: '{partyOpinion}' },
    { type: 'signLines', lines: [signLine('当事人（现场负责人）签名'), signLine('执法人员签名'), signLine('记录人签名')] },
    { type: 'signLines', when: 'witness', lines: [signLine('见证人签名')] },
  ],
  sample: {
    ...sampleCase,
    startAt: '2026-09-02T14:10', endAt: '15:20', place: '示例市示例区和平路88号当事人经营场所',
    officers: sampleOfficers, recorder: sampleOfficers[1],
    present: { name: '王建国', title: '法定代表人', phone: '13900000001' },
    recusalAnswer: '表示不申请回避',
    findings:
      '当事人经营场所面积约60平方米，悬挂营业执照和食品经营许可证。执法人员在东侧货架第二层发现“鲜味源”牌牛肉干（规格：200克/袋）18袋，' +
      '外包装标注生产日期2026年2月15日、保质期6个月，即保质期至2026年8月15日，标价每袋28元，已超过保质期。执法人员对上述物品拍照取证6张，并依法予以先行登记保存。',
    avRecord: '执法记录仪（编号ZF-0217）',
    partyOpinion: '以上情况属实。',
  },
};

export const hearingRecord: InstrumentTemplate = {
  kind: 'hearingRecord',
  title: '听证笔录',
  family: '告知与听证',
  version: 1,
  numberPattern: '{orgShort}市监听录〔{year}〕{n}号',
  numberPlacement: 'right',
  footer: { kind: 'recordPage', signLabel: '当事人（委托代理人）签名' },
  source: SAMR_FORMS,
  labels: {
    openness: '听证方式', host: '听证主持人', members: '听证员', 'members[]': '姓名', clerk: '记录员', agents: '委托代理人', 'agents[]': '姓名',
    investigators: '案件调查人员', 'investigators[].name': '姓名', 'investigators[].certNo': '执法证号',
    turns: '听证过程', 'turns[].speaker': '发言人', 'turns[].text': '发言内容',
  },
  blocks: [
    {
      type: 'fields', lines: [
        { label: '案件名称', value: '{caseName}' },
        { label: '听证时间', value: '{startAt|datetime}至{endAt|time}' },
        { label: '听证地点', value: '{place}' },
        { label: '听证方式', value: '{openness}' },
        { label: '听证主持人', value: '{host}' },
        { label: '听证员', value: '{members|names}', optional: true },
        { label: '记录员', value: '{clerk}' },
        { label: '当事人', value: '{party.name}' },
        { label: '法定代表人（负责人）', value: '{party.legalRep}', optional: true },
        { label: '委托代理人', value: '{agents|names}', optional: true },
        { label: '案件调查人员', value: '{investigators|officers}' },
      ],
    },
    { type: 'heading', text: '听证过程：' },
    { type: 'dialogue', items: 'turns', turns: true },
    { type: 'paragraph', indent: false, text: '（以上笔录已交当事人或者其委托代理人核对。《中华人民共和国行政处罚法》第六十四条第（八）项）' },
    {
      type: 'signLines',
      lines: [signLine('当事人（委托代理人）签名'), signLine('案件调查人员签名'), signLine('听证主持人签名'), signLine('听证员签名'), signLine('记录员签名')],
    },
  ],
  sample: {
    ...sampleCase,
    startAt: '2026-10-20T09:00', endAt: '10:30', place: '示例区市场监督管理局听证室', openness: '公开举行',
    host: '孙丽（法制审核科）', members: ['周涛', '吴芳'], clerk: '郑宇', agents: ['钱律师（示例律师事务所）'], investigators: sampleOfficers,
    turns: [
      { speaker: '主持人', text: '现在开始听证。核对当事人及委托代理人身份，宣布听证纪律，告知当事人享有申请回避、陈述、申辩和质证的权利。当事人是否申请主持人、听证员、记录员回避？' },
      { speaker: '当事人委托代理人', text: '不申请回避。' },
      { speaker: '案件调查人员', text: '当事人经营超过保质期的“鲜味源”牌牛肉干，货值金额840元，违法所得336元，违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定，建议依据该法第一百二十四条第一款第（五）项的规定予以处罚。证据有现场笔录、询问笔录、进货单据等。' },
      { speaker: '当事人委托代理人', text: '对事实和证据没有异议。当事人系初次违法，货值金额较小，已主动下架，请求从轻处罚。' },
      { speaker: '主持人', text: '当事人作最后陈述。' },
      { speaker: '当事人', text: '我们认识到了错误，请求从轻处罚。' },
      { speaker: '主持人', text: '听证结束。' },
    ],
  },
};

export const collectiveDiscussion: InstrumentTemplate = {
  kind: 'collectiveDiscussion',
  title: '行政处罚案件集体讨论记录',
  family: '审核',
  version: 1,
  numberPattern: '{orgShort}市监集讨〔{year}〕{n}号',
  numberPlacement: 'right',
  footer: { kind: 'recordPage', signLabel: '参加人员签名' },
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第五十七条第二款`,
  labels: {
    host: '主持人', attendees: '参加人员', 'attendees[]': '姓名', observers: '列席人员', 'observers[]': '姓名', reporter: '汇报人',
    briefing: '案情汇报', opinions: '讨论意见', 'opinions[].speaker': '发言人', 'opinions[].text': '意见', decision: '讨论决定',
    recorder: '记录人',
  },
  blocks: [
    {
      type: 'fields', lines: [
        { label: '案件名称', value: '{caseName}' },
        { label: '当事人', value: '{party.name}' },
        { label: '讨论时间', value: '{startAt|datetime}至{endAt|time}' },
        { label: '讨论地点', value: '{place}' },
        { label: '主持人', value: '{host}' },
        { label: '参加人员', value: '{attendees|names}' },
        { label: '列席人员', value: '{observers|names}', optional: true },
        { label: '汇报人', value: '{reporter}' },
        { label: '记录人', value: '{recorder}' },
      ],
    },
    { type: 'heading', text: '讨论内容：' },
    { type: 'paragraph', lead: '案情汇报：', indent: false, text: '{briefing}' },
    { type: 'dialogue', items: 'opinions', turns: true },
    { type: 'heading', text: '讨论决定：' },
    { type: 'paragraph', text: '{decision}' },
    { type: 'signLines', lines: ['参加人员签名：', '', signLine('主持人签名'), signLine('记录人签名')] },
  ],
  sample: {
    ...sampleCase,
    startAt: '2026-10-22T15:00', endAt: '16:10', place: '示例区市场监督管理局第一会议室',
    host: '刘卫东（局长）', attendees: ['刘卫东', '黄海', '林静', '陈志强', '孙丽'], observers: ['李明'], reporter: '李明', recorder: '郑宇',
    briefing: '承办人汇报了案件来源、调查经过、违法事实、证据、法制审核意见及听证情况，拟没收涉案食品和违法所得，并处罚款50000元。',
    opinions: [
      { speaker: '黄海', text: '事实清楚，证据确凿，同意承办机构的处理意见。' },
      { speaker: '林静', text: '同意。当事人积极配合调查，可在法定幅度内从轻处罚，罚款50000元适当。' },
      { speaker: '孙丽', text: '法制审核意见为同意，程序合法，同意。' },
      { speaker: '刘卫东', text: '同意上述意见。' },
    ],
    decision: '经集体讨论，一致同意对当事人没收超过保质期的“鲜味源”牌牛肉干18袋，没收违法所得336元，并处罚款50000元。',
  },
};
