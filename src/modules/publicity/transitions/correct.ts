/**
 * 更正: publishes a corrected version (the previous one stays, marked superseded); the reason is
 * required (市场监督管理行政处罚信息公示规定 第十二条) and the party's personal data is masked again.
 */
import type { PersonalData } from '../../../domain/publicity/rules.ts';
import { defineTransition, type GuardFacts } from '../../../platform/workflow/transition.ts';
import { correctContent, personalDataOf, type PublicContent } from '../content.ts';
import { versionsOf, type PublicationRow } from '../store.ts';
import { type PublicationInput, publicationInputs } from './inputs.ts';
import { loadPublication, loadSourceCase, problem, publishVersion } from './shared.ts';

export interface CorrectFacts {
  publication: PublicationRow;
  /** the content of the current version */
  current: PublicContent;
  /** the personal data the corrected content must mask again: the party's, known from the case */
  known: PersonalData;
}

export const correctionReasoned = ({ input }: Pick<GuardFacts<Partial<PublicationInput<'correct'>>, unknown>, 'input'>) =>
  input.reason?.trim() ? [] : problem('REASON_REQUIRED', '更正须说明理由（市场监督管理行政处罚信息公示规定 第十二条）');

export const correct = defineTransition({
  label: '更正',
  from: ['published', 'corrected'],
  to: 'corrected',
  roles: ['legalReviewer', 'leader'],
  optional: true,
  input: publicationInputs.correct,
  load: async (g): Promise<CorrectFacts> => {
    const publication = await loadPublication(g.tx, g.matter.id);
    const current = (await versionsOf(g.tx, publication.id)).find((v) => v.version === publication.currentVersion)!;
    const known = publication.kind === 'penalty' ? personalDataOf(await loadSourceCase(g.tx, publication)) : {};
    return { publication, current: current.content, known };
  },
  guards: [correctionReasoned],
  effect: async (g) => {
    const { publication, current, known } = g.facts;
    return publishVersion(g, publication, correctContent(current, g.input.content ?? {}, known), g.input.reason);
  },
});
