/**
 * The wording the case workflow writes into its instruments (文书): the sentences of the handler's, the
 * unit's and the leader's opinions, the narrative of a decision, what was executed. Pure: the transitions
 * gather the facts and issue the instrument (instruments.ts) with what these return.
 *
 * Every sentence states what the case's record says happened, in the wording of an official document:
 * a sentence whose fact is not on the record is left out (or the generator asks for it), never filled
 * with a default that may contradict the record. The calculator's trace is evidence for the file, not
 * text for the party: the discretion sentence is rebuilt here from the circumstances and the articles.
 */
import type { ChosenPenalty } from '../../domain/cases/decide.ts';
import { majorCriteria, serviceMethods } from '../../domain/cases/rules.ts';
import { standardCircumstanceById } from '../../domain/discretion/circumstances.ts';
import { circumstanceEffects, exemptionLists, penaltyKinds } from '../../domain/discretion/vocabulary.ts';
import { yuan } from '../../platform/documents/format.ts';
import type { CaseRow, DiscretionSnapshot, PaymentRow } from './store.ts';

/** 5500000 分 → 55000元: money as the instruments print it (the generator's `yuan` filter). */
const formatYuan = (fen: number) => yuan(fen) ?? '';

/** 2026-11-23 → 2026年11月23日 */
export const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Ends a sentence with 。 unless it already ends with a full stop. */
export const sentence = (s: string) => (/[。！？]$/.test(s.trim()) ? s.trim() : `${s.trim().replace(/[，；、：,;:]$/, '')}。`);

/** One line of the decided (or proposed) penalties. A confiscated thing's value is its value, not money to pay. */
export const penaltyLine = (p: ChosenPenalty) =>
  p.kind === 'fine'
    ? `罚款${formatYuan(p.amountFen ?? 0)}${p.note ? `（${p.note}）` : ''}；`
    : p.kind === 'confiscateIllegalGains' && p.amountFen
      ? `没收违法所得${formatYuan(p.amountFen)}${p.note ? `（${p.note}）` : ''}；`
      : p.kind === 'confiscateIllegalProperty'
        ? `没收非法财物${p.note ? `：${p.note}` : ''}${p.amountFen ? `（价值${formatYuan(p.amountFen)}）` : ''}；`
        : `${penaltyKinds[p.kind]}${p.note ? `：${p.note}` : ''}；`;

const penaltiesText = (ps: ChosenPenalty[]) => ps.map(penaltyLine).join('');

/** The penalties as a list of an instrument: each line ends with ；, the last with 。 */
export const penaltyLines = (ps: ChosenPenalty[]) => ps.map((p, i) => (i === ps.length - 1 ? penaltyLine(p).replace(/；$/, '。') : penaltyLine(p)));

/** The money a decision orders paid, line by line: 罚款 and 没收违法所得 (the value of confiscated property is not paid). */
export function payableOf(ps: ChosenPenalty[]): { totalFen: number; lines: string[] } {
  const sum = (kind: ChosenPenalty['kind']) => ps.filter((p) => p.kind === kind).reduce((s, p) => s + (p.amountFen ?? 0), 0);
  const fine = sum('fine');
  const gains = sum('confiscateIllegalGains');
  const lines = [...(fine ? [`罚款${formatYuan(fine)}`] : []), ...(gains ? [`没收违法所得${formatYuan(gains)}`] : [])];
  return { totalFen: fine + gains, lines };
}

/**
 * The payment fields of a decision: `payable` (分), `payableLines` (罚款55000元、没收违法所得800元) and whether
 * there are several (the template then states the total and each line). Nothing when nothing is to be paid.
 */
export function paymentFields(ps: ChosenPenalty[]) {
  const p = payableOf(ps);
  const fineFen = ps.filter((x) => x.kind === 'fine').reduce((s, x) => s + (x.amountFen ?? 0), 0);
  return {
    fine: fineFen || undefined,
    payable: p.totalFen || undefined,
    payableLines: p.lines.join('、') || undefined,
    payableSeveral: p.lines.length > 1,
  };
}

/** The title of the decision an outcome is written in. */
export const decisionTitle = (outcome: string | undefined) =>
  outcome === 'penalty' ? '行政处罚决定书' : outcome === 'exempted' ? '免予行政处罚决定书' : '不予行政处罚决定书';

// ─── the discretion sentence ─────────────────────────────────────────────────

type ArticleRefs = Record<string, { title: string; label: string } | undefined>;

