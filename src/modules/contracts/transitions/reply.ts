/** 答复立法征询: the bureau's reply to a higher body's request for comments on a draft law or rule, filed with the matter. */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { legislativeInputs } from './inputs.ts';
import { filesOf } from './shared.ts';

export const replyFiled = ({ input, facts }: { input: { replyFileId?: string }; facts: { fileIds: string[] } }): Problem[] =>
  !input.replyFileId || facts.fileIds.includes(input.replyFileId) ? [] : [{ code: 'CONTRACT_FILE_REQUIRED', message: '答复文件不属于该立法征询，请先上传' }];

export const reply = defineTransition({
  label: '答复',
  from: ['received'],
  to: 'replied',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: legislativeInputs.reply,
  load: async (g) => ({ fileIds: await filesOf(g.tx, 'legislativeConsultation', g.matter.id) }),
  guards: [replyFiled],
  effect: async ({ tx, input, matter }) => {
    await tx.query('update legislative_consultations set reply = $2, replied_on = $3, reply_file_id = $4 where id = $1', [
      matter.id,
      input.reply,
      input.repliedOn,
      input.replyFileId ?? null,
    ]);
  },
});
