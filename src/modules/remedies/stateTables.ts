/**
 * The module's current-state tables for `fazhi ledger verify --state` (platform/record/state.ts): a reconsideration and
 * a suit replayed from their registering event, and the appeal that moves a suit to the court of second instance.
 */
import type { Payload, StateTable } from '../../platform/record/state.ts';

const input = (p: Payload) => (p.input ?? {}) as Payload;

const subject = { subjectType: 'subject_type', subjectId: 'subject_id', subjectKind: 'subject_kind', subjectTitle: 'subject_title', bodyId: 'body_id' };

export const remedyStateTables: StateTable[] = [
  {
    table: 'reconsiderations',
    label: '行政复议',
    idOf: { 'reconsideration.received': 'reconsiderationId', 'matter.transitioned': 'matterId' },
    created: 'reconsideration.received',
    columns: {
      ...subject,
      applicant: 'applicant',
      reviewingBody: 'reviewing_body',
      fileNumber: 'file_number',
      request: 'request',
      receivedOn: 'received_on',
      lawVersion: 'law_version',
      selfDecided: 'self_decided',
    },
    apply: {},
  },
  {
    table: 'lawsuits',
    label: '行政应诉',
    idOf: { 'lawsuit.registered': 'lawsuitId', 'matter.transitioned': 'matterId' },
    created: 'lawsuit.registered',
    columns: {
      ...subject,
      plaintiff: 'plaintiff',
      court: 'court',
      fileNumber: 'file_number',
      claims: 'claims',
      receivedOn: 'received_on',
      afterReconsiderationId: 'after_reconsideration_id',
    },
    apply: {
      'matter.transitioned': (f, p) => {
        if (p.transition !== 'appeal') return;
        f.court = input(p).court;
        if (input(p).fileNumber) f.fileNumber = input(p).fileNumber;
      },
    },
  },
];
