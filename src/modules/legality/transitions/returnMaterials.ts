/** 退回或者要求补充材料 (重大行政决策程序暂行条例 第二十六条第一款): the materials do not meet the requirements. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { reviewInputs } from './inputs.ts';

export const returnMaterials = defineTransition({
  label: '退回补充材料',
  from: ['underReview'],
  to: 'returned',
  roles: ['legalReviewer'],
  optional: true,
  input: reviewInputs.returnMaterials,
});
