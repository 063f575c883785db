/**
 * 公示抽查结果: publishes the task's results (and their hash) and meets the time limit; the publicity
 * module's listener publishes each inspected entity's result on its own (publicity/listeners.ts).
 */
import { z } from 'zod';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { PUBLICATION_RULE, publishResults } from '../commands/publish-results.ts';

export const publish = defineTransition({
  label: '公示抽查结果',
  from: ['completed'],
  to: 'published',
  roles: ['admin', 'leader'],
  input: z.strictObject({}),
  meets: [PUBLICATION_RULE],
  effect: publishResults,
});
