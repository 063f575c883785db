/**
 * The case workflow (执法办案, 普通程序 and 简易程序), version 1: states, transitions, who may take
 * them, the guards that must hold, the deadlines opened and met, and what each writes (its effect:
 * the case's columns, a review, a discussion, the instruments). The engine runs it; a case keeps
 * the version it was opened under. Every guard returns its problems with a stable code.
 */
import { randomUUID } from 'node:crypto';
import type { Problem, WorkflowDef } from '../../domain/workflow.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, deadlineRuleById } from '../../domain/deadlines/rules.ts';
import { deviations, majorDecision, summaryAllowed, type ChosenPenalty } from '../../domain/cases/decide.ts';
import {
  avChecklist,
  DISCUSSION_MIN_ATTENDEES,
  evidenceKinds,
  legalReviewItemIds,
  legalReviewItems,
  majorCriterionIds,
  reviewOpinions,
  serviceMethods,
  type AvStep,
  type MajorCriterion,
} from '../../domain/cases/rules.ts';
import { hearingPenaltyKinds, penaltyKinds } from '../../domain/discretion/vocabulary.ts';
import { formatYuan } from '../../domain/discretion/money.ts';
import type { EnforcementAct } from '../../domain/certifiedDuty.ts';
import { actorOf } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { type ErrorCode, AppError } from '../../platform/errors.ts';
import { suspendDeadline, type GuardInput, type MatterRow } from '../../platform/workflow/engine.ts';
import type { Principal } from '../../platform/policies.ts';
import { loadCalendar } from '../calendar/store.ts';
import { runCalculation } from '../discretion/calculate.ts';
import { orgChain } from '../discretion/queries.ts';
import { checkOfficersMayAct } from '../officers/guard.ts';
import { caseData, cnDate, issueCaseInstrument, officerRefs, penaltyLine, provisionText } from './instruments.ts';
import type { TransitionInput, TransitionName } from './schema.ts';
import { discussionsOf, evidenceOf, findCase, officerOfUser, patchCase, paymentsOf, reviewsOf, type CaseRow, type DiscretionSnapshot } from './store.ts';

type G = GuardInput<Record<string, unknown>>;
const inp = <T extends TransitionName>(g: G) => g.input as unknown as TransitionInput<T>;
const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];

/** The case behind the matter (loaded once per transition). */
const caseCache = new WeakMap<object, CaseRow>();
async function caseOf(g: G): Promise<CaseRow> {
  const hit = caseCache.get(g.input ?? g);
  if (hit && hit.id === g.matter.id) return hit;
  const c = await findCase(g.tx, g.matter.id);
  if (!c) throw new AppError('NOT_FOUND', '案件不存在或无权查看');
  caseCache.set(g.input ?? g, c);
  return c;
}

// ─── guards ────────────────────────────────────────────────────────────

/** 持证上岗: the officers hold valid certificates for the case's field, at least as many as the act needs (two for investigation, 行政处罚法 第四十二条). */
async function certified(g: G, officerIds: string[], act: EnforcementAct, date = g.date): Promise<Problem[]> {
  const c = await caseOf(g);
  const check = await checkOfficersMayAct(g.tx, null, { officerIds, field: c.field, act, date });
  return check.allowed ? [] : check.problems.map((x) => ({ code: 'OFFICER_NOT_CERTIFIED', message: x.message }));
}

/** 追责时效 (行政处罚法 第三十六条): two years from the act, five where life/health safety was harmed. */
async function withinLimitation(tx: Queryable, violationDate: string, lifeHealth: boolean, date: string): Promise<Problem[]> {
  const rule = deadlineRuleById.get(lifeHealth ? 'penalty.limitation.lifeHealth' : 'penalty.limitation')!;
  const r = computeDeadline(rule, await loadCalendar(tx), { start: violationDate });
  if (violationDate > date) return problem('VIOLATION_DATE_IN_FUTURE', `违法行为发生日期 ${violationDate} 晚于办理日期`);
  return date > r.due
    ? problem('LIMITATION_EXPIRED', `违法行为发生于 ${violationDate}，已超过${rule.amount}年追责时效（${r.due} 届满，行政处罚法 第三十六条），不再给予行政处罚`)
    : [];
}

