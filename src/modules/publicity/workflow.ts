/**
 * The publication workflow (行政执法公示), version 1, and the listener that creates a publication
 * when a case is decided. scheduled → published → corrected (a new version; the old one is kept
 * and marked) / withdrawalDue → withdrawn, → expired (end of the publicity period), → repaired
 * (信用修复, early end on application); scheduled → exemptionProposed → exempted (不予公示, with a
 * reason and a leader's approval). Every step is a transition through the engine, so it is in the
 * record; what the public sees is the content of a `publication.published` entry, whose actor is
 * the publishing body (no staff name or id is ever part of a public proof).
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical.ts';
import { tokenDocument } from '../../domain/cjkTokens.ts';
import { chinaToday } from '../../domain/dates.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, deadlineRuleById } from '../../domain/deadlines/rules.ts';
import { exemptionGrounds, publicationRequirement, publicationStates, publicityPeriodRule } from '../../domain/publicity/rules.ts';
import type { Problem, WorkflowDef } from '../../domain/workflow.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { type ErrorCode, AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/policies.ts';
import type { Actor } from '../../platform/record/ledger.ts';
import type { TransitionListener } from '../../platform/modules.ts';
import { createMatter, findMatter, transition, transitionIn, type GuardInput } from '../../platform/workflow/engine.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findCase, type CaseRow } from '../cases/store.ts';
import {
  buildInspectionResultContent,
  buildPenaltyContent,
  correctContent,
  personalDataOf,
  searchTextOf,
  summaryOf,
  type ContentCorrection,
  type PublicContent,
} from './content.ts';
import { findingLabels } from '../inspections/vocabulary.ts';
import { findPublication, versionsOf, type PublicationRow } from './store.ts';

type G = GuardInput<Record<string, unknown>>;
const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];

/** The publishing body as the actor of the public entries. */
async function bodyActor(q: Queryable, bodyId: string): Promise<Actor> {
  return { id: null, name: (await q.query<{ name: string }>('select name from orgs where id = $1', [bodyId])).rows[0]?.name ?? '行政执法机关' };
}

/** Who takes the automatic steps (publish on decision, expire at the end of the period). */
export const systemPublisher = (bodyId: string): Principal => ({
  userId: 'system:publicity',
  username: 'system',
  displayName: '行政执法公示（自动）',
  roles: ['admin'],
  orgId: bodyId,
  scope: new Set([bodyId]),
});

const pubOf = async (g: G): Promise<PublicationRow> => {
  const p = await findPublication(g.tx, g.matter.id);
  if (!p) throw new AppError('NOT_FOUND', '公示信息不存在');
  return p;
};
const sourceCase = async (q: Queryable, p: PublicationRow): Promise<CaseRow> => {
  const c = p.sourceType === 'case' ? await findCase(q, p.sourceId) : null;
  if (!c?.decision) throw new AppError('PUBLICATION_SOURCE_MISSING', '公示信息对应的决定不存在');
  return c;
};
const input = <T>(g: G) => (g.input ?? {}) as T;

/** The publicity period of a penalty publication; an inspection result has none (it stays until withdrawn). */
async function periodRuleOf(g: G): Promise<string | null> {
  const p = await pubOf(g);
  if (p.kind !== 'penalty') return null;
  const c = await sourceCase(g.tx, p);
  return publicityPeriodRule(c.decision!.penalties, g.ctx.config.publicityLowFineFen ?? null);
}

/** The personal data a correction must mask again: the party's, known from the case. */
const knownDataOf = async (g: G, p: PublicationRow) => (p.kind === 'penalty' ? personalDataOf(await sourceCase(g.tx, p)) : {});

/** Appends the version's public entry and makes it the current one (the previous one is kept, marked). */
async function publishVersion(g: G, p: PublicationRow, content: PublicContent, reason: string | null): Promise<{ version: number; seq: number }> {
  const version = p.currentVersion + 1;
  const supersedes = p.currentVersion > 0 ? p.currentVersion : null;
  const entry = await g.ctx.ledger.append(g.tx, {
    actor: await bodyActor(g.tx, p.bodyId),
    orgId: p.bodyId,
    matterType: 'publication',
    matterId: p.id,
    eventType: 'publication.published',
    payload: { publicationId: p.id, version, supersedes, reason, publishedOn: g.date, content: content as unknown as Record<string, never> },
  });
  if (supersedes) {
    await g.tx.query(`update publication_versions set status = 'superseded', status_on = $3, status_reason = $4 where publication_id = $1 and version = $2`, [
      p.id,
      supersedes,
      g.date,
      reason,
    ]);
  }
  await g.tx.query(
    `insert into publication_versions (publication_id, version, content, ledger_seq, published_on, status) values ($1,$2,$3::jsonb,$4,$5,'current')`,
    [p.id, version, canonicalJson(content), entry.seq, g.date],
  );
  const text = searchTextOf(content);
  await g.tx.query(
    `update publications set current_version = $2, current_seq = $3, party_name = $4, violation = $5, search_text = $6, search_vec = to_tsvector('simple', $7), updated_at = now() where id = $1`,
    [p.id, version, entry.seq, summaryOf(content).partyName, summaryOf(content).violation, text, tokenDocument(text)],
  );
  return { version, seq: entry.seq };
}

