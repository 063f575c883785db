/**
 * 作出答复 (第三十六条, 第三十七条; 第三十条 for an unclear application not corrected in time): the answer of its type,
 * each stating what its item asks (the way to obtain the information, the ground of 第十四条–第十六条 and the reason,
 * the body responsible and its contact …), issued as a 政府信息公开申请答复告知书 whose sentences come from the answer.
 */
import { answerProblems, answerSentences, answerTypeLabels, type AnswerInput } from '../../../domain/disclosure/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { DisclosureRow } from '../store.ts';
import { disclosureInputs } from './inputs.ts';
import { letterHead, loadDisclosure } from './shared.ts';

type In = (typeof disclosureInputs)['answer']['_output'];
const asAnswer = (i: In): AnswerInput => ({ type: i.answerType, access: i.access, ground: i.ground, reason: i.reason, otherBody: i.otherBody });

/** Each answer states what its item of 第三十六条 asks; 申请内容不明确 only after the correction period ran out. */
export const answerComplete = ({ input, facts, date }: { input: In; facts: DisclosureRow; date: string }) =>
  answerProblems(asAnswer(input), { state: facts.state, correctionDueOn: facts.correction?.dueOn ?? null, date });

export const answer = defineTransition({
  label: '作出答复',
  from: ['received', 'correcting'],
  to: 'answered',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: disclosureInputs.answer,
  load: (g) => loadDisclosure(g.tx, g.matter.id),
  guards: [answerComplete],
  meets: ['disclosure.answer'],
  effect: async ({ tx, ctx, principal, input, facts, matter, date }) => {
    const a = asAnswer(input);
    const sentences = answerSentences(a);
    const ins = await issueInstrument(ctx, tx, actorOf(principal), {
      orgId: facts.bodyId,
      kind: 'disclosureAnswer',
      matterType: 'disclosureRequest',
      matterId: matter.id,
      date,
      data: { ...letterHead(facts), answerLabel: answerTypeLabels[input.answerType], sentences, answerDate: date },
    });
    const stored = {
      access: a.access ?? null,
      ground: a.ground ?? null,
      reason: a.reason ?? null,
      otherBody: a.otherBody ?? null,
      sentences,
      instrumentId: ins.id,
      number: ins.number,
    };
    await tx.query('update disclosure_requests set answer_type = $2, answer = $3::jsonb, answered_on = $4 where id = $1', [
      matter.id,
      input.answerType,
      JSON.stringify(stored),
      date,
    ]);
    return { instrumentId: ins.id, number: ins.number };
  },
});
