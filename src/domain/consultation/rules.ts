/**
 * 公众参与 / 向社会公开征求意见 (publicConsultation): pure rules — the draft split into anchors (articles and
 * paragraphs a comment is attached to), the minimum comment period and the shortening guard, the answers'
 * outcomes, the limits on a comment. No I/O.
 *
 * Periods (national defaults; the deadline rules in deadlines/rules.ts carry the citations):
 * - a major administrative decision: 重大行政决策程序暂行条例 第十五条 "公开征求意见的期限一般不少于30日；因情况紧急等
 *   原因需要缩短期限的，公开征求意见时应当予以说明";
 * - a normative document concerning market activity: 优化营商环境条例 第六十二条第二款 "向社会公开征求意见的期限一般不少于
 *   30日" (the State Council's 国办发〔2018〕37号 sets 一般不少于7个工作日 for other normative documents; its text is not
 *   in the library — a province's rule may be configured instead, with its citation).
 */

export const consultationStates = {
  open: '征求意见中',
  closed: '征求意见已截止',
  reported: '已公布意见采纳情况',
} as const;
export type ConsultationState = keyof typeof consultationStates;

/** The drafting unit's answer to a comment (意见采纳情况). */
export const consultationOutcomes = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不予采纳',
} as const;
export type ConsultationOutcome = keyof typeof consultationOutcomes;

/** What a comment may be attached to besides an anchor of the draft. */
export const WHOLE_DRAFT = 'whole';
export const WHOLE_DRAFT_LABEL = '草案整体';

/** Limits on one comment (characters): the text, the optional name and contact. */
export const COMMENT_LIMITS = { text: 2000, name: 50, contact: 100 } as const;
/** Limits on the draft: its characters and its anchors. */
export const DRAFT_LIMITS = { text: 100_000, anchors: 500 } as const;

export interface Anchor {
  /** stable within the draft: a1, a1p2 … */
  id: string;
  /** 第一条, 第一条第二款, 第3段 */
  label: string;
  text: string;
}

const ARTICLE = /^\s*(第[一二三四五六七八九十百千零〇两0-9]+条)[\s\u3000]*(.*)$/;
const HEADING = /^\s*第[一二三四五六七八九十百千零〇两0-9]+[章节编]\s*/;
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnSmall = (n: number) => (n <= 10 ? CN[n] : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`);

/**
 * Splits a draft into anchors. A draft written in articles (第一条 …) gives one anchor per article and, where an
 * article has several paragraphs, one per paragraph (第一条第二款); chapter headings are not anchors. A draft
 * without articles gives one anchor per non-empty paragraph (第1段 …). Ids are positional and stable for a text.
 */
export function splitDraft(text: string): Anchor[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const hasArticles = lines.some((l) => ARTICLE.test(l));
  if (!hasArticles) return lines.map((l, i) => ({ id: `p${i + 1}`, label: `第${i + 1}段`, text: l }));
  const articles: { label: string; paragraphs: string[] }[] = [];
  for (const l of lines) {
    const m = ARTICLE.exec(l);
    if (m) articles.push({ label: m[1], paragraphs: [m[2] || ''] });
    else if (HEADING.test(l) || articles.length === 0) continue;
    else articles[articles.length - 1].paragraphs.push(l);
  }
  const out: Anchor[] = [];
  articles.forEach((a, i) => {
    const paragraphs = a.paragraphs.filter((p) => p.length > 0);
    out.push({ id: `a${i + 1}`, label: a.label, text: paragraphs.join('\n') });
    if (paragraphs.length > 1)
      paragraphs.forEach((p, j) => {
        out.push({ id: `a${i + 1}p${j + 1}`, label: `${a.label}第${cnSmall(j + 1)}款`, text: p });
      });
  });
  return out;
}

/** The deadline rule of the minimum comment period for a subject's matter type. */
export type ConsultationPeriodRule = 'consultation.majorDecision' | 'consultation.normativeDocument';
export function periodRuleFor(subjectType: string): ConsultationPeriodRule {
  return subjectType === 'majorPolicyDecision' ? 'consultation.majorDecision' : 'consultation.normativeDocument';
}

/**
 * The period guard: a period shorter than the minimum needs its reason stated when the draft is published
 * (重大行政决策程序暂行条例 第十五条 "因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明"). Returns the problem's
 * message, or null.
 */
export function periodProblem(p: { days: number; minimumDays: number; shortenedReason?: string | null }): string | null {
  if (p.days >= p.minimumDays) return null;
  if ((p.shortenedReason ?? '').trim().length >= 4) return null;
  return `征求意见期限为 ${p.days} 日，少于一般不少于 ${p.minimumDays} 日的要求；因情况紧急等原因需要缩短期限的，应当在公开征求意见时说明理由`;
}

/** Whether comments are taken on `today` (from the first day to the last day of the period, both included). */
export function commentsOpen(c: { startsOn: string; endsOn: string }, today: string): boolean {
  return c.startsOn <= today && today <= c.endsOn;
}
