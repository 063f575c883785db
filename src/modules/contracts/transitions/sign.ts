/**
 * 签订合同: refused without a passing legality review (未经合法性审查或者经审查不合法的合同，不得签订 — the gate
 * `legalityProblem`) and without the signed contract's file uploaded to the matter.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { legalityProblem } from '../../legality/index.ts';
import type { ContractRow } from '../store.ts';
import { contractInputs } from './inputs.ts';
import { filesOf, loadContract } from './shared.ts';

interface SignFacts {
  contract: ContractRow;
  legality: Problem | null;
  fileIds: string[];
}

/** 未经合法性审查或者经审查不合法的合同，不得签订: a fact, so the console disables 签订 with the gate's own message. */
export const reviewPassed = ({ facts }: { facts: SignFacts }): Problem[] => (facts.legality ? [facts.legality] : []);

/** The signed contract is filed with the matter (a file uploaded to it). */
export const signedFileFiled = ({ input, facts }: { input: { signedFileId: string }; facts: SignFacts }): Problem[] =>
  facts.fileIds.includes(input.signedFileId) ? [] : [{ code: 'CONTRACT_FILE_REQUIRED', message: '请先上传签订的合同文本，再登记签订' }];

export const sign = defineTransition({
  label: '签订合同',
  from: ['underReview'],
  to: 'signed',
  roles: ['leader', 'admin', 'officer'],
  input: contractInputs.sign,
  load: async (g): Promise<SignFacts> => ({
    contract: await loadContract(g.tx, g.matter.id),
    legality: await legalityProblem(g.tx, { type: 'contractReview', id: g.matter.id }),
    fileIds: await filesOf(g.tx, 'contractReview', g.matter.id),
  }),
  guards: [reviewPassed, signedFileFiled],
  effect: async ({ tx, input, matter }) => {
    await tx.query('update contracts set signed_on = $2, signed_file_id = $3 where id = $1', [matter.id, input.signedOn, input.signedFileId]);
  },
});
