/**
 * The gate before a policy measure is issued (公平竞争审查条例 第十八条: "政策措施未经公平竞争审查，或者经公平竞争审查认为违反
 * 本条例第八条至第十一条规定且不符合第十二条规定情形的，不得出台"): null only when the subject's latest review concluded
 * that the measure may be issued (any 第十二条 exception was justified when it concluded — the conclusion's guard).
 */
import type { Problem } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';

export async function fairCompetitionProblem(q: Queryable, subject: { type: string; id: string }): Promise<Problem | null> {
  const r = (
    await q.query<{ state: string }>(
      `select state from fair_competition_reviews where subject_type = $1 and subject_id = $2 order by created_at desc limit 1`,
      [subject.type, subject.id],
    )
  ).rows[0];
  if (r?.state === 'mayIssue') return null;
  const why = !r
    ? '政策措施未经公平竞争审查'
    : r.state === 'mayNotIssue'
      ? '经公平竞争审查，政策措施不得出台'
      : r.state === 'amendmentRequired'
        ? '经公平竞争审查，政策措施应当修改，修改后须重新审查'
        : '公平竞争审查尚未作出结论';
  return { code: 'FAIR_COMPETITION_REVIEW_REQUIRED', message: `${why}（《公平竞争审查条例》第十八条：未经公平竞争审查……的，不得出台）` };
}
