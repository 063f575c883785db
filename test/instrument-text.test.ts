/**
 * 文书的每一句都来自案卷记录 (issue 10 items 16 and 18). The case instruments' sentences are checked, word for word,
 * against the facts of the case for the main paths — a written waiver, a statement with its review, a hearing
 * requested and held, no statement within the period — and the 行政处罚决定书 states the whole decision:
 * every money penalty and their total (行政处罚法 第五十九条第一款第（三）项 "行政处罚的种类和依据", 第六十七条第三款
 * "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款"), and the discretion in
 * official wording, never the calculator's trace. Then, through the API: the 法制审核 answers every item itself —
 * an item left out, or a 不符合 without its reason, is refused and nothing is recorded; the decision of a case
 * whose party waived in writing says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChosenPenalty } from '../src/domain/cases/decide.ts';
import { circumstances } from '../src/domain/discretion/circumstances.ts';
import { selectTier } from '../src/domain/discretion/tiers.ts';
import { discretionTiers } from '../src/domain/discretion/vocabulary.ts';
import {
  asNotice,
  caseAuditText,
  caseIntroText,
  closureApprovalText,
  decisionText,
  decisionTitle,
  discretionSentence,
  discussionDecisionText,
  filingApprovalText,
  hearingText,
  nonFilingApprovalText,
  majorReasonText,
  noticeAndDefenceText,
  paymentFields,
  penaltyLine,
  penaltyLines,
  proposedDecisionText,
} from '../src/modules/cases/instrumentText.ts';
import type { CaseRow, DiscretionSnapshot } from '../src/modules/cases/store.ts';
import { layOutInstrument } from '../src/platform/documents/render.ts';
import { templateByKind } from '../src/platform/documents/templates/index.ts';
import type { LaidOutInstrument } from '../src/platform/documents/model.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';
import { type ActionContext, transitionForms } from '../web/src/pages/cases/actions.ts';
import { initialValues, inputOf } from '../web/src/pages/cases/actionValues.ts';

const APL = '行政处罚法@2021-01-22';
const refs = Object.fromEntries(['第五条', '第三十二条', '第三十三条'].map((label) => [`${APL}#${label}`, { title: '中华人民共和国行政处罚法', label }]));

/** The frozen calculation of a case with these circumstances, as the calculator's tier rules produce it. */
function snapshot(ids: string[]): DiscretionSnapshot {
  const t = selectTier(
    { circumstances: circumstances('firstOffence', 'cooperative', 'eliminatedHarm', 'repeatOffence', 'noFault'), exemptions: [] },
    {
      bases: {},
      unreliable: new Set(),
      present: new Set(ids),
    },
    'organisation',
    (id) => id,
  );
  return {
    tier: t.tier,
    tierLabel: discretionTiers[t.tier],
    exempt: t.exempt,
    penalties: [],
    thresholds: {
      hearing: { crossed: 'yes', thresholdFen: 10_000_000, source: '' },
      majorDecision: { crossed: 'yes', thresholdFen: 10_000_000, source: '' },
    },
    trace: t.trace,
    rulesDigest: 'x',
    decisionDate: '2026-11-06',
    violates: [],
    punishes: [],
    violationName: '经营超过保质期的食品',
  };
}

const decided: ChosenPenalty[] = [
  { kind: 'fine', amountFen: 5_500_000 },
  { kind: 'confiscateIllegalGains', amountFen: 80_000 },
];

const notice = { noticeOn: '2026-10-12', servedOn: '2026-10-12', hearingEligible: true, instrumentNumbers: ['示市监罚告〔2026〕3号', '示市监听告〔2026〕2号'] };
const base = {
  id: 'c1',
  bodyId: 'b',
  unitId: 'u',
  procedure: 'ordinary',
  source: 'complaint',
  sourceNote: null,
  receivedOn: '2026-09-02',
  party: { type: 'organisation', name: '示例区鑫隆超市有限公司', uscc: '91990105MA01ABCD2W', address: '示例市示例区和平路88号', legalRep: '李鑫隆' },
  contact: { name: '王志强', phone: '0999-87654321' },
  partyType: 'organisation',
  field: 'food',
  summary: '销售超过保质期的酸奶',
  violationId: 'v',
  violationDate: '2026-08-30',
  lifeHealth: false,
  caseNumber: '示市监立〔2026〕1号',
  filedOn: '2026-09-03',
  investigatorIds: ['o1', 'o2'],
  facts: '当事人销售超过保质期的酸奶。',
  discretionInput: { circumstances: ['firstOffence', 'cooperative'] },
  discretion: snapshot(['firstOffence', 'cooperative']),
  proposed: decided,
  deviationReason: null,
  hearingEligible: true,
  major: null,
  complex: false,
  publicInterest: false,
  notice,
  waivers: {},
  statement: null,
  hearing: null,
  decision: null,
  fineFen: 0,
  confiscationFen: 0,
  service: null,
  paymentDue: null,
  paymentPlan: null,
  enforcement: null,
  referral: null,
  closedOn: null,
  archivedOn: null,
} as unknown as CaseRow;
const caseWith = (over: Partial<CaseRow>): CaseRow => ({ ...base, ...over });