/** 《中华人民共和国行政处罚法》第五条、第三十二条和《…》第X条 — from law-library article ids, in order, without repeats. */
export function provisionsOf(articleIds: string[], refs: ArticleRefs): string {
  const byTitle = new Map<string, string[]>();
  for (const id of [...new Set(articleIds)]) {
    const r = refs[id];
    if (!r) continue;
    const labels = byTitle.get(r.title) ?? [];
    if (!labels.includes(r.label)) labels.push(r.label);
    byTitle.set(r.title, labels);
  }
  return [...byTitle].map(([title, labels]) => `《${title}》${labels.join('、')}`).join('和');
}

interface Circumstance {
  label: string;
  effect: keyof typeof circumstanceEffects | null;
  articleIds: string[];
}

/**
 * The circumstances the frozen calculation recognised (its `circumstance` steps: the label in “”, the effect
 * in the kind's brackets); for a snapshot without them, the case's chosen circumstance ids in the standard list.
 */
export function circumstancesOf(d: DiscretionSnapshot, chosenIds: string[] = []): Circumstance[] {
  const out: Circumstance[] = [];
  for (const t of d.trace) {
    if (!/^circumstance(\.|$)/.test(t.step) || t.step === 'circumstance.notApplicable') continue;
    const label = /“([^”]+)”/.exec(t.text)?.[1];
    if (!label || out.some((c) => c.label === label)) continue;
    const bracket = /（[^（）]*）\s*$/.exec(t.text)?.[0] ?? t.text;
    const effect = (Object.keys(circumstanceEffects) as (keyof typeof circumstanceEffects)[])
      .sort((a, b) => circumstanceEffects[b].length - circumstanceEffects[a].length)
      .find((k) => bracket.includes(circumstanceEffects[k]));
    out.push({ label, effect: effect ?? null, articleIds: t.articleIds });
  }
  if (out.length) return out;
  return chosenIds
    .map((id) => standardCircumstanceById.get(id))
    .filter((c) => !!c)
    .map((c) => ({ label: c.label, effect: c.effect, articleIds: [c.articleId] }));
}

const quoted = (cs: Circumstance[]) => cs.map((c) => `“${c.label}”`).join('');

/**
 * 裁量理由 in official wording: the circumstances the party has, the articles that make them count, and the
 * tier — e.g. 当事人具有“初次违法”情节，依据《中华人民共和国行政处罚法》第五条的规定，对其从轻处罚。 When the decision
 * departs from the benchmark, the tier is stated as the benchmark's and the body's reason follows.
 */
export function discretionSentence(d: DiscretionSnapshot, refs: ArticleRefs, o: { chosenIds?: string[]; deviates?: boolean } = {}): string {
  const cs = circumstancesOf(d, o.chosenIds);
  const lighter = cs.filter((c) => c.effect === 'lighter' || c.effect === 'lighterOrMitigate');
  const heavier = cs.filter((c) => c.effect === 'heavier');
  const mitigate = cs.filter((c) => c.effect === 'mitigate');
  const noPenalty = cs.filter((c) => c.effect === 'noPenalty');
  const tierStep = [...d.trace].reverse().find((t) => t.step === 'tier');
  const counted = d.tier === 'mitigatedBelowRange' ? [...mitigate, ...lighter] : d.tier === 'noPenalty' ? noPenalty : [...lighter, ...heavier];
  const provisions = provisionsOf([...counted.flatMap((c) => c.articleIds), ...(tierStep?.articleIds ?? [])], refs);
  const basis = provisions ? `依据${provisions}的规定，` : '';
  const has = (list: Circumstance[], what: string) => (list.length ? `具有${quoted(list)}${what}` : '');
  const facts = (() => {
    switch (d.tier) {
      case 'lighter':
      case 'heavier':
      case 'standard': {
        const parts = [has(lighter, '从轻处罚情节'), has(heavier, '从重处罚情节')].filter(Boolean);
        return parts.length ? `当事人${parts.join('，同时')}` : '当事人不具有从轻、从重处罚情节';
      }
      case 'mitigatedBelowRange':
        return `当事人${has(mitigate.length ? mitigate : lighter, '减轻处罚情节') || '具有减轻处罚情节'}`;
      case 'noPenalty':
        return `当事人${has(noPenalty, '情形') || '符合不予行政处罚的情形'}`;
    }
    return '';
  })();
  const tierText: Record<string, string> = {
    lighter: '从轻处罚',
    heavier: '从重处罚',
    standard: '按一般情节处罚',
    mitigatedBelowRange: '减轻处罚',
    noPenalty: '不予行政处罚',
  };
  const text = `${facts}，${basis}对其${tierText[d.tier] ?? d.tierLabel}。`;
  return o.deviates ? asDeviation(text) : text;
}

