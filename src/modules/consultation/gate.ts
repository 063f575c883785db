/**
 * The gate other modules call before the step that follows public comment (a normative document's legality
 * review, a major decision's expert or legality step): a draft that must be put out for comment goes on only
 * when a consultation of it has closed and its feedback report (意见采纳情况) is published.
 */
import type { Problem } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Subject } from './commands/open-consultation.ts';

export async function consultationProblem(q: Queryable, subject: Subject, opts: { required: boolean }): Promise<Problem | null> {
  if (!opts.required) return null;
  const rows = (
    await q.query<{ state: string }>(
      `select state from consultations where subject_type = $1 and subject_id = $2 order by (state = 'reported') desc, created_at desc limit 1`,
      [subject.type, subject.id],
    )
  ).rows;
  if (rows[0]?.state === 'reported') return null;
  const basis =
    subject.type === 'majorPolicyDecision'
      ? '《重大行政决策程序暂行条例》第十四条、第十五条'
      : '《优化营商环境条例》第六十二条第二款（“应当通过报纸、网络等向社会公开征求意见，并建立健全意见采纳情况反馈机制”）';
  const message = !rows[0]
    ? `草案尚未向社会公开征求意见（${basis}）`
    : rows[0].state === 'open'
      ? `草案正在公开征求意见，征求意见结束并公布意见采纳情况后方可进行下一步（${basis}）`
      : `征求意见已截止，但尚未公布意见采纳情况（${basis}）`;
  return { code: 'CONSULTATION_REQUIRED', message };
}
