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
import { formatYuan } from '../../domain/discretion/money.ts';
import { penaltyKinds } from '../../domain/discretion/vocabulary.ts';
import type { ChosenPenalty } from '../../domain/cases/decide.ts';
import { officerFacts } from '../officers/index.ts';
import { articleRefs } from '../discretion/index.ts';
import { evidenceOf, type CaseRow } from './store.ts';

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

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
  const refs = await articleRefs(q, articleIds);
  const byTitle = new Map<string, string[]>();
  for (const id of articleIds) {
    const r = refs[id];
    if (!r) continue;
    byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.label]);
  }
  return [...byTitle].map(([title, labels]) => `《${title}》${labels.join('、')}`).join('和');
}

export const penaltyLine = (p: ChosenPenalty) =>
  p.kind === 'fine'
    ? `罚款${formatYuan(p.amountFen ?? 0)}${p.note ? `（${p.note}）` : ''}；`
    : (p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty') && p.amountFen
      ? `${penaltyKinds[p.kind]}${formatYuan(p.amountFen)}${p.note ? `（${p.note}）` : ''}；`
      : `${penaltyKinds[p.kind]}${p.note ? `：${p.note}` : ''}；`;

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
  const fine = penalties.find((p) => p.kind === 'fine')?.amountFen ?? null;
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
    penalties: penalties.map(penaltyLine),
    discretion: d
      ? `${
          d.trace
            .filter((t) => t.step.startsWith('tier') || t.step.startsWith('circumstance'))
            .map((t) => t.text)
            .join('；') || d.tierLabel
        }。`
      : null,
    fine,
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

export { cnDate };