/** The same sentence in a notice, addressed to the party and proposed: 你（单位）具有……，本局拟对你（单位）从轻处罚。 */
export const asNotice = (text: string) => text.replace(/^当事人/, '你（单位）').replace(/对其(.+?)。/, '本局拟对你（单位）$1。');

/** The discretion sentence of a decision that departs from the benchmark: the tier is the benchmark's, the reason follows. */
export const asDeviation = (text: string) =>
  text.replace(
    /对其(按)?(.+?)(处罚)?。$/,
    (_m, by: string | undefined, what: string, pen: string | undefined) => `依照裁量基准属于${what}${by ? '' : (pen ?? '')}的情形。`,
  );

// ─── approval forms ──────────────────────────────────────────────────────────

/**
 * The approval lines of a 审批表: the handler's, the unit head's (only when given — nobody's opinion is written
 * for them, nobody signs for them) and the leader's, dated the day of the act.
 */
function approval(handlerOpinion: string, unitOpinion: string | undefined, leaderOpinion: string, leader: string, date: string) {
  return {
    handlerOpinion,
    handlerDate: date,
    // the unit head's opinion as given; the unit head signs it by hand (the leader's name is not theirs)
    ...(unitOpinion ? { unitOpinion } : {}),
    leaderOpinion,
    leader,
    leaderDate: date,
  };
}

/** 立案审批表 */
export const filingApprovalText = (a: { handlerNames: string[]; unitOpinion?: string; opinion: string; leader: string; date: string }) =>
  approval(`建议立案，由${a.handlerNames.join('、')}承办。`, a.unitOpinion, a.opinion, a.leader, a.date);

/** 不予立案审批表 */
/** 不予立案审批表: the handler's opinion is what the record says they proposed — filing, when the leader refuses a proposal to file. */
export const nonFilingApprovalText = (a: { reason: string; opinion: string; leader: string; date: string; handlerProposedFiling?: boolean }) => ({
  reason: a.reason,
  ...approval(a.handlerProposedFiling ? '建议立案。' : '建议不予立案。', undefined, a.opinion, a.leader, a.date),
});

/** How the case came to the body: 2026年8月28日，本局接到投诉，反映当事人涉嫌经营超过保质期的食品。 */
export function caseIntroText(c: Pick<CaseRow, 'receivedOn' | 'source' | 'summary' | 'filedOn' | 'discretion'>): string {
  const what = `当事人涉嫌${c.discretion?.violationName ?? c.summary.replace(/[。；，]+$/, '')}`;
  const how: Record<string, string> = {
    complaint: `本局接到投诉，反映${what}`,
    report: `本局接到举报，反映${what}`,
    inspection: `本局执法人员在监督检查中发现${what}`,
    randomInspection: `本局执法人员在“双随机、一公开”抽查中发现${what}`,
    transfer: `本局收到上级交办或者其他机关移送的案件线索，反映${what}`,
    referral: `本局收到其他部门移送的案件线索，反映${what}`,
    policeReferral: `本局收到公安机关移送的案件线索，反映${what}`,
  };
  return `${cnDate(c.receivedOn)}，${how[c.source] ?? `本局发现${what}`}。${c.filedOn ? `经批准，本局于${cnDate(c.filedOn)}立案调查。` : ''}`;
}

/** 案件调查终结报告 */
export function investigationReportText(c: CaseRow, a: { analysis?: string; violatedProvision: string | null; proposed: ChosenPenalty[]; date: string }) {
  return {
    investigation: caseIntroText(c),
    analysis: a.analysis,
    proposal: a.proposed.length ? `建议对当事人作出如下行政处罚：${penaltiesText(a.proposed).replace(/；$/, '。')}` : '建议不予行政处罚。',
    reportDate: a.date,
  };
}

/** 案件审核表: the auditor's opinion; the audit head's row only when the head's own opinion is on the record. */
export function caseAuditText(
  c: CaseRow,
  a: { auditUnit: string | undefined; opinion: string; reasons: string; reviewer: string; date: string; headOpinion?: string; head?: string },
) {
  const proposed = c.proposed ?? [];
  return {
    submittedOn: a.date,
    auditUnit: a.auditUnit,
    summary: `${sentence(c.facts ?? c.summary)}${proposed.length ? `办案机构拟对当事人作出如下行政处罚：${penaltiesText(proposed).replace(/；$/, '。')}` : '办案机构拟不予行政处罚。'}`,
    auditOpinion: `${a.opinion}。${sentence(a.reasons)}`,
    auditors: [a.reviewer],
    auditDate: a.date,
    ...(a.headOpinion ? { auditHeadOpinion: a.headOpinion, auditHead: a.head ?? a.reviewer, auditHeadDate: a.date } : {}),
  };
}