/** 音像记录事项清单: the act needs an audio/video file of this case among the given files. */
async function avRecorded(tx: Queryable, caseId: string, step: AvStep, fileIds: string[]): Promise<Problem[]> {
  const files = fileIds.length
    ? (
        await tx.query<{ id: string; contentType: string }>(
          `select id, content_type as "contentType" from evidence_files where matter_type = 'case' and matter_id = $1 and id = any($2)`,
          [caseId, fileIds],
        )
      ).rows
    : [];
  const unknown = fileIds.filter((f) => !files.some((x) => x.id === f));
  if (unknown.length) return problem('EVIDENCE_FILE_UNKNOWN', `证据文件 ${unknown.join('、')} 不属于本案`);
  if (!files.some((f) => /^(video|audio)\//.test(f.contentType))) {
    return problem(
      'AV_RECORD_MISSING',
      `“${avChecklist[step].label}”属于音像记录事项清单（${avChecklist[step].source}），须附本案的音像记录（音频或视频文件）`,
    );
  }
  return [];
}

/** The acting user is not one of the case's investigators (案件审核、法制审核、听证主持 must be independent). */
async function notInvestigator(g: G, what: string): Promise<Problem[]> {
  const c = await caseOf(g);
  const officer = await officerOfUser(g.tx, g.principal.userId);
  return officer && c.investigatorIds.includes(officer.id) ? problem('REVIEWER_IS_INVESTIGATOR', `${officer.name}是本案承办人员，不能进行${what}`) : [];
}

/** 陈述申辩 and 听证 windows closed (or the rights waived in writing) before the decision (行政处罚法 第四十四条、第六十二条、第六十四条). */
async function windowsClosed(g: G): Promise<Problem[]> {
  const c = await caseOf(g);
  if (!c.notice)
    return (c.proposed ?? []).length
      ? problem(
          'PRIOR_NOTICE_MISSING',
          '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据和陈述、申辩、要求听证的权利（行政处罚法 第四十四条）',
        )
      : [];
  const open = (
    await g.tx.query<{ ruleId: string; due: string; label: string }>(
      `select rule_id as "ruleId", due_date as "due", label from matter_deadlines where matter_id = $1 and status = 'open' and rule_id in ('penalty.statement', 'penalty.hearingRequest')`,
      [c.id],
    )
  ).rows;
  const out: Problem[] = [];
  for (const d of open) {
    const waived = d.ruleId === 'penalty.statement' ? c.waivers.statement : c.waivers.hearing;
    if (!waived && g.date <= d.due)
      out.push({ code: 'DEFENCE_WINDOW_OPEN', message: `“${d.label}”期限至 ${d.due} 届满，期满（或当事人书面放弃）前不能作出决定` });
  }
  if (c.hearing && !c.hearing.heldOn) out.push({ code: 'HEARING_PENDING', message: '当事人已要求听证，听证结束前不能作出决定' });
  return out;
}

const latest = <T extends object>(rows: T[], kind?: string) => [...rows].reverse().find((r) => !kind || (r as { kind?: string }).kind === kind);

/** The case's major-decision status now: the catalogue in force for the body, its 较大数额, and the facts. */
async function majorNow(tx: Queryable, c: CaseRow, penalties: ChosenPenalty[], date: string, hearingHeld: boolean) {
  const chain = await orgChain(tx, c.bodyId);
  const cat = (
    await tx.query<{ criteria: string[] }>(
      `select criteria from major_decision_catalogues where org_id = any($1) and valid_from <= $2 and (valid_to is null or valid_to >= $2)
      order by array_position($1::text[], org_id), valid_from desc limit 1`,
      [chain, date],
    )
  ).rows[0];
  const criteria = (cat?.criteria ?? majorCriterionIds) as MajorCriterion[];
  const t = c.discretion?.thresholds.majorDecision;
  const threshold = { naturalPersonFen: t?.thresholdFen ?? 1_000_000, organisationFen: t?.thresholdFen ?? 10_000_000, source: t?.source ?? '默认标准' };
  return majorDecision(
    { partyType: c.partyType, penalties, hearingHeld, complex: c.complex, publicInterest: c.publicInterest, criminalReferral: false },
    criteria,
    threshold,
  );
}

/** Hearing rights (行政处罚法 第六十三条): a large fine or confiscation (the org's 较大数额) or a heavy penalty kind. */
function hearingEligible(c: CaseRow, penalties: ChosenPenalty[]): boolean {
  const limit = c.discretion?.thresholds.hearing.thresholdFen ?? (c.partyType === 'naturalPerson' ? 1_000_000 : 10_000_000);
  return penalties.some(
    (p) =>
      hearingPenaltyKinds.includes(p.kind) ||
      ((p.kind === 'fine' || p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty') && (p.amountFen ?? 0) >= limit),
  );
}

/** Runs the discretion calculator for the case and freezes what it used. */
async function discretionFor(
  g: G,
  c: CaseRow,
  decisionDate: string,
  input: Pick<TransitionInput<'closeInvestigation'>, 'bases' | 'unreliableBases' | 'circumstances'>,
): Promise<DiscretionSnapshot> {
  const r = (await runCalculation(g.tx, null, {
    violation: c.violationId!,
    violationDate: c.violationDate!,
    decisionDate,
    partyType: c.partyType,
    orgId: c.bodyId,
    bases: input.bases as never,
    unreliableBases: input.unreliableBases,
    circumstances: input.circumstances,
  } as never)) as unknown as Record<string, never>;
  const res = r as unknown as {
    tier: string;
    tierLabel?: string;
    exempt: boolean;
    penalties: DiscretionSnapshot['penalties'];
    thresholds: DiscretionSnapshot['thresholds'];
    trace: DiscretionSnapshot['trace'];
    rulesDigest: string;
    violation?: { name: string; violates: string[]; punishes: string[] };
  };
  const v = (
    await g.tx.query<{ name: string; violates: string[]; punishes: string[] }>('select name, violates, punishes from violations where id = $1', [c.violationId])
  ).rows[0];
  return {
    tier: res.tier,
    tierLabel: res.tierLabel ?? res.tier,
    exempt: res.exempt,
    penalties: res.penalties,
    thresholds: res.thresholds,
    trace: res.trace,
    rulesDigest: res.rulesDigest,
    decisionDate,
    violates: v.violates,
    punishes: v.punishes,
    violationName: v.name,
  };
}

/** A chosen penalty outside the recommendation needs a written reason that a review accepted. */
async function deviationAccepted(g: G, c: CaseRow, chosen: ChosenPenalty[], reason: string | null | undefined, requireAcceptance: boolean): Promise<Problem[]> {
  if (!c.discretion) return [];
  const devs = deviations(chosen, c.discretion.penalties);
  if (!devs.length) return [];
  if (!reason) return problem('DISCRETION_DEVIATION_UNEXPLAINED', `所选处罚超出裁量基准建议（${devs.map((d) => d.message).join('；')}），须书面说明理由`);
  if (requireAcceptance && !(await reviewsOf(g.tx, c.id)).some((r) => r.acceptsDeviation)) {
    return problem(
      'DISCRETION_DEVIATION_NOT_ACCEPTED',
      `所选处罚超出裁量基准建议（${devs.map((d) => d.message).join('；')}），其理由须经案件审核或法制审核认可`,
    );
  }
  return [];
}

const actor = (g: G) => actorOf(g.principal);
const leaderName = (g: G) => g.principal.displayName;

// ─── the workflow ──────────────────────────────────────────────────────

const preDecision = ['noticed', 'heard'];

export const caseWorkflowV1: WorkflowDef<G> = {
  type: 'case',
  version: 1,
  label: '行政处罚案件',
  initial: 'lead',
  states: {
    lead: { label: '案件线索' },
    verifying: { label: '核查中' },
    filingProposed: { label: '待批准立案' },
    notFiled: { label: '不予立案', final: true },
    investigating: { label: '立案调查' },
    auditing: { label: '案件审核' },
    toNotify: { label: '待告知' },
    noticed: { label: '已告知（陈述申辩期）' },
    hearingRequested: { label: '已申请听证' },
    hearingScheduled: { label: '已通知听证' },
    heard: { label: '听证结束' },
    legalReview: { label: '法制审核' },
    discussion: { label: '集体讨论' },
    toDecide: { label: '待决定' },
    decided: { label: '已决定（待送达）' },
    served: { label: '已送达（执行中）' },
    enforcement: { label: '申请强制执行' },
    referralProposed: { label: '拟移送' },
    referred: { label: '已移送' },
    closed: { label: '已结案' },
    archived: { label: '已归档', final: true },
  },
  transitions: {
    accept: {
      label: '受理线索并核查',
      from: ['lead'],
      to: 'verifying',
      roles: ['officer', 'admin'],
      guards: [async (g) => ((await caseOf(g)).procedure === 'ordinary' ? [] : problem('PROCEDURE_MISMATCH', '简易程序案件当场作出决定，不经核查立案'))],
      opens: [{ ruleId: 'lead.verification', startOn: async (g) => (await caseOf(g)).receivedOn }],
    },
    proposeFiling: {
      label: '提请立案',
      from: ['verifying'],
      to: 'filingProposed',
      roles: ['officer'],
      guards: [
        async (g) => {
          const i = inp<'proposeFiling'>(g);
          const v = (await g.tx.query<{ field: string }>('select field from violations where id = $1 and active', [i.violationId])).rows[0];
          if (!v) return problem('VIOLATION_UNKNOWN', `违法行为 ${i.violationId} 不在违法行为目录中`);
          return [...(await withinLimitation(g.tx, i.violationDate, i.lifeHealth, g.date)), ...(await certified(g, i.investigatorIds, 'inquiry'))];
        },
      ],
      effect: async (g) => {
        const i = inp<'proposeFiling'>(g);
        await patchCase(g.tx, g.matter.id, {
          violationId: i.violationId,
          violationDate: i.violationDate,
          lifeHealth: i.lifeHealth,
          investigatorIds: i.investigatorIds,
        });
        return { proposal: i.opinion };
      },
    },
    approveFiling: {
      label: '批准立案',
      from: ['filingProposed'],
      to: 'investigating',
      roles: ['leader'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          return [...(await withinLimitation(g.tx, c.violationDate!, c.lifeHealth, g.date)), ...(await certified(g, c.investigatorIds, 'inquiry'))];
        },
      ],
      meets: ['lead.verification'],
      opens: [{ ruleId: 'penalty.decision' }],
      effect: async (g) => {
        const i = inp<'approveFiling'>(g);
        const c = await caseOf(g);
        const handlers = await officerRefs(g.tx, c.investigatorIds, g.date);
        const ins = await issueCaseInstrument(
          g.ctx,
          g.tx,
          actor(g),
          { ...c, filedOn: g.date },
          {
            kind: 'filingApproval',
            date: g.date,
            override: i.instrumentData,
            specific: {
              handlerOpinion: `建议立案，由${handlers.map((h) => h.name).join('、')}承办。`,
              handlerDate: g.date,
              unitOpinion: i.unitOpinion ?? '同意立案。',
              unitHead: leaderName(g),
              unitDate: g.date,
              leaderOpinion: i.opinion,
              leader: leaderName(g),
              leaderDate: g.date,
            },
          },
        );
        await patchCase(g.tx, c.id, { filedOn: g.date, caseNumber: ins.number });
        return { caseNumber: ins.number, instrumentId: ins.id };
      },
    },
    rejectFiling: {
      label: '不予立案',
      from: ['verifying', 'filingProposed'],
      to: 'notFiled',
      roles: ['leader'],
      meets: ['lead.verification'],
      effect: async (g) => {
        const i = inp<'rejectFiling'>(g);
        const c = await caseOf(g);
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'nonFilingApproval',
          date: g.date,
          override: i.instrumentData,
          specific: {
            reason: i.reason,
            handlerOpinion: '建议不予立案。',
            handlerDate: g.date,
            unitOpinion: '同意不予立案。',
            unitHead: leaderName(g),
            unitDate: g.date,
            leaderOpinion: i.opinion,
            leader: leaderName(g),
            leaderDate: g.date,
            handlers: await officerRefs(g.tx, c.investigatorIds, g.date),
          },
        });
        await patchCase(g.tx, c.id, { closedOn: g.date });
        return { instrumentId: ins.id, number: ins.number };
      },
    },
    closeInvestigation: {
      label: '调查终结',
      from: ['investigating'],
      to: 'auditing',
      roles: ['officer'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          const ev = await evidenceOf(g.tx, c.id);
          if (!ev.length) return problem('EVIDENCE_MISSING', '调查终结前须至少登记一项证据');
          const out: Problem[] = [];
          for (const e of ev) {
            const step = evidenceKinds[e.kind]?.av;
            if (step) out.push(...(await avRecorded(g.tx, c.id, step, e.fileIds)).map((p) => ({ ...p, message: `证据“${e.title}”：${p.message}` })));
          }
          return out;
        },
        async (g) => {
          const c = await caseOf(g);
          const i = inp<'closeInvestigation'>(g);
          const d = await discretionFor(g, c, g.date, i);
          caseCache.set(g.input, { ...c, discretion: d });
          if (d.exempt && i.proposed.length)
            return problem('EXEMPT_CASE_PENALISED', `依裁量基准本案属于不予处罚情形（${d.tierLabel}），拟处罚须为空或说明理由后经集体讨论`).filter(
              () => !i.deviationReason,
            );
          return deviationAccepted(g, { ...c, discretion: d }, i.proposed, i.deviationReason, false);
        },
      ],
      effect: async (g) => {
        const i = inp<'closeInvestigation'>(g);
        const c0 = await caseOf(g);
        const c: CaseRow = {
          ...c0,
          facts: i.facts,
          proposed: i.proposed,
          complex: i.complex,
          publicInterest: i.publicInterest,
          deviationReason: i.deviationReason ?? null,
        };
        const major = await majorNow(g.tx, c, i.proposed, g.date, false);
        const eligible = hearingEligible(c, i.proposed);
        await patchCase(g.tx, c.id, {
          facts: i.facts,
          proposed: i.proposed,
          complex: i.complex,
          publicInterest: i.publicInterest,
          deviationReason: i.deviationReason ?? null,
          discretion: c.discretion,
          discretionInput: { bases: i.bases, unreliableBases: i.unreliableBases, circumstances: i.circumstances },
          major,
          hearingEligible: eligible,
        });
        const proposal = i.proposed.length ? `建议对当事人作出如下行政处罚：${i.proposed.map(penaltyLine).join('')}` : '建议不予行政处罚。';
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'investigationReport',
          date: g.date,
          override: i.instrumentData,
          specific: {
            investigation: `${cnDate(c.receivedOn)}，本局${c.source === 'complaint' ? '接到投诉' : '发现案件线索'}。${c.filedOn ? `经批准，本局于${cnDate(c.filedOn)}立案调查。` : ''}`,
            analysis:
              i.analysis ??
              `当事人的行为违反了${(await caseData2(g, c)).violatedProvision}的规定。${c.discretion ? `依裁量基准适用${c.discretion.tierLabel}。` : ''}`,
            proposal,
            reportDate: g.date,
          },
        });
        return {
          tier: c.discretion?.tier ?? null,
          rulesDigest: c.discretion?.rulesDigest ?? null,
          major: major.major,
          majorReasons: major.reasons.map((r) => r.text),
          hearingEligible: eligible,
          instrumentId: ins.id,
          number: ins.number,
        };
      },
    },
    audit: {
      label: '案件审核通过',
      from: ['auditing'],
      to: 'toNotify',
      roles: ['legalReviewer'],
      guards: [
        (g) => notInvestigator(g, '案件审核'),
        async (g) => {
          const c = await caseOf(g);
          const i = inp<'audit'>(g);
          return c.deviationReason && !i.acceptsDeviation
            ? problem('DISCRETION_DEVIATION_NOT_ACCEPTED', '拟处罚超出裁量基准建议，审核通过须认可其理由（或退回补充调查）')
            : [];
        },
      ],
      effect: async (g) => {
        const i = inp<'audit'>(g);
        const c = await caseOf(g);
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'caseAudit',
          date: g.date,
          override: i.instrumentData,
          specific: {
            submittedOn: g.date,
            auditUnit: g.principal.orgId ? (await g.tx.query<{ name: string }>('select name from orgs where id = $1', [g.principal.orgId])).rows[0]?.name : '',
            summary: `${c.facts ?? c.summary}${(c.proposed ?? []).length ? `办案机构拟：${(c.proposed ?? []).map(penaltyLine).join('')}` : '办案机构拟不予行政处罚。'}`,
            auditOpinion: `${reviewOpinions[i.opinion]}。${i.reasons}`,
            auditors: [g.principal.displayName],
            auditDate: g.date,
            auditHeadOpinion: '同意审核意见。',
            auditHead: g.principal.displayName,
            auditHeadDate: g.date,
          },
        });
        await insertReview(g, c, {
          kind: 'caseAudit',
          items: {},
          opinion: i.opinion,
          reasons: i.reasons,
          acceptsDeviation: i.acceptsDeviation,
          instrumentId: ins.id,
        });
        return { instrumentId: ins.id, number: ins.number };
      },
    },
    returnToInvestigation: {
      label: '退回补充调查',
      from: ['auditing', 'legalReview', 'discussion'],
      to: 'investigating',
      roles: ['legalReviewer', 'leader'],
      effect: async (g) => {
        const c = await caseOf(g);
        if (g.principal.roles.includes('legalReviewer')) {
          await insertReview(g, c, {
            kind: g.matter.state === 'legalReview' ? 'legalReview' : 'caseAudit',
            items: {},
            opinion: 'disagree',
            reasons: inp<'returnToInvestigation'>(g).reasons,
            acceptsDeviation: false,
            instrumentId: null,
          });
        }
        await patchCase(g.tx, c.id, { notice: null, hearing: null, statement: null, waivers: {} });
        await g.tx.query(
          `update matter_deadlines set status = 'cancelled', updated_at = now() where matter_id = $1 and status = 'open' and rule_id in ('penalty.statement', 'penalty.hearingRequest')`,
          [c.id],
        );
      },
    },
    notify: {
      label: '送达行政处罚告知书',
      from: ['toNotify'],
      to: 'noticed',
      roles: ['officer'],
      guards: [async (g) => (((await caseOf(g)).proposed ?? []).length ? [] : problem('NOTICE_NOT_NEEDED', '拟不予行政处罚，无需告知，请直接进入决定'))],
      opens: [
        { ruleId: 'penalty.statement', startFrom: 'servedOn' },
        { ruleId: 'penalty.hearingRequest', startFrom: 'servedOn', when: async (g) => !!(await caseOf(g as G)).hearingEligible },
      ],
      effect: async (g) => {
        const i = inp<'notify'>(g);
        const c = await caseOf(g);
        const numbers: string[] = [];
        const n = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'penaltyNotice',
          date: g.date,
          override: i.instrumentData,
          specific: { hearingEligible: !!c.hearingEligible },
        });
        numbers.push(n.number);
        if (c.hearingEligible)
          numbers.push((await issueCaseInstrument(g.ctx, g.tx, actor(g), c, { kind: 'hearingRightsNotice', date: g.date, override: i.instrumentData })).number);
        await patchCase(g.tx, c.id, { notice: { noticeOn: g.date, servedOn: i.servedOn, hearingEligible: !!c.hearingEligible, instrumentNumbers: numbers } });
        return { instrumentNumbers: numbers };
      },
    },
    requestHearing: {
      label: '当事人要求听证',
      from: ['noticed'],
      to: 'hearingRequested',
      roles: ['officer'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          if (!c.hearingEligible) return problem('HEARING_NOT_ELIGIBLE', '拟作出的行政处罚不属于应当告知听证权利的情形（行政处罚法 第六十三条）');
          const due = (
            await g.tx.query<{ due: string }>(
              `select due_date as due from matter_deadlines where matter_id = $1 and rule_id = 'penalty.hearingRequest' and status = 'open'`,
              [c.id],
            )
          ).rows[0]?.due;
          const at = inp<'requestHearing'>(g).requestedOn;
          if (!due || at > due)
            return problem(
              'HEARING_REQUEST_LATE',
              `当事人应当在告知后五个工作日内提出听证要求（行政处罚法 第六十四条），期限${due ? `已于 ${due} 届满` : '已届满'}`,
            );
          if (c.waivers.hearing) return problem('HEARING_WAIVED', `当事人已于 ${c.waivers.hearing} 书面放弃听证`);
          return [];
        },
      ],
      meets: ['penalty.hearingRequest'],
      effect: async (g) => {
        await patchCase(g.tx, g.matter.id, { hearing: { requestedOn: inp<'requestHearing'>(g).requestedOn } });
      },
    },
    scheduleHearing: {
      label: '通知听证',
      from: ['hearingRequested'],
      to: 'hearingScheduled',
      roles: ['leader', 'officer'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          const i = inp<'scheduleHearing'>(g);
          const out: Problem[] = [];
          if (c.investigatorIds.includes(i.hostOfficerId))
            out.push({ code: 'HEARING_HOST_IS_INVESTIGATOR', message: '听证由行政机关指定的非本案调查人员主持（行政处罚法 第六十四条第（四）项）' });
          const hearingDate = i.at.slice(0, 10);
          const latestNotice = computeDeadline(deadlineRule('penalty.hearingNotice'), await loadCalendar(g.tx), { start: hearingDate });
          if (i.noticeOn > latestNotice.due)
            out.push({
              code: 'HEARING_NOTICE_LATE',
              message: `应当在举行听证的七日前通知当事人（行政处罚法 第六十四条第（二）项），${hearingDate} 举行的听证最迟于 ${latestNotice.due} 通知`,
            });
          return out;
        },
      ],
      effect: async (g) => {
        const i = inp<'scheduleHearing'>(g);
        const c = await caseOf(g);
        const host = (await officerRefs(g.tx, [i.hostOfficerId], g.date))[0];
        if (!host) throw new AppError('OFFICER_UNKNOWN', `听证主持人 ${i.hostOfficerId} 不存在`);
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'hearingNotice',
          date: i.noticeOn,
          override: i.instrumentData,
          specific: { requestedOn: c.hearing!.requestedOn, hearing: { at: i.at, place: i.place, openness: i.openness, host: host.name, clerk: i.clerk } },
        });
        await patchCase(g.tx, c.id, {
          hearing: { ...c.hearing!, at: i.at, place: i.place, noticeOn: i.noticeOn, hostOfficerId: i.hostOfficerId, openness: i.openness, clerk: i.clerk },
        });
        return { instrumentId: ins.id, number: ins.number };
      },
    },
    holdHearing: {
      label: '举行听证',
      from: ['hearingScheduled'],
      to: 'heard',
      roles: ['officer', 'leader'],
      guards: [async (g) => avRecorded(g.tx, g.matter.id, 'hearing', inp<'holdHearing'>(g).avFileIds)],
      effect: async (g) => {
        const i = inp<'holdHearing'>(g);
        const c = await caseOf(g);
        const host = (await officerRefs(g.tx, [c.hearing!.hostOfficerId!], g.date))[0];
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'hearingRecord',
          date: i.heldOn,
          override: i.instrumentData,
          specific: {
            startAt: i.startAt,
            endAt: i.endAt.slice(11),
            place: c.hearing!.place,
            openness: c.hearing!.openness ?? '公开举行',
            host: host?.name,
            clerk: c.hearing!.clerk,
            investigators: await officerRefs(g.tx, c.investigatorIds, g.date),
            turns: i.turns,
          },
        });
        const major = await majorNow(g.tx, c, c.proposed ?? [], g.date, true);
        await patchCase(g.tx, c.id, {
          hearing: { ...c.hearing!, heldOn: i.heldOn, summary: i.turns.map((t) => `${t.speaker}：${t.text}`).join('\n'), report: i.report },
          major,
        });
        // 听证期间不计入办案期限
        const due = await suspendDeadline(g.tx, g.ctx, actor(g), g.matter as MatterRow, {
          ruleId: 'penalty.decision',
          from: c.hearing!.requestedOn,
          to: i.heldOn,
          reason: '听证',
        });
        return { instrumentId: ins.id, number: ins.number, decisionDue: due, major: major.major };
      },
    },
    submitForLegalReview: {
      label: '提交法制审核',
      from: preDecision,
      to: 'legalReview',
      roles: ['officer'],
      meets: ['penalty.statement', 'penalty.hearingRequest'],
      guards: [
        windowsClosed,
        async (g) => ((await caseOf(g)).major?.major ? [] : problem('NOT_MAJOR', '本案不属于重大执法决定，无需法制审核；可直接进入决定')),
      ],
    },
    legalReview: {
      label: '法制审核',
      from: ['legalReview'],
      to: 'discussion',
      roles: ['legalReviewer'],
      guards: [
        (g) => notInvestigator(g, '法制审核'),
        async (g) => {
          const officer = await officerOfUser(g.tx, g.principal.userId);
          return officer?.legalExamPassed
            ? []
            : problem(
                'REVIEWER_NOT_QUALIFIED',
                '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法 第五十八条第二款）',
              );
        },
        async (g) => {
          const items = inp<'legalReview'>(g).items;
          const missing = legalReviewItemIds.filter((k) => !items[k]);
          return missing.length ? problem('REVIEW_ITEMS_MISSING', `法制审核须逐项审核：${missing.map((k) => legalReviewItems[k]).join('、')}`) : [];
        },
        async (g) => {
          const c = await caseOf(g);
          const i = inp<'legalReview'>(g);
          if (i.opinion !== 'disagree' && legalReviewItemIds.some((k) => !i.items[k]?.ok))
            return problem('REVIEW_INCONSISTENT', '有审核事项不合格，审核意见不能为“同意”');
          return c.deviationReason && i.opinion !== 'disagree' && !i.acceptsDeviation
            ? problem('DISCRETION_DEVIATION_NOT_ACCEPTED', '拟处罚超出裁量基准建议，须在审核意见中认可其理由或不同意')
            : [];
        },
      ],
      effect: async (g) => {
        const i = inp<'legalReview'>(g);
        const c = await caseOf(g);
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'legalReviewOpinion',
          date: g.date,
          override: i.instrumentData,
          specific: {
            submittingUnit: (await caseData2(g, c)).unit,
            submittedOn: g.date,
            proposedDecision: (c.proposed ?? []).map(penaltyLine).join('').replace(/；$/, '') || '不予行政处罚',
            majorReason: (c.major?.reasons ?? []).map((r) => r.text).join('；'),
            items: legalReviewItemIds.map((k) => ({ point: legalReviewItems[k], verdict: i.items[k]!.ok ? '符合' : '不符合', note: i.items[k]!.note ?? '' })),
            opinion: reviewOpinions[i.opinion],
            reasons: i.reasons,
            legalOffice: (await g.tx.query<{ name: string }>('select name from orgs where id = $1', [g.principal.orgId])).rows[0]?.name,
            reviewers: [g.principal.displayName],
            reviewDate: g.date,
          },
        });
        await insertReview(g, c, {
          kind: 'legalReview',
          items: i.items,
          opinion: i.opinion,
          reasons: i.reasons,
          acceptsDeviation: i.acceptsDeviation,
          instrumentId: ins.id,
        });
        return { opinion: i.opinion, instrumentId: ins.id, number: ins.number };
      },
    },
    submitForDiscussion: {
      label: '提请集体讨论',
      from: preDecision,
      to: 'discussion',
      roles: ['leader'],
      meets: ['penalty.statement', 'penalty.hearingRequest'],
      guards: [windowsClosed],
    },
    discuss: {
      label: '集体讨论',
      from: ['discussion'],
      to: 'toDecide',
      roles: ['leader'],
      guards: [
        async (g) => {
          const i = inp<'discuss'>(g);
          const out: Problem[] = [];
          if (i.attendees.length < DISCUSSION_MIN_ATTENDEES)
            out.push({ code: 'DISCUSSION_QUORUM', message: `集体讨论应有至少 ${DISCUSSION_MIN_ATTENDEES} 名负责人参加，本次 ${i.attendees.length} 名` });
          const silent = i.attendees.filter((a) => !i.opinions.some((o) => o.name === a.name));
          if (silent.length)
            out.push({
              code: 'DISCUSSION_OPINION_MISSING',
              message: `集体讨论记录须载明每名参加人员的意见：${silent.map((a) => a.name).join('、')}未发表意见`,
            });
          return out;
        },
      ],
      effect: async (g) => {
        const i = inp<'discuss'>(g);
        const c = await caseOf(g);
        const decisionText =
          i.decision === 'penalty' ? `经集体讨论，决定对当事人${(c.proposed ?? []).map(penaltyLine).join('')}` : '经集体讨论，决定对当事人不予行政处罚。';
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'collectiveDiscussion',
          date: i.heldOn,
          override: i.instrumentData,
          specific: {
            startAt: i.startAt,
            endAt: i.endAt.slice(11),
            place: i.place,
            host: i.chair,
            attendees: i.attendees.map((a) => a.name),
            reporter: i.reporter,
            recorder: i.recorder,
            briefing: i.minutes,
            opinions: i.opinions.map((o) => ({ speaker: o.name, text: o.opinion })),
            decision: decisionText,
          },
        });
        await g.tx.query(
          `insert into case_discussions (id, case_id, held_on, place, chair, attendees, opinions, decision, minutes, instrument_id) values ($1,$2,$3,$4,$5,$6::jsonb,$7::jsonb,$8,$9,$10)`,
          [randomUUID(), c.id, i.heldOn, i.place, i.chair, JSON.stringify(i.attendees), JSON.stringify(i.opinions), i.decision, i.minutes, ins.id],
        );
        return { decision: i.decision, instrumentId: ins.id, number: ins.number };
      },
    },
    proceedToDecision: {
      label: '进入决定',
      from: ['toNotify', ...preDecision],
      to: 'toDecide',
      roles: ['officer', 'leader'],
      meets: ['penalty.statement', 'penalty.hearingRequest'],
      guards: [
        async (g) =>
          g.matter.state === 'toNotify' && ((await caseOf(g)).proposed ?? []).length
            ? problem('PRIOR_NOTICE_MISSING', '拟给予行政处罚的，须先送达行政处罚告知书（行政处罚法 第四十四条）')
            : [],
        windowsClosed,
        async (g) => {
          const c = await caseOf(g);
          return c.major?.major
            ? problem(
                'LEGAL_REVIEW_REQUIRED',
                `本案属于重大执法决定（${c.major.reasons.map((r) => r.text).join('；')}），须经法制审核和集体讨论（行政处罚法 第五十七条第二款、第五十八条）`,
              )
            : [];
        },
      ],
    },
    decide: {
      label: '作出决定',
      from: ['toDecide'],
      to: 'decided',
      roles: ['leader'],
      guards: [
        windowsClosed,
        async (g) => {
          // the benchmark is evaluated again at the decision date: a later, more lenient rule applies (从旧兼从轻)
          const c0 = await caseOf(g);
          if (!c0.discretionInput || !c0.violationId) return [];
          const d = await discretionFor(g, c0, g.date, c0.discretionInput as never);
          caseCache.set(g.input, { ...c0, discretion: d });
          return [];
        },
        async (g) => {
          const c = await caseOf(g);
          const i = inp<'decide'>(g);
          const chosen = i.outcome === 'penalty' ? i.penalties : [];
          if (i.outcome === 'penalty' && !chosen.length) return problem('PENALTY_MISSING', '给予行政处罚的决定须载明处罚种类');
          if (i.outcome === 'noPenalty' && !i.noPenaltyReason) return problem('NO_PENALTY_REASON_MISSING', '不予行政处罚的决定须载明理由和依据');
          for (const p of chosen)
            if (p.kind === 'fine' && !(p.amountFen && p.amountFen > 0)) return problem('PENALTY_AMOUNT_MISSING', `${penaltyKinds[p.kind]}须写明金额`);
          const out: Problem[] = [];
          // the case is major if the decided penalty makes it so, whatever the proposal said
          const major = await majorNow(g.tx, c, chosen, g.date, !!c.hearing?.heldOn);
          if (major.major) {
            const review = latest(await reviewsOf(g.tx, c.id), 'legalReview');
            if (!review || review.opinion === 'disagree') {
              out.push({
                code: 'LEGAL_REVIEW_REQUIRED',
                message: `重大执法决定（${major.reasons.map((r) => r.text).join('；')}）未经法制审核或者审核未通过的，不得作出决定（行政处罚法 第五十八条）`,
              });
            }
            const disc = latest(await discussionsOf(g.tx, c.id));
            if (!disc)
              out.push({
                code: 'COLLECTIVE_DISCUSSION_REQUIRED',
                message: '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法 第五十七条第二款）',
              });
            else if (disc.decision !== i.outcome)
              out.push({
                code: 'DECISION_DIFFERS_FROM_DISCUSSION',
                message: `集体讨论决定“${disc.decision === 'penalty' ? '给予行政处罚' : '不予行政处罚'}”，决定须与之一致`,
              });
          }
          if (chosen.length) out.push(...(await deviationAccepted(g, c, chosen, i.reason ?? c.deviationReason, true)));
          return out;
        },
      ],
      meets: ['penalty.decision', 'penalty.statement', 'penalty.hearingRequest'],
      opens: [{ ruleId: 'penalty.service' }],
      effect: async (g) => {
        const i = inp<'decide'>(g);
        const c = await caseOf(g);
        const penalties = i.outcome === 'penalty' ? i.penalties : [];
        const fineFen = penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0);
        const confiscationFen = penalties
          .filter((p) => p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty')
          .reduce((s, p) => s + (p.amountFen ?? 0), 0);
        const withDecision: CaseRow = { ...c, decision: { outcome: i.outcome, penalties, decidedOn: g.date, instrumentId: '', number: '' } };
        const notice = c.notice
          ? `${cnDate(c.notice.servedOn)}，本局向当事人送达了《行政处罚告知书》（${c.notice.instrumentNumbers[0]}），告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩${c.notice.hearingEligible ? '和要求听证' : ''}的权利。`
          : '';
        const defence = c.statement
          ? `当事人于${cnDate(c.statement.receivedOn)}提出陈述申辩意见：${c.statement.text}本局经复核认为：${c.statement.reply}`
          : c.notice
            ? '当事人在法定期限内未提出陈述、申辩意见。'
            : '';
        const caseIntro = `${cnDate(c.receivedOn)}，本局${c.source === 'complaint' ? '接到投诉' : c.source === 'report' ? '接到举报' : '发现案件线索'}，反映当事人涉嫌${c.discretion?.violationName ?? c.summary}。${c.filedOn ? `经批准，本局于${cnDate(c.filedOn)}立案调查。` : ''}`;
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), withDecision, {
          kind: i.outcome === 'penalty' ? 'penaltyDecision' : 'noPenaltyDecision',
          date: g.date,
          override: i.instrumentData,
          specific:
            i.outcome === 'penalty'
              ? {
                  caseIntro,
                  noticeAndDefence: `${notice}${defence}`,
                  hearingSummary: c.hearing?.heldOn ? `本局于${cnDate(c.hearing.heldOn)}依法举行听证。${c.hearing.report ?? ''}` : undefined,
                  fine: fineFen || undefined,
                  discretion: `${(await caseData2(g, c)).discretion ?? ''}${i.reason ? `本局认为：${i.reason}` : ''}` || undefined,
                }
              : {
                  caseIntro,
                  noticeAndDefence: notice ? `${notice}${defence}` : undefined,
                  noPenaltyReason: i.noPenaltyReason,
                  noPenaltyBasis: '《中华人民共和国行政处罚法》第三十三条',
                },
        });
        await patchCase(g.tx, c.id, {
          decision: { outcome: i.outcome, penalties, decidedOn: g.date, instrumentId: ins.id, number: ins.number, reason: i.reason },
          fineFen,
          confiscationFen,
          discretion: c.discretion,
        });
        return {
          outcome: i.outcome,
          fineFen,
          instrumentId: ins.id,
          number: ins.number,
          tier: c.discretion?.tier ?? null,
          rulesDigest: c.discretion?.rulesDigest ?? null,
        };
      },
    },
    serve: {
      label: '送达决定书',
      from: ['decided'],
      to: 'served',
      roles: ['officer'],
      guards: [
        async (g) => {
          const i = inp<'serve'>(g);
          const step = serviceMethods[i.method].av;
          return step ? avRecorded(g.tx, g.matter.id, step, i.avFileIds) : [];
        },
        async (g) => {
          const c = await caseOf(g);
          return inp<'serve'>(g).servedOn < c.decision!.decidedOn ? problem('SERVICE_BEFORE_DECISION', '送达日期不能早于决定日期') : [];
        },
      ],
      meets: ['penalty.service'],
      opens: [{ ruleId: 'penalty.payment', startFrom: 'servedOn', when: async (g) => (await caseOf(g as G)).fineFen > 0 }],
      effect: async (g) => {
        const i = inp<'serve'>(g);
        const c = await caseOf(g);
        const pages = 0;
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'serviceReceipt',
          date: i.servedOn,
          override: i.instrumentData,
          specific: {
            recipient: { name: i.recipient, address: c.party.address },
            documents: [
              { title: c.decision!.outcome === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书', number: c.decision!.number, ...(pages ? { pages } : {}) },
            ],
            method: serviceMethods[i.method].label,
            servedAt: i.servedAt ?? `${i.servedOn}T10:00`,
            receiver: i.receiver,
            servers: (await officerRefs(g.tx, c.investigatorIds, g.date)).map((o) => o.name),
          },
        });
        let paymentDue: string | null = null;
        if (c.fineFen > 0) paymentDue = computeDeadline(deadlineRule('penalty.payment'), await loadCalendar(g.tx), { start: i.servedOn }).due;
        await patchCase(g.tx, c.id, { service: { servedOn: i.servedOn, method: i.method, recipient: i.recipient, note: i.receiver ?? null }, paymentDue });
        return { instrumentId: ins.id, number: ins.number, paymentDue };
      },
    },
    applyEnforcement: {
      label: '申请人民法院强制执行',
      from: ['served'],
      to: 'enforcement',
      roles: ['leader'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          const paid = (await paymentsOf(g.tx, c.id)).reduce((s, p) => s + p.finePartFen, 0);
          if (c.fineFen - paid <= 0) return problem('NOTHING_TO_ENFORCE', '罚款已缴清，无需申请强制执行');
          const due = c.paymentPlan ? c.paymentPlan.instalments.at(-1)!.dueOn : c.paymentDue;
          return due && g.date <= due ? problem('PAYMENT_NOT_OVERDUE', `缴款期限至 ${due}，期满前不能申请强制执行`) : [];
        },
      ],
      effect: async (g) => {
        const i = inp<'applyEnforcement'>(g);
        await patchCase(g.tx, g.matter.id, { enforcement: { appliedOn: i.appliedOn, court: i.court, outcome: null } });
      },
    },
    close: {
      label: '结案',
      from: ['served', 'enforcement', 'referred'],
      to: 'closed',
      roles: ['leader'],
      guards: [
        async (g) => {
          const c = await caseOf(g);
          if (g.matter.state === 'referred') return c.referral?.answer === 'accepted' ? [] : problem('REFERRAL_PENDING', '移送案件须待接收机关立案后结案');
          if (g.matter.state === 'enforcement')
            return inp<'close'>(g).enforcementOutcome ? [] : problem('ENFORCEMENT_OUTCOME_MISSING', '申请强制执行的案件结案须载明执行结果');
          if (c.fineFen === 0) return [];
          const pays = await paymentsOf(g.tx, c.id);
          const finePaid = pays.reduce((s, p) => s + p.finePartFen, 0);
          if (finePaid < c.fineFen)
            return problem('FINE_UNPAID', `罚款 ${formatYuan(c.fineFen)} 尚有 ${formatYuan(c.fineFen - finePaid)} 未缴纳，不能结案（可申请强制执行）`);
          return [];
        },
      ],
      effect: async (g) => {
        const i = inp<'close'>(g);
        const c = await caseOf(g);
        const pays = await paymentsOf(g.tx, c.id);
        const execution =
          c.referral?.answer === 'accepted'
            ? `案件已于${cnDate(c.referral.answeredOn!)}移送${c.referral.to}，对方已立案。`
            : [
                c.service
                  ? `${c.decision?.outcome === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书'}已于${cnDate(c.service.servedOn)}${serviceMethods[c.service.method as keyof typeof serviceMethods]?.label ?? ''}当事人。`
                  : '',
                ...pays.map(
                  (p) => `当事人于${cnDate(p.paidOn)}缴纳${formatYuan(p.amountFen)}${p.lateFeeFen ? `（其中加处罚款${formatYuan(p.lateFeeFen)}）` : ''}。`,
                ),
                i.enforcementOutcome ? `强制执行情况：${i.enforcementOutcome}` : '',
              ].join('');
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'closureApproval',
          date: g.date,
          override: i.instrumentData,
          specific: {
            decisionNumber: c.decision?.number,
            outcome: c.decision ? c.decision.penalties.map(penaltyLine).join('') || '不予行政处罚' : `移送${c.referral?.to ?? ''}`,
            execution: execution || '无需执行。',
            handlerOpinion: '处理决定已执行完毕，建议结案。',
            handlerDate: g.date,
            unitOpinion: '同意结案。',
            unitHead: leaderName(g),
            unitDate: g.date,
            leaderOpinion: i.opinion,
            leader: leaderName(g),
            leaderDate: g.date,
          },
        });
        await patchCase(g.tx, c.id, {
          closedOn: g.date,
          ...(c.enforcement && i.enforcementOutcome ? { enforcement: { ...c.enforcement, outcome: i.enforcementOutcome } } : {}),
        });
        return { instrumentId: ins.id, number: ins.number };
      },
    },
    archive: {
      label: '归档',
      from: ['closed'],
      to: 'archived',
      roles: ['officer', 'admin'],
      effect: async (g) => {
        await patchCase(g.tx, g.matter.id, { archivedOn: g.date });
      },
    },
    proposeReferral: {
      label: '提请移送',
      from: ['verifying', 'investigating'],
      to: 'referralProposed',
      roles: ['officer'],
      opens: [{ ruleId: 'referral.approval' }],
      effect: async (g) => {
        const i = inp<'proposeReferral'>(g);
        await patchCase(g.tx, g.matter.id, { referral: { kind: i.kind, to: i.to, reason: `${i.reason}\n${i.suspicion}`, proposedOn: g.date } });
      },
    },
    approveReferral: {
      label: '批准移送',
      from: ['referralProposed'],
      to: 'referred',
      roles: ['leader'],
      meets: ['referral.approval'],
      opens: [{ ruleId: 'referral.policeDecision', startFrom: 'transferredOn', when: async (g) => (await caseOf(g as G)).referral?.kind === 'police' }],
      effect: async (g) => {
        const i = inp<'approveReferral'>(g);
        const c = await caseOf(g);
        let number: string | undefined;
        if (c.referral!.kind === 'police') {
          const [reason, suspicion] = c.referral!.reason.split('\n');
          number = (
            await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
              kind: 'criminalReferral',
              date: g.date,
              override: i.instrumentData,
              specific: { police: c.referral!.to, suspicion: suspicion ?? reason, summary: c.facts ?? c.summary, attachments: i.attachments },
            })
          ).number;
        }
        await patchCase(g.tx, c.id, { referral: { ...c.referral!, approvedOn: g.date, instrumentNumber: number } });
        return number ? { number } : {};
      },
    },
    rejectReferral: {
      label: '不批准移送',
      from: ['referralProposed'],
      to: 'investigating',
      roles: ['leader'],
      meets: ['referral.approval'],
      guards: [async (g) => ((await caseOf(g)).filedOn ? [] : problem('NOT_FILED', '未立案的线索不批准移送的，请先提请立案'))],
    },
    policeAccepted: {
      label: '接收机关已立案',
      from: ['referred'],
      to: 'referred',
      roles: ['officer', 'leader'],
      meets: ['referral.policeDecision'],
      effect: async (g) => {
        const i = inp<'policeAccepted'>(g);
        const c = await caseOf(g);
        await patchCase(g.tx, c.id, { referral: { ...c.referral!, answer: 'accepted', answeredOn: i.answeredOn, answerNote: i.note } });
      },
    },
    policeRefused: {
      label: '接收机关不予立案',
      from: ['referred'],
      to: 'investigating',
      roles: ['officer', 'leader'],
      meets: ['referral.policeDecision'],
      guards: [async (g) => ((await caseOf(g)).filedOn ? [] : problem('NOT_FILED', '退回的线索须先立案才能继续调查'))],
      opens: [{ ruleId: 'referral.reconsiderationRequest', startFrom: 'answeredOn', when: async (g) => (await caseOf(g as G)).referral?.kind === 'police' }],
      effect: async (g) => {
        const i = inp<'policeRefused'>(g);
        const c = await caseOf(g);
        await patchCase(g.tx, c.id, { referral: { ...c.referral!, answer: 'refused', answeredOn: i.answeredOn, answerNote: i.note } });
      },
    },
    decideOnSite: {
      label: '当场作出行政处罚决定',
      from: ['lead'],
      to: 'served',
      roles: ['officer'],
      guards: [
        async (g) => ((await caseOf(g)).procedure === 'summary' ? [] : problem('PROCEDURE_MISMATCH', '普通程序案件不能当场处罚')),
        async (g) => {
          const c = await caseOf(g);
          const r = summaryAllowed(c.partyType, inp<'decideOnSite'>(g).penalties);
          return r.allowed ? [] : problem('SUMMARY_NOT_ALLOWED', r.reason);
        },
        async (g) => {
          const i = inp<'decideOnSite'>(g);
          const v = (await g.tx.query('select 1 from violations where id = $1 and active', [i.violationId])).rows.length;
          return v ? withinLimitation(g.tx, i.violationDate, false, g.date) : problem('VIOLATION_UNKNOWN', `违法行为 ${i.violationId} 不在违法行为目录中`);
        },
        async (g) => certified(g, inp<'decideOnSite'>(g).officerIds, 'summaryPenalty'),
        async (g) => avRecorded(g.tx, g.matter.id, 'summaryPenalty', inp<'decideOnSite'>(g).avFileIds),
      ],
      opens: [
        {
          ruleId: 'penalty.payment',
          when: async (g) => {
            const i = inp<'decideOnSite'>(g as G);
            return !i.collectedOnSite && i.penalties.some((p) => p.kind === 'fine');
          },
        },
      ],
      effect: async (g) => {
        const i = inp<'decideOnSite'>(g);
        const c0 = await caseOf(g);
        const fineFen = i.penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0);
        const v = (
          await g.tx.query<{ name: string; violates: string[]; punishes: string[] }>('select name, violates, punishes from violations where id = $1', [
            i.violationId,
          ])
        ).rows[0];
        const c: CaseRow = { ...c0, violationId: i.violationId, violationDate: i.violationDate, investigatorIds: i.officerIds, facts: i.facts };
        const data2 = await caseData2(g, c);
        const ins = await issueCaseInstrument(g.ctx, g.tx, actor(g), c, {
          kind: 'summaryPenaltyDecision',
          date: g.date,
          override: i.instrumentData,
          specific: {
            occurredAt: i.occurredAt,
            place: i.place,
            facts: i.facts,
            violatedProvision: await provisionText(g.tx, v.violates),
            penaltyBasis: await provisionText(g.tx, v.punishes),
            penalty: i.penalties.map(penaltyLine).join(''),
            fine: fineFen || undefined,
            collectedOnSite: i.collectedOnSite ? '是' : undefined,
            officers: await officerRefs(g.tx, i.officerIds, g.date),
            reconsiderationBody: data2.reconsiderationBody,
          },
        });
        const paymentDue =
          fineFen && !i.collectedOnSite ? computeDeadline(deadlineRule('penalty.payment'), await loadCalendar(g.tx), { start: g.date }).due : null;
        await patchCase(g.tx, c.id, {
          violationId: i.violationId,
          violationDate: i.violationDate,
          investigatorIds: i.officerIds,
          facts: i.facts,
          proposed: i.penalties,
          fineFen,
          decision: { outcome: 'penalty', penalties: i.penalties, decidedOn: g.date, instrumentId: ins.id, number: ins.number },
          service: { servedOn: g.date, method: 'direct', recipient: c.party.name, note: '当场交付' },
          paymentDue,
        });
        if (i.collectedOnSite && fineFen) {
          await g.tx.query(
            `insert into case_payments (id, case_id, paid_on, amount_fen, fine_part_fen, late_fee_fen, receipt_no, recorded_by) values ($1,$2,$3,$4,$4,0,$5,$6)`,
            [randomUUID(), c.id, g.date, fineFen, '当场收缴', g.principal.userId],
          );
        }
        return { number: ins.number, instrumentId: ins.id, fineFen, collectedOnSite: i.collectedOnSite };
      },
    },
  },
};

