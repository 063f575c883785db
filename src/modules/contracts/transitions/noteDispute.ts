/** 登记合同纠纷及处理: a dispute over the contract and how it was handled. */
import { randomUUID } from 'node:crypto';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { contractInputs } from './inputs.ts';

export const noteDispute = defineTransition({
  label: '登记合同纠纷及处理',
  from: ['signed'],
  to: 'signed',
  roles: ['officer', 'leader', 'admin'],
  optional: true,
  input: contractInputs.noteDispute,
  effect: async ({ tx, input, matter }) => {
    const id = randomUUID();
    await tx.query('insert into contract_notes (id, contract_id, kind, note, noted_on) values ($1,$2,$3,$4,$5)', [
      id,
      matter.id,
      'dispute',
      input.note,
      input.notedOn,
    ]);
    return { noteId: id };
  },
});