/** One penalty inside a sentence: 罚款150000元, 没收非法财物（超过保质期的酸奶46杯）. */
const penaltyPhrase = (p: ChosenPenalty) =>
  p.kind === 'confiscateIllegalProperty'
    ? `没收非法财物${p.note || p.amountFen ? `（${[p.note, p.amountFen ? `价值${formatYuan(p.amountFen)}` : null].filter(Boolean).join('，')}）` : ''}`
    : penaltyLine(p)
        .replace(/；$/, '')
        .replace(/^([^：]+)：(.+)$/, '$1（$2）');

/** 法制审核 — the proposed decision as the review names it, and one item's verdict. */
export const proposedDecisionText = (c: CaseRow) => (c.proposed ?? []).map(penaltyPhrase).join('、') || '不予行政处罚';

/** Why the decision is major, in the catalogue's words (not the calculator's arithmetic): 较大数额罚款、经过听证程序. */
export const majorReasonText = (c: Pick<CaseRow, 'major'>) =>
  [...new Set((c.major?.reasons ?? []).map((r) => majorCriteria[r.criterion]?.label ?? r.text))].join('、');
export const reviewVerdict = (ok: boolean) => (ok ? '符合' : '不符合');

/** 集体讨论记录: the decision reached. */
export const discussionDecisionText = (decision: string, proposed: ChosenPenalty[]) =>
  decision === 'penalty'
    ? `经集体讨论，决定对当事人作出如下行政处罚：${penaltiesText(proposed).replace(/；$/, '。')}`
    : decision === 'exempted'
      ? '经集体讨论，决定对当事人免予行政处罚。'
      : '经集体讨论，决定对当事人不予行政处罚。';

// ─── the decision's narrative ───────────────────────────────────────────────

/**
 * 告知及陈述、申辩情况 of a decision, as the record has it: the notice (and the hearing-rights notice) served; then
 * a written waiver, or the statement with the body's review (复核), or — when neither and no hearing was requested —
 * that no statement came within the period (行政处罚法 第四十四条、第四十五条、第六十二条).
 */
export function noticeAndDefenceText(c: Pick<CaseRow, 'notice' | 'waivers' | 'statement' | 'hearing'>): string {
  const n = c.notice;
  if (!n) return '';
  const [noticeNo, hearingNo] = n.instrumentNumbers;
  const served =
    `${cnDate(n.servedOn)}，本局向当事人送达了《行政处罚告知书》（${noticeNo}）${n.hearingEligible && hearingNo ? `和《行政处罚听证告知书》（${hearingNo}）` : ''}，` +
    `告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩${n.hearingEligible ? '和要求听证' : ''}的权利。`;
  const w = c.waivers ?? {};
  const both = n.hearingEligible && w.statement && w.hearing && w.statement === w.hearing;
  const out = [served];
  if (both) out.push(`当事人于${cnDate(w.statement!)}书面放弃陈述、申辩和要求听证的权利。`);
  else if (w.statement) out.push(`当事人于${cnDate(w.statement)}书面放弃陈述、申辩的权利。`);
  if (c.statement)
    out.push(
      `当事人于${cnDate(c.statement.receivedOn)}提出陈述、申辩意见：${sentence(c.statement.text)}` +
        `本局经复核，${c.statement.adopted ? '采纳' : '不予采纳'}当事人的意见：${sentence(c.statement.reply)}`,
    );
  else if (!w.statement && !c.hearing?.requestedOn) out.push('当事人在法定期限内未提出陈述、申辩意见。');
  return out.join('');
}

/**
 * 听证情况 of a decision, when the party had the right: waived in writing, requested (and held: the date and the
 * hearing report's conclusion), or not requested within the period (行政处罚法 第六十三条、第六十四条、第六十五条).
 */
