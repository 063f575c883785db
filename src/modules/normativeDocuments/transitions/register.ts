/**
 * 统一登记、统一编号、统一印发: the adopted document gets the body's next number of the year
 * (`{机关代字}市监规〔{year}〕{n}号`, gapless: the instrument numbering of platform/documents) and is
 * produced as .docx and PDF in the official layout (GB/T 9704-2012). Issued only after collective
 * deliberation, and — concerning market activity — after a fair-competition review that allows it.
 */
import { fairCompetitionRequired } from '../../../domain/normativeDocuments/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { issueInstrument } from '../../../platform/documents/issue.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { fairCompetitionGate, legalityGate, subjectOf } from '../gates.ts';
import { instrumentData, NORMATIVE_INSTRUMENT } from '../instrument.ts';
import { searchTextOf } from '../store.ts';
import { normativeInputs } from './inputs.ts';
import { gate, loadDocument, problem } from './shared.ts';

export const register = defineTransition({
  label: '统一登记编号并印发',
  from: ['adopted'],
  to: 'registered',
  roles: ['legalReviewer', 'admin'],
  input: normativeInputs.register,
  load: async (g) => {
    const f = await loadDocument(g.tx, g.matter.id);
    const subject = subjectOf(f.doc.id);
    const needed = fairCompetitionRequired({ concernsMarket: f.doc.concernsMarket, required: f.settings.fairCompetitionWhenMarket.required });
    return { ...f, fairCompetition: needed ? await fairCompetitionGate(g.tx, subject) : null, legality: await legalityGate(g.tx, subject) };
  },
  guards: [
    ({ facts }) => (facts.doc.deliberation ? [] : problem('NORMATIVE_NOT_DELIBERATED', '规范性文件未经集体审议，不得登记编号、印发')),
    ({ facts }) => gate(facts.legality),
    ({ facts }) => gate(facts.fairCompetition),
  ],
  effect: async (g) => {
    const { doc } = g.facts;
    const i = await issueInstrument(g.ctx, g.tx, actorOf(g.principal), {
      orgId: doc.bodyId,
      kind: NORMATIVE_INSTRUMENT,
      matterType: 'normativeDocument',
      matterId: doc.id,
      data: instrumentData(doc),
      date: g.input.signedOn ?? g.date,
    });
    await g.tx.query(
      'update normative_documents set instrument_id = $2, number = $3, year = $4, seq = $5, search_text = $6, updated_at = now() where id = $1',
      [doc.id, i.id, i.number, i.year, i.seq, searchTextOf({ ...doc, number: i.number })],
    );
    return { instrumentId: i.id, number: i.number };
  },
});