async function endCurrent(g: G, status: 'withdrawn' | 'ended', reason: string) {
  const p = await pubOf(g);
  if (p.currentVersion > 0) {
    await g.tx.query(`update publication_versions set status = $3, status_on = $4, status_reason = $5 where publication_id = $1 and version = $2`, [
      p.id,
      p.currentVersion,
      status,
      g.date,
      reason,
    ]);
  }
  return p;
}

const periodRules = ['publicity.period', 'publicity.period.low'];
const publishRules = ['publicity.penalty', 'publicity.credit'];

export const publicationWorkflowV1: WorkflowDef<G> = {
  type: 'publication',
  version: 1,
  label: '行政执法公示',
  initial: 'scheduled',
  states: {
    scheduled: { label: publicationStates.scheduled },
    published: { label: publicationStates.published },
    corrected: { label: publicationStates.corrected },
    withdrawalDue: { label: publicationStates.withdrawalDue },
    withdrawn: { label: publicationStates.withdrawn, final: true },
    expired: { label: publicationStates.expired, final: true },
    repaired: { label: publicationStates.repaired, final: true },
    exemptionProposed: { label: publicationStates.exemptionProposed },
    exempted: { label: publicationStates.exempted, final: true },
  },
  transitions: {
    publish: {
      label: '公示',
      from: ['scheduled'],
      to: 'published',
      roles: ['legalReviewer', 'leader', 'admin'],
      meets: publishRules,
      opens: [
        { ruleId: 'publicity.period', when: async (g) => (await periodRuleOf(g as G)) === 'publicity.period' },
        { ruleId: 'publicity.period.low', when: async (g) => (await periodRuleOf(g as G)) === 'publicity.period.low' },
      ],
      effect: async (g) => {
        const p = await pubOf(g);
        if (p.kind === 'inspectionResult') {
          const r = await publishVersion(g, p, await buildInspectionResultContent(g.tx, p.sourceId), null);
          await g.tx.query('update publications set published_on = $2 where id = $1', [p.id, g.date]);
          return { version: r.version, seq: r.seq, expiresOn: null };
        }
        const c = await sourceCase(g.tx, p);
        const content = await buildPenaltyContent(g.tx, c);
        const r = await publishVersion(g, p, content, null);
        const rule = deadlineRuleById.get(publicityPeriodRule(c.decision!.penalties, g.ctx.config.publicityLowFineFen ?? null))!;
        const expiresOn = computeDeadline(rule, await loadCalendar(g.tx), { start: g.date }).due;
        await g.tx.query('update publications set published_on = $2, expires_on = $3 where id = $1', [p.id, g.date, expiresOn]);
        return { version: r.version, seq: r.seq, expiresOn };
      },
    },
    correct: {
      label: '更正',
      from: ['published', 'corrected'],
      to: 'corrected',
      roles: ['legalReviewer', 'leader'],
      guards: [
        async (g) =>
          input<{ reason?: string }>(g).reason?.trim() ? [] : problem('REASON_REQUIRED', '更正须说明理由（市场监督管理行政处罚信息公示规定 第十二条）'),
      ],
      effect: async (g) => {
        const i = input<{ reason: string; content: ContentCorrection }>(g);
        const p = await pubOf(g);
        const current = (await versionsOf(g.tx, p.id)).find((v) => v.version === p.currentVersion)!;
        const next = correctContent(current.content, i.content ?? {}, await knownDataOf(g, p));
        return publishVersion(g, p, next, i.reason);
      },
    },
    noticeRevocation: {
      label: '登记决定被变更或撤销',
      from: ['published', 'corrected'],
      to: 'withdrawalDue',
      roles: ['officer', 'legalReviewer', 'leader'],
      opens: [{ ruleId: 'publicity.withdrawal', startFrom: 'noticedOn' }],
    },
    withdraw: {
      label: '撤回公示',
      from: ['scheduled', 'published', 'corrected', 'withdrawalDue'],
      to: 'withdrawn',
      roles: ['leader'],
      guards: [
        async (g) =>
          input<{ reason?: string }>(g).reason?.trim() ? [] : problem('REASON_REQUIRED', '撤回公示须说明理由（市场监督管理行政处罚信息公示规定 第十一条）'),
      ],
      meets: ['publicity.withdrawal', ...publishRules, ...periodRules],
      effect: async (g) => {
        const i = input<{ reason: string; ground: string }>(g);
        const p = await endCurrent(g, 'withdrawn', i.reason);
        await g.ctx.ledger.append(g.tx, {
          actor: await bodyActor(g.tx, p.bodyId),
          orgId: p.bodyId,
          matterType: 'publication',
          matterId: p.id,
          eventType: 'publication.withdrawn',
          payload: { publicationId: p.id, version: p.currentVersion, withdrawnOn: g.date, ground: i.ground, reason: i.reason },
        });
      },
    },
    expire: {
      label: '公示期满停止公示',
      from: ['published', 'corrected'],
      to: 'expired',
      roles: ['admin'],
      guards: [
        async (g) => {
          const p = await pubOf(g);
          if (!p.expiresOn) return problem('NO_PUBLICITY_PERIOD', '该公示信息没有公示期，不因期满停止公示');
          return g.date >= p.expiresOn ? [] : problem('PUBLICITY_PERIOD_RUNNING', `公示期至 ${p.expiresOn} 届满`);
        },
      ],
      meets: periodRules,
      effect: async (g) => {
        const p = await endCurrent(g, 'ended', '公示期满');
        await g.ctx.ledger.append(g.tx, {
          actor: await bodyActor(g.tx, p.bodyId),
          orgId: p.bodyId,
          matterType: 'publication',
          matterId: p.id,
          eventType: 'publication.ended',
          payload: { publicationId: p.id, version: p.currentVersion, ending: 'expired', endedOn: g.date, reason: '公示期满' },
        });
      },
    },
    repair: {
      label: '信用修复（提前停止公示）',
      from: ['published', 'corrected'],
      to: 'repaired',
      roles: ['leader'],
      guards: [
        async (g) => {
          const i = input<{ reason?: string; applicant?: string }>(g);
          if (!i.reason?.trim() || !i.applicant?.trim())
            return problem('REASON_REQUIRED', '信用修复须载明申请人和理由（市场监督管理行政处罚信息公示规定 第十四条）');
          const p = await pubOf(g);
          if (p.kind !== 'penalty') return problem('REPAIR_NOT_APPLICABLE', '信用修复（提前停止公示）只适用于行政处罚信息');
          const rule = deadlineRule('publicity.repair.minimum');
          const min = computeDeadline(rule, await loadCalendar(g.tx), { start: p.publishedOn ?? g.date }).due;
          return g.date < min ? problem('REPAIR_TOO_EARLY', `公示满${rule.amount}个月（${min}）后方可申请信用修复（${rule.sourceNote}）`) : [];
        },
      ],
      meets: periodRules,
      effect: async (g) => {
        const i = input<{ reason: string; applicant: string }>(g);
        const p = await endCurrent(g, 'ended', `信用修复：${i.reason}`);
        await g.ctx.ledger.append(g.tx, {
          actor: await bodyActor(g.tx, p.bodyId),
          orgId: p.bodyId,
          matterType: 'publication',
          matterId: p.id,
          eventType: 'publication.ended',
          payload: { publicationId: p.id, version: p.currentVersion, ending: 'repaired', endedOn: g.date, reason: i.reason },
        });
      },
    },
    proposeExemption: {
      label: '提请不予公示',
      from: ['scheduled'],
      to: 'exemptionProposed',
      roles: ['officer', 'legalReviewer'],
      guards: [
        async (g) => {
          const i = input<{ ground?: string; reason?: string }>(g);
          return i.ground && i.ground in exemptionGrounds && i.reason?.trim() ? [] : problem('REASON_REQUIRED', '不予公示须载明情形和理由');
        },
      ],
    },
    approveExemption: {
      label: '批准不予公示',
      from: ['exemptionProposed'],
      to: 'exempted',
      roles: ['leader'],
      meets: publishRules,
      guards: [async (g) => (input<{ opinion?: string }>(g).opinion?.trim() ? [] : problem('OPINION_REQUIRED', '须签署批准意见'))],
    },
    rejectExemption: { label: '不批准不予公示', from: ['exemptionProposed'], to: 'scheduled', roles: ['leader'] },
  },
};

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
async function openPublication(tx: Queryable, ctx: AppContext, actor: Actor, x: NewPublication, deadlineRules: string[]): Promise<string> {
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
  const cal = deadlineRules.length ? await loadCalendar(tx) : null;
  const deadlines: { ruleId: string; due: string }[] = [];
  for (const ruleId of deadlineRules) {
    const r = computeDeadline(deadlineRuleById.get(ruleId)!, cal!, { start: x.decidedOn });
    await tx.query(
      `insert into matter_deadlines (id, matter_id, matter_type, rule_id, label, start_date, due_date, warn_from, status, opened_by_transition)
       values ($1,$2,'publication',$3,$4,$5,$6,$7,'open','schedule')`,
      [randomUUID(), m.id, ruleId, r.label, x.decidedOn, r.due, r.warnFrom],
    );
    deadlines.push({ ruleId, due: r.due });
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
    req.deadlineRules,
  );
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
      `select id, body_id as "bodyId" from publications where state in ('published', 'corrected') and expires_on <= $1 order by expires_on limit 500`,
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
