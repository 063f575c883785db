/**
 * 冻结候选名单并公布承诺: freezes the candidates and publishes the commitment (commands/commit-draw.ts
 * checks the announced time before it asks the engine, and screens the inspectors in the effect).
 */
import { z } from 'zod';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { freezeCandidates } from '../commands/commit-draw.ts';

/** When the public value is fixed: the first tree head signed at or after this instant (ISO 8601). */
export const commitInput = z.strictObject({ publicAfter: z.iso.datetime() });

export const commit = defineTransition({
  label: '冻结候选名单并公布承诺',
  from: ['draft'],
  to: 'committed',
  roles: ['admin', 'leader'],
  input: commitInput,
  effect: freezeCandidates,
});
