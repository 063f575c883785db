/**
 * 公示: publishes the first version of a scheduled publication on the portal (its public entry is the proof)
 * and, for a penalty, opens its publicity period (three years, or three months for a low fine or 通报批评;
 * 市场监督管理行政处罚信息公示规定 第十三条). An inspection result has no period. It does not meet the
 * reports to 国家企业信用信息公示系统 and the credit site (`publishRules`): those stay 待上报 until the
 * 双公示 export carries the publication (export.ts).
 */
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { publicityPeriodRule } from '../../../domain/publicity/rules.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { CaseRow } from '../../cases/index.ts';
import { buildInspectionResultContent, buildPenaltyContent } from '../content.ts';
import type { PublicationRow } from '../store.ts';
import { publicationInputs } from './inputs.ts';
import { loadPublication, loadSourceCase, publishVersion } from './shared.ts';

export interface PublishFacts {
  publication: PublicationRow;
  /** the decided case of a penalty publication (null for an inspection result) */
  case: CaseRow | null;
  /** the publicity period the publication opens (null: none, it stays until withdrawn) */
  periodRule: 'publicity.period' | 'publicity.period.low' | null;
}

export const publish = defineTransition({
  label: '公示',
  from: ['scheduled'],
  to: 'published',
  roles: ['legalReviewer', 'leader', 'admin'],
  input: publicationInputs.publish,
  load: async (g): Promise<PublishFacts> => {
    const publication = await loadPublication(g.tx, g.matter.id);
    if (publication.kind !== 'penalty') return { publication, case: null, periodRule: null };
    const c = await loadSourceCase(g.tx, publication);
    return { publication, case: c, periodRule: publicityPeriodRule(c.decision!.penalties, g.ctx.config.publicityLowFineFen ?? null) };
  },
  opens: [
    { ruleId: 'publicity.period', when: (g) => g.facts.periodRule === 'publicity.period' },
    { ruleId: 'publicity.period.low', when: (g) => g.facts.periodRule === 'publicity.period.low' },
  ],
  effect: async (g) => {
    const { publication: p, case: c, periodRule } = g.facts;
    if (p.kind === 'inspectionResult') {
      const r = await publishVersion(g, p, await buildInspectionResultContent(g.tx, p.sourceId), null);
      await g.tx.query('update publications set published_on = $2 where id = $1', [p.id, g.date]);
      return { version: r.version, seq: r.seq, expiresOn: null };
    }
    const r = await publishVersion(g, p, await buildPenaltyContent(g.tx, c!), null);
    const expiresOn = computeDeadline(deadlineRule(periodRule!), await loadCalendar(g.tx), { start: g.date }).due;
    await g.tx.query('update publications set published_on = $2, expires_on = $3 where id = $1', [p.id, g.date, expiresOn]);
    return { version: r.version, seq: r.seq, expiresOn };
  },
});
