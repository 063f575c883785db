/** 书面回复: the answer to the issuing body, by the stated (or two-month) deadline; its file, if any, is one of the matter's. */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { recommendationInputs } from './inputs.ts';

interface AnswerFacts {
  fileIds: string[];
  receivedOn: string;
}

export const replyFileOfMatter = ({ input, facts }: { input: { replyFileId?: string }; facts: AnswerFacts }): Problem[] =>
  !input.replyFileId || facts.fileIds.includes(input.replyFileId) ? [] : [{ code: 'CONTRACT_FILE_REQUIRED', message: '回复文件不属于该建议，请先上传' }];

export const answerNotBeforeReceipt = ({ input, facts, date }: { input: { answeredOn: string }; facts: AnswerFacts; date: string }): Problem[] =>
  input.answeredOn < facts.receivedOn || input.answeredOn > date ? [{ code: 'VALIDATION_FAILED', message: '回复日期应当在收到建议之后、不晚于办理日期' }] : [];

export const answer = defineTransition({
  label: '书面回复',
  from: ['assigned'],
  to: 'answered',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: recommendationInputs.answer,
  load: async (g): Promise<AnswerFacts> => ({
    fileIds: (
      await g.tx.query<{ id: string }>(`select id from evidence_files where matter_type = 'recommendation' and matter_id = $1`, [g.matter.id])
    ).rows.map((r) => r.id),
    receivedOn: (await g.tx.query<{ d: string }>('select received_on as d from recommendations where id = $1', [g.matter.id])).rows[0].d,
  }),
  guards: [replyFileOfMatter, answerNotBeforeReceipt],
  meets: ['recommendation.answer'],
  effect: async ({ tx, input, matter }) => {
    await tx.query('update recommendations set answer = $2, answered_on = $3 where id = $1', [matter.id, input.reply, input.answeredOn]);
  },
});
