/**
 * The case's instruments (文书): the data each template needs, taken from the case and the act
 * being done, plus what only a person can write (`instrumentData`, e.g. the questions and answers
 * of a 询问笔录). The one generator (platform/documents) fills, renders, numbers and records it;
 * a field the case cannot supply and nobody gave fails with INSTRUMENT_DATA_MISSING, listing it.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/record/ledger.ts';
import { issueInstrument, type InstrumentRecord } from '../../platform/documents/issue.ts';
import { effectiveStatus } from '../../domain/certifiedDuty.ts';
import { caseSources, evidenceKinds } from '../../domain/cases/rules.ts';
import { officerFacts } from '../officers/index.ts';
import { articleRefs } from '../discretion/index.ts';
import { asNotice, circumstancesOf, cnDate, discretionSentence, paymentFields, penaltyLine, penaltyLines, provisionsOf, sentence } from './instrumentText.ts';
import { evidenceOf, type CaseRow } from './store.ts';

/** {name, certNo} of officers, with the certificate valid on the date (the first one otherwise). */
export async function officerRefs(q: Queryable, ids: string[], date: string) {
  const facts = await officerFacts(q, ids);
  return ids
    .map((id) => facts.find((f) => f.id === id))
    .filter((f) => !!f)
    .map((f) => {
      const cert = f.certificates.find((c) => effectiveStatus(c, date) === 'valid') ?? f.certificates[0];
      return { name: f.name, certNo: cert?.number ?? '' };
    });
}

/** 《中华人民共和国食品安全法》第三十四条、第一百二十四条 — from the law library's article ids. */
export async function provisionText(q: Queryable, articleIds: string[]): Promise<string> {
  if (!articleIds.length) return '';
  return provisionsOf(articleIds, await articleRefs(q, articleIds));
}

/**
 * 裁量理由 in official wording (instrumentText.discretionSentence), with the articles of the circumstances the
 * frozen calculation recognised; and, when it found a ground not to punish, that ground's articles (不予处罚的依据).
 */
async function discretionOf(q: Queryable, c: CaseRow) {
  const d = c.discretion;
  if (!d) return { discretion: null, noPenaltyBasis: undefined };
  const chosenIds = ((c.discretionInput?.circumstances as string[] | undefined) ?? []).filter((x) => typeof x === 'string');
  const tierStep = [...d.trace].reverse().find((t) => t.step === 'tier');
  const ids = [...circumstancesOf(d, chosenIds).flatMap((x) => x.articleIds), ...(tierStep?.articleIds ?? [])];
  const refs = await articleRefs(q, [...new Set(ids)]);
  // a proposal (or decision) outside the benchmark: the benchmark's tier, then the body's reason (第四十四条: the notice states the 理由)
  const reason = c.decision?.reason ?? c.deviationReason;
  return {
    discretion: `${discretionSentence(d, refs, { chosenIds, deviates: !!reason })}${reason ? `本局认为，${sentence(reason)}` : ''}`,
    noPenaltyBasis: d.tier === 'noPenalty' && tierStep ? provisionsOf(tierStep.articleIds, refs) || undefined : undefined,
  };
}

const orgName = async (q: Queryable, id: string) => (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0]?.name ?? '';

/**
 * The reconsideration body and the court of a district body: since the 2023 行政复议法 (第二十四条)
 * the people's government at the same level; the court of the same district. Overridable per
 * instrument through instrumentData.
 */
const remedies = (bodyName: string) => {
  const place = bodyName.replace(/市场监督管理局$|市场监管局$/, '');
  return { reconsiderationBody: `${place}人民政府`, court: `${place}人民法院` };
};

/** What every instrument of the case can say about it. */
export async function caseData(q: Queryable, c: CaseRow, date: string) {
  const [unit, body, evidence, handlers] = await Promise.all([
    orgName(q, c.unitId),
    orgName(q, c.bodyId),
    evidenceOf(q, c.id),
    officerRefs(q, c.investigatorIds, date),
  ]);
  const d = c.discretion;
  const violation = d?.violationName ?? c.summary.slice(0, 40);
  const penalties = c.decision?.penalties ?? c.proposed ?? [];
  const { discretion, noPenaltyBasis } = await discretionOf(q, c);
  return {
    party: { ...c.party, licenceName: c.party.licenceName ?? (c.party.type === 'organisation' || c.party.uscc ? '营业执照' : null) },
    caseName: `${c.party.name}${violation}案`,
    cause: violation,
    source: caseSources[c.source as keyof typeof caseSources] ?? c.source,
    receivedOn: c.receivedOn,
    unit,
    handlers,
    filedOn: c.filedOn ?? (c.procedure === 'summary' ? c.decision?.decidedOn : null),
    summary: c.summary,
    facts: c.facts,
    evidence: evidence.map(
      (e, i) =>
        `${cnDate(e.collectedOn)}${evidenceKinds[e.kind]?.label ?? e.kind}：${e.title}${e.fileIds.length ? `（附音像及电子文件${e.fileIds.length}份）` : ''}${i === evidence.length - 1 ? '。' : '；'}`,
    ),
    evidenceSummary: [...new Set(evidence.map((e) => evidenceKinds[e.kind]?.label ?? e.kind))].join('、'),
    violatedProvision: d ? await provisionText(q, d.violates) : null,
    violation: `${violation}的违法行为`,
    penaltyBasis: d ? await provisionText(q, d.punishes) : null,
    penalties: penaltyLines(penalties),
    discretion,
    // the 告知书 says it to the party, as proposed
    discretionProposed: discretion ? asNotice(discretion) : null,
    ...(noPenaltyBasis ? { noPenaltyBasis } : {}),
    // 罚款 and 没收违法所得: each line and the total to pay (the value of confiscated property is not paid)
    ...paymentFields(penalties),
    contact: c.contact,
    ...remedies(body),
  };
}

/**
 * Sets what a person wrote at the path the generator reported missing (`party.legalRep`,
 * `items[2].note`, `a||b` → the first), copying the objects on the way so the case's data is not changed.
 */
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path
    .split('||')[0]
    .split(/\.|\[(\d+)\]/)
    .filter((k) => k !== undefined && k !== '');
  let cur: Record<string, unknown> = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      cur[k] = value;
      return;
    }
    const next = cur[k];
    const copy = Array.isArray(next) ? [...next] : next && typeof next === 'object' ? { ...(next as object) } : /^\d+$/.test(keys[i + 1]) ? [] : {};
    cur[k] = copy;
    cur = copy as Record<string, unknown>;
  });
}

/** Issues one instrument of the case in the caller's transaction. `specific` is what the act adds; `override` what a person wrote. */
export async function issueCaseInstrument(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  c: CaseRow,
  input: { kind: string; date: string; specific?: Record<string, unknown>; override?: Record<string, unknown> },
): Promise<InstrumentRecord> {
  const data: Record<string, unknown> = { ...(await caseData(tx, c, input.date)), ...(input.specific ?? {}) };
  for (const [path, value] of Object.entries(input.override ?? {})) setPath(data, path, value);
  return issueInstrument(ctx, tx, actor, { orgId: c.bodyId, kind: input.kind, matterType: 'case', matterId: c.id, data, date: input.date });
}

export { cnDate, penaltyLine };
