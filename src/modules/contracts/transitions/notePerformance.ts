/** 登记履行情况: a note on the signed contract's performance. */
import { randomUUID } from 'node:crypto';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { contractInputs } from './inputs.ts';

export const notePerformance = defineTransition({
  label: '登记履行情况',
  from: ['signed'],
  to: 'signed',
  roles: ['officer', 'leader', 'admin'],
  optional: true,
  input: contractInputs.notePerformance,
  effect: async ({ tx, input, matter }) => {
    const id = randomUUID();
    await tx.query('insert into contract_notes (id, contract_id, kind, note, noted_on) values ($1,$2,$3,$4,$5)', [
      id,
      matter.id,
      'performance',
      input.note,
      input.notedOn,
    ]);
    return { noteId: id };
  },
});