const caseData2 = (g: G, c: CaseRow) =>
  caseData(g.tx, c, g.date) as Promise<{ violatedProvision: string; unit: string; discretion: string | null; reconsiderationBody: string }>;

async function insertReview(
  g: G,
  c: CaseRow,
  r: {
    kind: 'caseAudit' | 'legalReview';
    items: Record<string, unknown>;
    opinion: string;
    reasons: string;
    acceptsDeviation: boolean;
    instrumentId: string | null;
  },
) {
  await g.tx.query(
    `insert into case_reviews (id, case_id, kind, reviewer_id, reviewer_name, items, opinion, reasons, accepts_deviation, reviewed_on, instrument_id) values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9,$10,$11)`,
    [
      randomUUID(),
      c.id,
      r.kind,
      g.principal.userId,
      g.principal.displayName,
      JSON.stringify(r.items),
      r.opinion,
      r.reasons,
      r.acceptsDeviation,
      g.date,
      r.instrumentId,
    ],
  );
}

/**
 * Who sees a case beyond the handling unit's subtree: the deciding body's legal reviewers and
 * leaders (a 法制科 reviewer reviews the stations' cases; the 局领导 approves them).
 */
export async function caseVisible(q: Queryable, p: Principal, m: MatterRow): Promise<boolean> {
  if (!p.roles.some((r) => r === 'legalReviewer' || r === 'leader' || r === 'supervisor')) return false;
  const body = (await q.query<{ bodyId: string }>('select body_id as "bodyId" from cases where id = $1', [m.id])).rows[0]?.bodyId;
  if (!body) return false;
  if (p.scope.has(body)) return true;
  return (await orgChain(q, p.orgId)).includes(body);
}
