/**
 * How publications come to be and end without a staff member's transition: a decided case schedules its
 * publication (and, where configured, publishes it at once); a random inspection's published results
 * become one publication per inspected entity; the timer ends those whose publicity period is over.
 * The publication's own state is mirrored on its row for the portal's queries.
 */
import { chinaToday } from '../../domain/dates.ts';
import type { DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import { pushToRegistrationPlaceRequired } from '../../domain/publicity/push.ts';
import { publicationRequirement } from '../../domain/publicity/rules.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { TransitionListener } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import type { Actor } from '../../platform/record/ledger.ts';
import { openDeadline } from '../../platform/workflow/deadlines.ts';
import { createMatter, findMatter, transition, transitionIn } from '../../platform/workflow/engine.ts';
import { findCase, type CaseRow } from '../cases/index.ts';
import { findingLabels } from '../inspections/index.ts';
import type { PublicationRow } from './store.ts';

/** Who takes the automatic steps (publish on decision, expire at the end of the period). */
export const systemPublisher = (bodyId: string): Principal => ({
  userId: 'system:publicity',
  username: 'system',
  displayName: '行政执法公示（自动）',
  roles: ['admin'],
  orgId: bodyId,
  scope: new Set([bodyId]),
});

// the portal's queries read the state from the publication row: keep it equal to the matter's
export const mirrorPublicationState: TransitionListener = {
  name: 'publicity.mirrorState',
  type: 'publication',
  transitions: '*',
  run: async (g, t) => {
    await g.tx.query('update publications set state = $2, updated_at = now() where id = $1', [g.matter.id, t.to]);
  },
};

interface NewPublication {
  kind: PublicationRow['kind'];
  sourceType: string;
  sourceId: string;
  bodyId: string;
  procedure: string | null;
  decidedOn: string;
  channels: string[];
  number: string;
  partyType: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  field: string;
  fineFen: number;
  title: string;
}

/** Opens a publication matter with its deadlines and records it (in the caller's transaction). */
async function openPublication(tx: Queryable, ctx: AppContext, actor: Actor, x: NewPublication, deadlineRules: readonly DeadlineRuleId[]): Promise<string> {
  const m = await createMatter(tx, ctx, actor, { type: 'publication', orgId: x.bodyId, title: x.title });
  await tx.query(
    `insert into publications (id, kind, source_type, source_id, body_id, procedure, decided_on, channels, state, number, party_type, party_name, party_uscc, violation, field, fine_fen)
     values ($1,$2,$3,$4,$5,$6,$7,$8,'scheduled',$9,$10,$11,$12,$13,$14,$15)`,
    [
      m.id,
      x.kind,
      x.sourceType,
      x.sourceId,
      x.bodyId,
      x.procedure,
      x.decidedOn,
      x.channels,
      x.number,
      x.partyType,
      x.partyName,
      x.partyUscc,
      x.violation,
      x.field,
      x.fineFen,
    ],
  );
  const cal = deadlineRules.length ? await loadCalendar(tx) : undefined;
  const deadlines: { ruleId: string; due: string }[] = [];
  for (const ruleId of deadlineRules) {
    const d = await openDeadline(tx, m, ruleId, x.decidedOn, 'schedule', cal);
    deadlines.push({ ruleId, due: d.due });
  }
  await ctx.ledger.append(tx, {
    actor,
    orgId: x.bodyId,
    matterType: 'publication',
    matterId: m.id,
    eventType: 'publication.scheduled',
    payload: {
      publicationId: m.id,
      kind: x.kind,
      sourceType: x.sourceType,
      sourceId: x.sourceId,
      bodyId: x.bodyId,
      decidedOn: x.decidedOn,
      channels: x.channels,
      deadlines,
    },
  });
  return m.id;
}

/** Creates the publication of a decided case with its deadlines (in the case transition's transaction). */
export async function schedulePublication(tx: Queryable, ctx: AppContext, actor: Actor, c: CaseRow): Promise<string | null> {
  const d = c.decision!;
  const req = publicationRequirement({ procedure: c.procedure, outcome: d.outcome, penalties: d.penalties });
  if (!req.publish) return null;
  const violation = c.violationId
    ? ((await tx.query<{ name: string }>('select name from violations where id = $1', [c.violationId])).rows[0]?.name ?? c.summary)
    : c.summary;
  return openPublication(
    tx,
    ctx,
    actor,
    {
      kind: 'penalty',
      sourceType: 'case',
      sourceId: c.id,
      bodyId: c.bodyId,
      procedure: c.procedure,
      decidedOn: d.decidedOn,
      channels: req.channels,
      number: d.number,
      partyType: c.party.type,
      partyName: c.party.name,
      partyUscc: c.party.uscc ?? null,
      violation,
      field: c.field,
      fineFen: Number(c.fineFen),
      title: `行政处罚信息公示：${d.number}（${c.party.name}）`,
    },
    // the requirement names rules of domain/deadlines/rules.ts (publicity.penalty, publicity.credit)
    req.deadlineRules as DeadlineRuleId[],
  );
}

/** Is the party registered in another province than the deciding body (市场监督管理行政处罚信息公示规定 第十条)? */
async function pushRequired(tx: Queryable, c: CaseRow): Promise<boolean> {
  const body = (await tx.query<{ division: string | null }>('select division_code as division from orgs where id = $1', [c.bodyId])).rows[0];
  return pushToRegistrationPlaceRequired(c.party.uscc, body?.division);
}

// a decided case is published automatically (市场监督管理行政处罚信息公示规定 第二条、第九条)
export const publishDecidedCase: TransitionListener = {
  name: 'publicity.publishDecidedCase',
  type: 'case',
  transitions: ['decide', 'decideOnSite'],
  run: async (g) => {
    const c = await findCase(g.tx, g.matter.id);
    if (!c?.decision) return;
    const id = await schedulePublication(g.tx, g.ctx, actorOf(g.principal), c);
    // 当事人登记地（住所地）在外省: the information is pushed there within ten working days (公示规定 第十条), an act of the case
    if (id && (await pushRequired(g.tx, c))) await openDeadline(g.tx, g.matter, 'publicity.push', c.decision.decidedOn, 'publicity.push');
    if (id && g.ctx.config.publicityAutoPublish) {
      await transitionIn(g.tx, g.ctx, systemPublisher(c.bodyId), { matterId: id, transition: 'publish', expectedVersion: 0, date: g.date });
    }
  },
};

/**
 * Publishing a random inspection's results (the task's `publish`, which meets the 20-working-day
 * limit) publishes each inspected entity's result as a publication of its own, in the same
 * transaction: found by the entity's name or code, corrected or withdrawn on its own, with a proof.
 */
export const publishInspectionResults: TransitionListener = {
  name: 'publicity.publishInspectionResults',
  type: 'inspectionTask',
  transitions: ['publish'],
  run: async (g) => {
    const rows = (
      await g.tx.query<{
        id: string;
        bodyId: string;
        inspectedOn: string;
        name: string;
        uscc: string;
        finding: keyof typeof findingLabels;
        taskName: string;
        field: string;
      }>(
        `select r.id, k.body_id as "bodyId", r.inspected_on as "inspectedOn", t.name, t.uscc, r.finding, k.name as "taskName", k.field
       from inspection_results r join inspection_targets t on t.id = r.target_id join inspection_tasks k on k.id = r.task_id
      where r.task_id = $1 order by t.uscc`,
        [g.matter.id],
      )
    ).rows;
    const actor = actorOf(g.principal);
    for (const r of rows) {
      const id = await openPublication(
        g.tx,
        g.ctx,
        actor,
        {
          kind: 'inspectionResult',
          sourceType: 'inspectionResult',
          sourceId: r.id,
          bodyId: r.bodyId,
          procedure: null,
          decidedOn: r.inspectedOn,
          channels: ['portal', 'enterpriseCredit'],
          number: r.taskName,
          partyType: 'organisation',
          partyName: r.name,
          partyUscc: r.uscc,
          violation: findingLabels[r.finding] ?? r.finding,
          field: r.field,
          fineFen: 0,
          title: `双随机抽查结果公示：${r.name}（${r.taskName}）`,
        },
        [],
      );
      await transitionIn(g.tx, g.ctx, systemPublisher(r.bodyId), { matterId: id, transition: 'publish', expectedVersion: 0, date: g.date });
    }
  },
};

/** Ends every publication whose period is over (run by the server's timer and `fazhi publicity sweep`). */
export async function expireDue(ctx: AppContext, today = chinaToday()): Promise<number> {
  const due = (
    await ctx.db.query<{ id: string; bodyId: string }>(
      `select id, body_id as "bodyId" from publications where state in ('published', 'corrected') and expires_on < $1 order by expires_on limit 500`,
      [today],
    )
  ).rows;
  let n = 0;
  for (const p of due) {
    const m = await findMatter(ctx.db, p.id);
    if (!m) continue;
    await transition(ctx, systemPublisher(p.bodyId), { matterId: p.id, transition: 'expire', expectedVersion: m.version, date: today });
    n++;
  }
  return n;
}
