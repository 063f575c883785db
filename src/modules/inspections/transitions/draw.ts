/**
 * 抽取并公开种子: runs the draw from the frozen candidates and the public value, and reveals the seed
 * (commands/run-draw.ts: the command signs a tree head if none is there yet; the effect refuses a
 * second draw and a draw before the public value exists).
 */
import { z } from 'zod';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { performDraw } from '../commands/run-draw.ts';

export const draw = defineTransition({
  label: '抽取并公开种子',
  from: ['committed'],
  to: 'drawn',
  roles: ['admin', 'leader'],
  input: z.strictObject({}),
  effect: performDraw,
});
