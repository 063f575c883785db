import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/errors.ts';
import { authorize, officerPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { findOfficerRow } from '../queries.ts';
import type { TRecordTrainingRequest } from '../schema.ts';

export async function insertTraining(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  officer: { id: string; orgId: string },
  input: TRecordTrainingRequest,
): Promise<string> {
  const id = randomUUID();
  const t = { hours: input.hours ?? null, score: input.score ?? null, passed: input.passed ?? null };
  await tx.query('insert into trainings (id, officer_id, kind, title, held_on, hours, score, passed, organizer) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [
    id,
    officer.id,
    input.kind,
    input.title,
    input.heldOn,
    t.hours,
    t.score,
    t.passed,
    input.organizer ?? null,
  ]);
  await ctx.ledger.append(tx, {
    actor,
    orgId: officer.orgId,
    matterType: 'officer',
    matterId: officer.id,
    eventType: 'training.recorded',
    payload: { officerId: officer.id, trainingId: id, kind: input.kind, title: input.title, heldOn: input.heldOn, ...t },
  });
  return id;
}

export async function recordTraining(ctx: AppContext, p: Principal, officerId: string, input: TRecordTrainingRequest): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const officer = await findOfficerRow(tx, officerId);
    if (!officer) throw notFound('执法人员');
    authorize(officerPolicy(p, officer), 'recordTraining', '执法人员');
    return insertTraining(tx, ctx, actorOf(p), officer, input);
  });
}
