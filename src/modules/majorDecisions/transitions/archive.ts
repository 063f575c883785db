/**
 * 归档 (第三十三条 "决策机关应当建立重大行政决策过程记录和材料归档制度，由有关单位将履行决策程序形成的记录、材料及时完整
 * 归档"): the list of every record entry, file and instrument of the decision (and of its public comment and reviews)
 * is fixed with its hashes.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { archiveManifest } from '../archive.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly, loadDecision } from './shared.ts';

export const archive = defineTransition({
  label: '归档',
  from: ['executing', 'notAdopted'],
  to: 'archived',
  roles: ['leader', 'admin'],
  input: decisionInputs.archive,
  load: loadDecision,
  guards: [bodyOnly],
  effect: async ({ tx, matter, input }) => {
    const m = await archiveManifest(tx, matter.id);
    await setDecisionStep(tx, matter.id, 'archive', { ...input, entries: m.entries.length, files: m.files.length, instruments: m.instruments.length });
    return { entries: m.entries.length, files: m.files.length, instruments: m.instruments.length };
  },
});
