/**
 * The module's current-state tables for `fazhi ledger verify --state` (platform/record/state.ts): a catalogue and a
 * decision replayed from their creating event and the transitions that change a recorded column.
 */
import type { Payload, StateTable } from '../../platform/record/state.ts';

const input = (p: Payload) => (p.input ?? {}) as Payload;

export const majorDecisionStateTables: StateTable[] = [
  {
    table: 'decision_catalogues',
    label: '重大行政决策事项目录',
    idOf: { 'decisionCatalogue.drafted': 'catalogueId', 'matter.transitioned': 'matterId' },
    created: 'decisionCatalogue.drafted',
    columns: { bodyId: 'body_id', year: 'year', title: 'title', standard: 'standard' },
    apply: {
      'matter.transitioned': (f, p) => {
        if (p.transition === 'reviseCatalogue' && input(p).standard !== undefined) f.standard = input(p).standard;
      },
    },
  },
  {
    table: 'major_decisions',
    label: '重大行政决策',
    idOf: { 'majorDecision.initiated': 'decisionId', 'matter.transitioned': 'matterId' },
    created: 'majorDecision.initiated',
    columns: {
      bodyId: 'body_id',
      unitId: 'unit_id',
      catalogueItemId: 'catalogue_item_id',
      year: 'year',
      title: 'title',
      draft: 'draft',
      reasons: 'reasons',
      marketActivity: 'market_activity',
    },
    apply: {
      'matter.transitioned': (f, p) => {
        if (p.transition === 'reviseDraft') f.draft = input(p).draft;
      },
    },
  },
];