const SERVED =
  '2026年10月12日，本局向当事人送达了《行政处罚告知书》（示市监罚告〔2026〕3号）和《行政处罚听证告知书》（示市监听告〔2026〕2号），' +
  '告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩和要求听证的权利。';
const LIGHTER = '当事人具有“初次违法”“积极配合调查，如实陈述违法事实并主动提供证据”从轻处罚情节，依据《中华人民共和国行政处罚法》第五条的规定，对其从轻处罚。';

/** The paragraphs of a laid-out instrument, as printed. */
const paragraphs = (doc: LaidOutInstrument) => doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.paragraph.runs.map((r) => r.text).join('')] : []));
const env = { orgName: '示例区市场监督管理局', orgCode: '示', date: '2026-11-06', seq: 5, watermark: null };

describe('行政处罚决定书: what the record says happened (行政处罚法 第四十四条、第四十五条、第六十二条至第六十五条)', () => {
  it('a written waiver of both rights: 当事人书面放弃…, never 未提出陈述、申辩意见', () => {
    const c = caseWith({ waivers: { statement: '2026-10-13', hearing: '2026-10-13', note: '当事人书面声明放弃' } });
    expect(noticeAndDefenceText(c)).toBe(`${SERVED}当事人于2026年10月13日书面放弃陈述、申辩和要求听证的权利。`);
    expect(hearingText(c)).toBeUndefined();
  });

  it('a statement waived and the hearing waived on different days: each said on its day', () => {
    const c = caseWith({ waivers: { statement: '2026-10-13', hearing: '2026-10-14' } });
    expect(noticeAndDefenceText(c)).toBe(`${SERVED}当事人于2026年10月13日书面放弃陈述、申辩的权利。`);
    expect(hearingText(c)).toBe('当事人于2026年10月14日书面放弃要求听证的权利。');
  });

  it('a statement (第四十五条: 复核) with the reply; the hearing not requested within the period', () => {
    const c = caseWith({
      statement: { receivedOn: '2026-10-15', text: '系初次违法，已下架全部商品', adopted: false, reply: '当事人所述情节已在裁量中考虑' },
    });
    expect(noticeAndDefenceText(c)).toBe(
      `${SERVED}当事人于2026年10月15日提出陈述、申辩意见：系初次违法，已下架全部商品。本局经复核，不予采纳当事人的意见：当事人所述情节已在裁量中考虑。`,
    );
    expect(hearingText(c)).toBe('当事人在法定期限内未要求听证。');
  });

  it('a hearing requested and held (第六十四条、第六十五条): its date and the hearing report’s conclusion; no 未提出陈述', () => {
    const c = caseWith({
      hearing: { requestedOn: '2026-10-13', heldOn: '2026-11-02', openness: '公开举行', report: '当事人对事实无异议，请求从轻处罚' },
    });
    expect(noticeAndDefenceText(c)).toBe(SERVED);
    expect(hearingText(c)).toBe('当事人于2026年10月13日提出听证要求。本局于2026年11月2日依法公开举行听证。听证报告认为：当事人对事实无异议，请求从轻处罚。');
  });

  it('no statement within the period, no hearing right: the only case where 未提出陈述、申辩意见 is said', () => {
    const c = caseWith({ notice: { ...notice, hearingEligible: false, instrumentNumbers: ['示市监罚告〔2026〕3号'] } });
    expect(noticeAndDefenceText(c)).toBe(
      '2026年10月12日，本局向当事人送达了《行政处罚告知书》（示市监罚告〔2026〕3号），告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩的权利。' +
        '当事人在法定期限内未提出陈述、申辩意见。',
    );
    expect(hearingText(c)).toBeUndefined();
  });

  it('how the case came: by its source, and the filing', () => {
    expect(caseIntroText(base)).toBe('2026年9月2日，本局接到投诉，反映当事人涉嫌经营超过保质期的食品。经批准，本局于2026年9月3日立案调查。');
    expect(caseIntroText(caseWith({ source: 'inspection' }))).toBe(
      '2026年9月2日，本局执法人员在监督检查中发现当事人涉嫌经营超过保质期的食品。经批准，本局于2026年9月3日立案调查。',
    );
  });

  it('the discretion is official wording built from the circumstances and their articles — never the trace', () => {
    const d = base.discretion!;
    const s = discretionSentence(d, refs, { chosenIds: ['firstOffence', 'cooperative'] });
    expect(s).toBe(LIGHTER);
    expect(s).not.toMatch(/→|优先次序|相抵后/);
    expect(discretionSentence(snapshot([]), refs)).toBe('当事人不具有从轻、从重处罚情节，依据《中华人民共和国行政处罚法》第五条的规定，对其按一般情节处罚。');
    expect(discretionSentence(snapshot(['firstOffence', 'repeatOffence']), refs)).toBe(
      '当事人具有“初次违法”从轻处罚情节，同时具有“曾因同类违法行为受过行政处罚”从重处罚情节，依据《中华人民共和国行政处罚法》第五条的规定，对其按一般情节处罚。',
    );
    expect(discretionSentence(snapshot(['eliminatedHarm']), refs)).toBe(
      '当事人具有“主动消除或者减轻违法行为危害后果（如主动召回、下架、退赔）”从轻处罚情节，依据《中华人民共和国行政处罚法》第三十二条的规定，对其从轻处罚。',
    );
  });

  it('a decision that departs from the benchmark says what the benchmark gives and the body’s reason, once', () => {
    const proposalReason = '当事人在案发后继续销售同类过期商品';
    const fromCase = `${LIGHTER.replace('对其从轻处罚。', '依照裁量基准属于从轻处罚的情形。')}本局认为，${proposalReason}。`;
    const withProposal = caseWith({ deviationReason: proposalReason });
    expect(decisionText(withProposal, { outcome: 'penalty', discretion: fromCase }).discretion).toBe(fromCase);
    expect(decisionText(withProposal, { outcome: 'penalty', discretion: fromCase, reason: '当事人拒不改正' }).discretion).toBe(
      `${LIGHTER.replace('对其从轻处罚。', '依照裁量基准属于从轻处罚的情形。')}本局认为，当事人拒不改正。`,
    );
    const t = decisionText(base, { outcome: 'penalty', discretion: LIGHTER, reason: '当事人在案发后继续销售同类过期商品' });
    expect(t.discretion).toBe(
      '当事人具有“初次违法”“积极配合调查，如实陈述违法事实并主动提供证据”从轻处罚情节，依据《中华人民共和国行政处罚法》第五条的规定，依照裁量基准属于从轻处罚的情形。' +
        '本局认为，当事人在案发后继续销售同类过期商品。',
    );
  });

  it('states the whole decision: 罚款 55,000 元 + 没收违法所得 800 元 → 罚没款共计55800元, each line and the total', () => {
    expect(decided.map(penaltyLine)).toEqual(['罚款55000元；', '没收违法所得800元；']);
    expect(penaltyLines(decided)).toEqual(['罚款55000元；', '没收违法所得800元。']);
    const c = caseWith({ waivers: { statement: '2026-10-13', hearing: '2026-10-13' } });
    const data = {
      ...templateByKind('penaltyDecision')!.sample,
      ...decisionText(c, { outcome: 'penalty', discretion: LIGHTER }),
      penalties: penaltyLines(decided),
      ...paymentFields(decided),
      paymentNote: undefined,
    };
    const text = paragraphs(layOutInstrument('penaltyDecision', data, env));
    expect(text).toContain(
      '当事人应当自收到本行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚没款共计55800元（大写：人民币伍万伍仟捌佰元整），其中罚款55000元、没收违法所得800元（《中华人民共和国行政处罚法》第六十七条第三款）。',
    );
    expect(text).toContain(
      '到期不缴纳罚款的，本局可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。',
    );
    expect(text).toContain(`${SERVED}当事人于2026年10月13日书面放弃陈述、申辩和要求听证的权利。`);
    expect(text).toContain(LIGHTER);
    expect(text.join('')).not.toMatch(/未提出陈述|→|优先次序/);
  });

  it('the demo case: 罚款150000元 + 没收违法所得14080元 + the yogurt (a thing, not money) → 164080元 to pay', () => {
    const ps: ChosenPenalty[] = [
      { kind: 'fine', amountFen: 15_000_000 },
      { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
      { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯', amountFen: 50_600 },
    ];
    expect(ps.map(penaltyLine)).toEqual(['罚款150000元；', '没收违法所得14080元；', '没收非法财物：超过保质期的酸奶46杯（价值506元）；']);
    expect(paymentFields(ps)).toEqual({ fine: 15_000_000, payable: 16_408_000, payableLines: '罚款150000元、没收违法所得14080元', payableSeveral: true });
  });

  it('a single money penalty: the amount once; confiscated gains alone carry no late fee (第七十二条 is about 罚款)', () => {
    const only: ChosenPenalty[] = [{ kind: 'confiscateIllegalGains', amountFen: 80_000 }, { kind: 'warning' }];
    const data = { ...templateByKind('penaltyDecision')!.sample, penalties: only.map(penaltyLine), ...paymentFields(only), paymentNote: undefined };
    const text = paragraphs(layOutInstrument('penaltyDecision', data, env));
    expect(text).toContain(
      '当事人应当自收到本行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳没收违法所得800元（大写：人民币捌佰元整）（《中华人民共和国行政处罚法》第六十七条第三款）。',
    );
    expect(text.join('')).not.toContain('加处罚款');
  });

  it('不予 and 免予 are different decisions with their own titles (第三十三条 vs 免罚清单)', () => {
    expect(decisionTitle('penalty')).toBe('行政处罚决定书');
    expect(decisionTitle('noPenalty')).toBe('不予行政处罚决定书');
    expect(decisionTitle('exempted')).toBe('免予行政处罚决定书');
    expect(discussionDecisionText('exempted', [])).toBe('经集体讨论，决定对当事人免予行政处罚。');
    const exempt = caseWith({
      discretion: {
        ...snapshot([]),
        tier: 'noPenalty',
        exempt: true,
        exemption: { list: 'firstOffenceExemption', label: '首次被发现、危害后果轻微并及时改正', articleId: `${APL}#第三十三条` },
      },
    });
    expect(decisionText(exempt, { outcome: 'exempted', discretion: null, noPenaltyReason: '当事人系初次违法且危害后果轻微并及时改正。' })).toMatchObject({
      noPenaltyReason: '当事人系初次违法且危害后果轻微并及时改正',
      noPenaltyBasis: '本局公布的首违不罚清单“首次被发现、危害后果轻微并及时改正”',
    });
    expect(
      decisionText(base, {
        outcome: 'noPenalty',
        discretion: null,
        noPenaltyReason: '违法事实不能成立',
        noPenaltyBasis: '《中华人民共和国行政处罚法》第五十七条第一款第（三）项',
      }),
    ).toMatchObject({ noPenaltyBasis: '《中华人民共和国行政处罚法》第五十七条第一款第（三）项' });
    expect(discussionDecisionText('penalty', decided)).toBe('经集体讨论，决定对当事人作出如下行政处罚：罚款55000元；没收违法所得800元。');
  });
});

describe('the other case instruments write nobody’s opinion for them', () => {
  it('不予立案审批表: the handler’s opinion is what they proposed — filing, when the leader refused a proposal to file', () => {
    const base = { reason: '违法事实不能成立', opinion: '不予立案', leader: '刘卫东', date: '2026-09-03' };
    expect(nonFilingApprovalText({ ...base, handlerProposedFiling: true }).handlerOpinion).toBe('建议立案。');
    expect(nonFilingApprovalText(base).handlerOpinion).toBe('建议不予立案。');
  });

  it('告知书: the discretion said to the party, as proposed (第四十四条 “拟作出的行政处罚内容及事实、理由、依据”)', () => {
    expect(asNotice(LIGHTER)).toBe(
      '你（单位）具有“初次违法”“积极配合调查，如实陈述违法事实并主动提供证据”从轻处罚情节，依据《中华人民共和国行政处罚法》第五条的规定，本局拟对你（单位）从轻处罚。',
    );
  });

  it('法制审核意见书: the proposed decision in a sentence, and why it is major in the catalogue’s words', () => {
    const c = caseWith({
      proposed: [...decided, { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' }],
      major: {
        major: true,
        reasons: [
          { criterion: 'largeFine', text: '罚款 150,000.00 元 达到较大数额 100,000.00 元（默认标准）', basis: '' },
          { criterion: 'hearingHeld', text: '案件经过听证程序', basis: '' },
        ],
      },
    });
    expect(proposedDecisionText(c)).toBe('罚款55000元、没收违法所得800元、没收非法财物（超过保质期的酸奶46杯）');
    expect(majorReasonText(c)).toBe('较大数额罚款、经过听证程序');
  });

  it('立案审批表: the unit head’s row only when the unit head’s opinion was given', () => {
    const a = filingApprovalText({ handlerNames: ['李明', '赵敏'], opinion: '同意立案。', leader: '刘卫东', date: '2026-09-03' });
    expect(a).toEqual({
      handlerOpinion: '建议立案，由李明、赵敏承办。',
      handlerDate: '2026-09-03',
      leaderOpinion: '同意立案。',
      leader: '刘卫东',
      leaderDate: '2026-09-03',
    });
    const withUnit = filingApprovalText({ handlerNames: ['李明'], unitOpinion: '同意。', opinion: '同意立案。', leader: '刘卫东', date: '2026-09-03' });
    expect(withUnit.unitOpinion).toBe('同意。');
    expect('unitHead' in withUnit).toBe(false); // the leader does not sign for the unit head
    const form = layOutInstrument(
      'filingApproval',
      { ...templateByKind('filingApproval')!.sample, unitOpinion: undefined, unitHead: undefined, unitDate: undefined, ...a },
      env,
    );
    const cells = form.blocks.flatMap((b) =>
      b.type === 'table' ? b.rows.map((r) => r.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join('/'))) : [],
    );
    expect(cells.find((r) => r[0] === '办案机构负责人意见')).toEqual(['办案机构负责人意见', '/']);
  });

  it('案件审核表: the auditor’s opinion; no 同意审核意见 written for the head', () => {
    const a = caseAuditText(base, { auditUnit: '法制审核科', opinion: '同意', reasons: '事实清楚，证据确凿', reviewer: '陈静', date: '2026-10-09' });
    expect(a.auditOpinion).toBe('同意。事实清楚，证据确凿。');
    expect(a.summary).toBe('当事人销售超过保质期的酸奶。办案机构拟对当事人作出如下行政处罚：罚款55000元；没收违法所得800元。');
    expect('auditHeadOpinion' in a).toBe(false);
  });

  it('结案审批表: the handler’s opinion follows how the case ended', () => {
    const referred = closureApprovalText(
      caseWith({ referral: { kind: 'police', to: '示例区公安分局', answer: 'accepted', answeredOn: '2026-10-20' } as CaseRow['referral'] }),
      { payments: [], opinion: '同意结案。', leader: '刘卫东', date: '2026-10-21' },
    );
    expect(referred.handlerOpinion).toBe('案件已移送并经接收机关立案，建议结案。');
    expect(referred.execution).toBe('案件已于2026年10月20日移送示例区公安分局，对方已立案。');
    const none = closureApprovalText(
      caseWith({ decision: { outcome: 'noPenalty', penalties: [], decidedOn: '2026-10-20', instrumentId: 'i', number: '示市监不罚〔2026〕1号' } }),
      { payments: [], opinion: '同意结案。', leader: '刘卫东', date: '2026-10-21' },
    );
    expect(none.handlerOpinion).toBe('本案已作出不予行政处罚决定，建议结案。');
    expect(none.outcome).toBe('不予行政处罚');
  });
});

describe('the console’s review forms start empty (issue 10 item 18)', () => {
  const x = {
    c: { deviationReason: '理由', investigators: [{ name: '王志强' }], party: { name: '示例区鑫隆超市有限公司' } },
    ref: { legalReviewItems: { subject: '执法主体是否合法', facts: '案件事实是否清楚' }, reviewOpinions: { agree: '同意' } },
    files: [],
    session: { user: { displayName: '刘卫东' } },
    today: '2026-11-04',
  } as unknown as ActionContext;
  const start = (name: 'legalReview' | 'audit' | 'discuss') => initialValues(transitionForms[name].fields, x);

  it('法制审核: no item answered, no opinion, no reasons, no deviation accepted', () => {
    const v = start('legalReview');
    expect(v.items).toEqual({});
    expect(v.opinion).toBeUndefined();
    expect(v.reasons).toBeUndefined();
    expect(v.acceptsDeviation).toBe(false);
    // what is sent is what the reviewer answered: an unanswered item stays missing (and the server refuses it)
    const sent = inputOf(
      transitionForms.legalReview.fields,
      { ...v, items: { subject: { ok: true, note: ' ' }, facts: { ok: false, note: '证据不足 ' } } },
      null,
    );
    expect(sent.items).toEqual({ subject: { ok: true }, facts: { ok: false, note: '证据不足' } });
  });

  it('案件审核 and 集体讨论: no opinion, reasons, decision or minutes pre-set; a member’s opinion is the member’s', () => {
    const a = start('audit');
    expect([a.opinion, a.reasons, a.acceptsDeviation]).toEqual([undefined, undefined, false]);
    const d = start('discuss');
    expect([d.decision, d.minutes]).toEqual([undefined, undefined]);
    expect(d.members).toEqual([{ name: '刘卫东' }]);
  });
});

// ─── through the API ─────────────────────────────────────────────────────────

let api: TestEnv;
type C = ReturnType<typeof client>;
let officer: C, reviewer: C, leader: C;
let investigators: string[];
let violationId: string;

async function step(c: C, id: string, name: string, input: Record<string, unknown>, date: string) {
  const cur = (await c.get(`/api/cases/${id}`)).body;
  const r = await c.post(`/api/cases/${id}/transitions/${name}`, { expectedVersion: cur.matter.version, date, input });
  expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

const items = (over: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(
    ['subject', 'officerQualification', 'facts', 'evidence', 'lawApplied', 'discretion', 'procedure', 'competence', 'instruments', 'criminalReferral'].map(
      (k) => [k, { ok: true }],
    ),
  ),
  ...over,
});

beforeAll(async () => {
  api = await createTestEnv({ laws: true });
  officer = client(api.app, await login(api.app, 'zhifa'));
  reviewer = client(api.app, await login(api.app, 'shenhe'));
  leader = client(api.app, await login(api.app, 'lingdao'));
  const station = (await api.ctx.db.query<{ id: string }>(`select id from orgs where name = '第二市场监管所'`)).rows[0].id;
  investigators = (
    await api.ctx.db.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id
      where f.org_id = $1 and f.active and c.status = 'valid' and c.valid_from <= '2026-09-01' and c.valid_to >= '2026-12-31' and ('food' = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [station],
    )
  ).rows.map((r) => r.id);
  violationId = (await api.ctx.db.query<{ id: string }>(`select id from violations where code = 'SP-001'`)).rows[0].id;
}, 120_000);
afterAll(() => api?.close());

describe('法制审核 starts empty (行政处罚法 第五十八条), and the decision says the party waived', () => {
  it('refuses a review with an item left out or a 不符合 without its reason — nothing recorded; the decision states the waiver and the whole sum', async () => {
    const r = await officer.post('/api/cases', {
      source: 'complaint',
      receivedOn: '2026-09-02',
      party: base.party,
      contact: base.contact,
      field: 'food',
      summary: '销售超过保质期的酸奶',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    await step(officer, id, 'accept', {}, '2026-09-02');
    await step(officer, id, 'proposeFiling', { violationId, violationDate: '2026-08-30', investigatorIds: investigators, opinion: '建议立案' }, '2026-09-03');
    await step(leader, id, 'approveFiling', { opinion: '同意立案' }, '2026-09-03');
    const video = await officer.post(
      `/api/record/matters/case/${id}/evidence?fileName=site.mp4&contentType=video%2Fmp4`,
      Buffer.from(`site ${Math.random()}`),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(video.status).toBe(201);
    const e = await officer.post(`/api/cases/${id}/evidence`, {
      kind: 'siteRecord',
      title: '现场检查笔录及执法记录仪视频',
      collectedOn: '2026-09-04',
      place: '当事人经营场所',
      officerIds: investigators,
      fileIds: [video.body.id],
    });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    await step(
      officer,
      id,
      'closeInvestigation',
      {
        facts: '当事人于2026年8月起销售超过保质期的“鲜活”牌酸奶1,280杯，货值金额14,080元。',
        bases: { goodsValue: 1_408_000 },
        circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
        proposed: [
          { kind: 'fine', amountFen: 15_000_000 },
          { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
          { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' },
        ],
      },
      '2026-10-08',
    );
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '事实清楚，证据确凿' }, '2026-10-09');
    await step(officer, id, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
    const w = await officer.post(`/api/cases/${id}/waiver`, { statement: true, hearing: true, signedOn: '2026-10-13', note: '当事人书面声明放弃' });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    await step(officer, id, 'submitForLegalReview', {}, '2026-10-14');

    const tryReview = async (input: Record<string, unknown>) => {
      const before = await ledgerSize(api);
      const cur = (await reviewer.get(`/api/cases/${id}`)).body;
      const res = await reviewer.post(`/api/cases/${id}/transitions/legalReview`, { expectedVersion: cur.matter.version, date: '2026-10-15', input });
      expect(await ledgerSize(api)).toBe(before);
      const after = (await reviewer.get(`/api/cases/${id}`)).body;
      expect(after.matter.state).toBe('legalReview');
      expect(after.reviews.filter((x: { kind: string }) => x.kind === 'legalReview')).toHaveLength(0);
      return res;
    };
    const { subject: _left, ...nine } = items();
    const missing = await tryReview({ items: nine, opinion: 'agree', reasons: '同意' });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('REVIEW_ITEMS_MISSING');
    expect(JSON.stringify(missing.body)).toContain('执法主体是否合法');
    const unexplained = await tryReview({ items: items({ evidence: { ok: false } }), opinion: 'disagree', reasons: '证据不足' });
    expect(unexplained.status).toBe(422);
    expect(JSON.stringify(unexplained.body)).toContain('REVIEW_ITEM_NOTE_MISSING');
    const noOpinion = await tryReview({ items: items(), reasons: '同意' });
    expect(noOpinion.status).toBe(400);

    await step(reviewer, id, 'legalReview', { items: items(), opinion: 'agree', reasons: '事实清楚，证据确凿，同意。' }, '2026-10-15');
    const names = ['刘卫东', '黄海', '林静'];
    await step(
      leader,
      id,
      'discuss',
      {
        heldOn: '2026-10-16',
        startAt: '2026-10-16T15:00',
        endAt: '2026-10-16T16:00',
        place: '第一会议室',
        chair: '刘卫东',
        attendees: names.map((name) => ({ name })),
        opinions: names.map((name) => ({ name, opinion: '同意' })),
        decision: 'penalty',
        minutes: '承办人汇报案情。',
        reporter: '王志强',
        recorder: '郑宇',
      },
      '2026-10-16',
    );
    const d = await step(
      leader,
      id,
      'decide',
      {
        outcome: 'penalty',
        penalties: [
          { kind: 'fine', amountFen: 15_000_000 },
          { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
          { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' },
        ],
      },
      '2026-10-19',
    );
    const ins = (
      await api.ctx.db.query<{ data: Record<string, unknown> }>(`select data from instruments where matter_id = $1 and kind = 'penaltyDecision'`, [id])
    ).rows[0].data;
    for (const row of (
      await api.ctx.db.query<{ kind: string; data: Record<string, unknown> }>(`select kind, data from instruments where matter_id = $1 order by created_at`, [
        id,
      ])
    ).rows) {
      const doc = layOutInstrument(row.kind, row.data, env);
      const all = doc.blocks.flatMap((b) =>
        b.type === 'paragraph'
          ? [b.paragraph.runs.map((r) => r.text).join('')]
          : b.type === 'table'
            ? b.rows.map((r) => r.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join('/')).join(' | '))
            : [],
      );
      // every instrument of the case: no trace notation, no machine money format, no sentence the record contradicts
      const text = all.join('\n');
      expect(text, row.kind).not.toMatch(/→|优先次序|相抵后|\d,\d{3}\.\d{2} 元|未提出陈述|同意审核意见|默认标准/);
    }
    expect(ins.noticeAndDefence).toMatch(/当事人于2026年10月13日书面放弃陈述、申辩和要求听证的权利。$/);
    expect(ins.noticeAndDefence).not.toContain('未提出陈述');
    expect(ins.hearingSummary ?? null).toBeNull();
    expect(ins.payable).toBe(16_408_000);
    expect(ins.payableLines).toBe('罚款150000元、没收违法所得14080元');
    expect(String(ins.discretion)).not.toMatch(/→|优先次序|相抵后/);
    expect(ins.discretion).toMatch(/^当事人具有“初次违法”.*对其从轻处罚。$/);
    expect(d.matter.state).toBe('decided');
  }, 120_000);
});