export function hearingText(c: Pick<CaseRow, 'notice' | 'waivers' | 'hearing'>): string | undefined {
  if (!c.notice?.hearingEligible) return undefined;
  const w = c.waivers ?? {};
  const h = c.hearing;
  if (h?.requestedOn) {
    const how = h.openness && /^(不)?公开举行$/.test(h.openness) ? h.openness : '举行';
    const held = h.heldOn ? `本局于${cnDate(h.heldOn)}依法${how}听证。${h.report ? `听证报告认为：${sentence(h.report)}` : ''}` : '';
    return `当事人于${cnDate(h.requestedOn)}提出听证要求。${held}`;
  }
  if (w.hearing) return w.statement === w.hearing ? undefined : `当事人于${cnDate(w.hearing)}书面放弃要求听证的权利。`;
  return '当事人在法定期限内未要求听证。';
}

/** 行政处罚决定书 / 不予（免予）行政处罚决定书: the narrative of the case up to the decision. */
export function decisionText(
  c: CaseRow,
  a: { outcome: string; fineFen?: number; discretion: string | null; reason?: string; noPenaltyReason?: string; noPenaltyBasis?: string },
) {
  const caseIntro = caseIntroText(c);
  const noticeAndDefence = noticeAndDefenceText(c);
  if (a.outcome === 'penalty')
    return {
      caseIntro,
      noticeAndDefence,
      hearingSummary: hearingText(c),
      discretion: withReason(a.discretion, a.reason, c.deviationReason),
    };
  // the basis: for 免予 the published list's entry the calculation applied; for 不予 the ground's article the decision
  // names, else (caseData) the article the frozen calculation's not-to-punish rule cites
  const e = c.discretion?.exemption;
  const listName = e?.list ? exemptionLists[e.list as keyof typeof exemptionLists] : undefined;
  const basis = a.outcome === 'exempted' && e && listName ? `本局公布的${listName}清单“${e.label}”` : a.noPenaltyBasis;
  return {
    caseIntro,
    noticeAndDefence: noticeAndDefence || undefined,
    noPenaltyReason: a.noPenaltyReason?.replace(/[。；，]+$/, ''),
    ...(basis ? { noPenaltyBasis: basis } : {}),
  };
}

/**
 * The decision's 裁量理由 with the reason for departing from the benchmark: the decision's own reason replaces the
 * proposal's (which caseData wrote after the sentence), stated once.
 */
function withReason(discretion: string | null, reason: string | undefined, proposalReason: string | null): string | undefined {
  let d = discretion ?? '';
  if (!reason) return d || undefined;
  const proposal = proposalReason ? `本局认为，${sentence(proposalReason)}` : null;
  if (proposal && d.endsWith(proposal)) d = d.slice(0, -proposal.length);
  return `${asDeviation(d)}本局认为，${sentence(reason)}`;
}

/** 送达回证: the document served. */
export const servedDocument = (c: CaseRow) => ({ title: decisionTitle(c.decision?.outcome), number: c.decision!.number });

/** 结案审批表 */
export function closureApprovalText(c: CaseRow, a: { payments: PaymentRow[]; enforcementOutcome?: string; opinion: string; leader: string; date: string }) {
  const referred = c.referral?.answer === 'accepted';
  const execution = referred
    ? `案件已于${cnDate(c.referral!.answeredOn!)}移送${c.referral!.to}，对方已立案。`
    : [
        c.service
          ? `${decisionTitle(c.decision?.outcome)}已于${cnDate(c.service.servedOn)}${serviceMethods[c.service.method as keyof typeof serviceMethods]?.label ?? '送达'}当事人。`
          : '',
        ...a.payments.map(
          (p) => `当事人于${cnDate(p.paidOn)}缴纳${formatYuan(p.amountFen)}${p.lateFeeFen ? `（其中加处罚款${formatYuan(p.lateFeeFen)}）` : ''}。`,
        ),
        a.enforcementOutcome ? `强制执行情况：${sentence(a.enforcementOutcome)}` : '',
      ].join('');
  const handlerOpinion = referred
    ? '案件已移送并经接收机关立案，建议结案。'
    : c.enforcement
      ? '本案已申请人民法院强制执行，建议结案。'
      : c.decision && c.decision.outcome !== 'penalty'
        ? `本案已作出${decisionTitle(c.decision.outcome).replace(/书$/, '')}，建议结案。`
        : '行政处罚决定已执行完毕，建议结案。';
  return {
    decisionNumber: c.decision?.number,
    outcome: c.decision
      ? penaltiesText(c.decision.penalties).replace(/；$/, '。') || decisionTitle(c.decision.outcome).replace(/决定书$/, '')
      : `移送${c.referral?.to ?? ''}`,
    execution: execution || '无需执行。',
    ...approval(handlerOpinion, undefined, a.opinion, a.leader, a.date),
  };
}
