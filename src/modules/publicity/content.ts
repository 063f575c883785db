/**
 * What a publication says. A penalty decision (市场监督管理行政处罚信息公示规定 第四条—第七条): the
 * decision's text and a summary — 文号, party, violation type, facts, basis, penalty, body, date — with
 * personal data masked (第六条). A random-inspection result: the entity, the task, its items, the date
 * and the finding. Built once from the source when it is published; a correction replaces fields.
 */
import { z } from 'zod';
import { enforcementFields } from '../../domain/certifiedDuty.ts';
import { penaltyKinds, type PenaltyKind } from '../../domain/discretion/vocabulary.ts';
import { leaksPersonalData, maskAddress, maskIdNumber, maskText, type PersonalData } from '../../domain/publicity/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { issuingOrg } from '../../platform/documents/issue.ts';
import type { LaidOutInstrument } from '../../platform/documents/model.ts';
import { layOutInstrument } from '../../platform/documents/render.ts';
import { penaltyLine, provisionText } from '../cases/index.ts';
import type { CaseRow } from '../cases/index.ts';
import { findingIds, findingLabels } from '../inspections/index.ts';

const ZParty = z.object({
  type: z.enum(['organisation', 'naturalPerson']),
  typeLabel: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  idNumber: z.string().nullable(),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
});
const ZBody = z.object({ id: z.string(), name: z.string(), uscc: z.string().nullable() });

/** The published content of a penalty decision: every field here is public; nothing else is ever copied out. */
export const ZPenaltyContent = z.object({
  kind: z.literal('penalty'),
  title: z.string(),
  number: z.string(),
  party: ZParty,
  violation: z.string(),
  facts: z.string(),
  basis: z.string(),
  penalties: z.array(z.object({ kind: z.string(), label: z.string(), amountFen: z.number().nullable(), note: z.string().nullable() })),
  penaltyText: z.string(),
  fineFen: z.number(),
  confiscationFen: z.number(),
  body: ZBody,
  decidedOn: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  procedure: z.enum(['ordinary', 'summary']),
  text: z.array(z.string()),
});

/**
 * The published result of one inspected entity in a random inspection (抽查检查结果, 企业信息公示暂行条例
 * 第六条; 双随机、一公开): the task, its items, the date and the finding — one publication per entity,
 * so it is found by the entity's name or code and corrected or withdrawn on its own.
 */
export const ZInspectionResultContent = z.object({
  kind: z.literal('inspectionResult'),
  title: z.string(),
  /** the task's name: what 文号 is to a decision */
  number: z.string(),
  party: ZParty,
  task: z.object({ name: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  inspectedOn: z.string(),
  finding: z.string(),
  findingLabel: z.string(),
  description: z.string(),
  body: ZBody,
  decidedOn: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
});

export const ZPublicContent = z.discriminatedUnion('kind', [ZPenaltyContent, ZInspectionResultContent]);
export type PublicContent = z.infer<typeof ZPublicContent>;
export type PenaltyContent = z.infer<typeof ZPenaltyContent>;
export type InspectionResultContent = z.infer<typeof ZInspectionResultContent>;

/** The fields a correction may replace (the rest follows from the decision or the inspection itself). */
export const ZContentCorrection = z.strictObject({
  violation: z.string().trim().min(1).max(200).optional(),
  facts: z.string().trim().min(1).max(5000).optional(),
  basis: z.string().trim().min(1).max(1000).optional(),
  penaltyText: z.string().trim().min(1).max(1000).optional(),
  partyName: z.string().trim().min(1).max(200).optional(),
  partyAddress: z.string().trim().min(1).max(200).optional(),
  text: z.array(z.string().max(5000)).max(200).optional(),
  // an inspection result
  finding: z.enum(findingIds).optional(),
  description: z.string().trim().max(2000).optional(),
});
export type ContentCorrection = z.infer<typeof ZContentCorrection>;

/** The decision instrument as plain paragraphs (tables as tab-separated cells). */
export function instrumentText(doc: LaidOutInstrument): string[] {
  const out: string[] = [doc.orgName, doc.title, doc.number];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') out.push(b.paragraph.runs.map((r) => r.text).join(''));
    else if (b.type === 'table')
      for (const row of b.rows) out.push(row.map((c) => c.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ')).join('\t'));
    else if (b.type === 'signature') out.push(...b.lines, b.date);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

export const personalDataOf = (c: CaseRow): PersonalData => ({
  idNumbers: [c.party.idNumber, c.party.legalRepId],
  phones: [c.party.phone],
  addresses: c.party.type === 'naturalPerson' ? [c.party.address] : [],
});

/** Masks every string of a content object the way the party's data requires. */
export function maskContent<C extends PublicContent>(input: C, known: PersonalData): C {
  const m = (s: string) => maskText(s, known);
  const content: PublicContent = input;
  if (content.kind === 'inspectionResult')
    return { ...content, party: { ...content.party, name: m(content.party.name) }, description: m(content.description) } as C;
  const c: PenaltyContent = {
    ...content,
    violation: m(content.violation),
    facts: m(content.facts),
    basis: m(content.basis),
    penaltyText: m(content.penaltyText),
    party: {
      ...content.party,
      name: m(content.party.name),
      address:
        content.party.address === null
          ? null
          : content.party.type === 'naturalPerson' && !content.party.address.endsWith('****')
            ? maskAddress(content.party.address)
            : m(content.party.address),
    },
    penalties: content.penalties.map((p) => ({ ...p, note: p.note === null ? null : m(p.note) })),
    text: content.text.map(m),
  };
  return c as C;
}

/** Fails loudly rather than publish something shaped like an unmasked id, phone or account. */
export function assertMasked(c: PublicContent): void {
  const all =
    c.kind === 'inspectionResult'
      ? [c.party.name, c.description, c.number]
      : [c.violation, c.facts, c.basis, c.penaltyText, c.party.name, c.party.address ?? '', ...c.text, ...c.penalties.map((p) => p.note ?? '')];
  const bad = all.find((s) => leaksPersonalData(s));
  if (bad) throw new Error(`publication content still holds personal data: ${bad.slice(0, 40)}`);
}

export async function buildPenaltyContent(q: Queryable, c: CaseRow): Promise<PenaltyContent> {
  const d = c.decision!;
  const body = (await q.query<{ id: string; name: string; uscc: string | null }>('select id, name, uscc from orgs where id = $1', [c.bodyId])).rows[0];
  const v = c.violationId
    ? (await q.query<{ name: string; punishes: string[] }>('select name, punishes from violations where id = $1', [c.violationId])).rows[0]
    : null;
  const ins = d.instrumentId
    ? (
        await q.query<{ kind: string; data: Record<string, unknown>; issuedOn: string; seq: number; orgId: string }>(
          'select kind, data, issued_on as "issuedOn", seq, org_id as "orgId" from instruments where id = $1',
          [d.instrumentId],
        )
      ).rows[0]
    : undefined;
  let text: string[] = [];
  if (ins) {
    const org = await issuingOrg(q, ins.orgId);
    text = instrumentText(
      layOutInstrument(ins.kind, ins.data, { orgName: org.name, orgCode: org.code, date: ins.issuedOn, seq: Number(ins.seq), watermark: null }),
    );
  }
  const natural = c.party.type === 'naturalPerson';
  const penalties = d.penalties.map((p) => ({
    kind: p.kind,
    label: penaltyKinds[p.kind as PenaltyKind] ?? p.kind,
    amountFen: p.amountFen ?? null,
    note: p.note ?? null,
  }));
  const content: PenaltyContent = {
    kind: 'penalty',
    title: c.procedure === 'summary' ? '当场行政处罚决定书' : '行政处罚决定书',
    number: d.number,
    party: {
      type: c.party.type,
      typeLabel: natural ? '自然人' : '法人及非法人组织',
      name: c.party.name,
      uscc: c.party.uscc ?? null,
      idNumber: natural && c.party.idNumber ? maskIdNumber(c.party.idNumber) : null,
      legalRep: natural ? null : (c.party.legalRep ?? null),
      address: c.party.address ? (natural ? maskAddress(c.party.address) : c.party.address) : null,
    },
    violation: v?.name ?? c.discretion?.violationName ?? c.summary,
    facts: c.facts ?? c.summary,
    basis: v ? await provisionText(q, v.punishes) : '',
    penalties,
    penaltyText: d.penalties.map(penaltyLine).join('').replace(/；$/, ''),
    fineFen: Number(c.fineFen),
    confiscationFen: Number(c.confiscationFen),
    body: { id: body.id, name: body.name, uscc: body.uscc },
    decidedOn: d.decidedOn,
    field: c.field,
    fieldLabel: enforcementFields[c.field as keyof typeof enforcementFields] ?? c.field,
    procedure: c.procedure,
    text,
  };
  const masked = maskContent(content, personalDataOf(c));
  assertMasked(masked);
  return masked;
}

/** The public result of one inspected entity (an `inspection_results` row), read when the task's results are published. */
export async function buildInspectionResultContent(q: Queryable, resultId: string): Promise<InspectionResultContent> {
  const r = (
    await q.query<{
      name: string;
      uscc: string;
      inspectedOn: string;
      finding: keyof typeof findingLabels;
      description: string;
      taskName: string;
      periodStart: string;
      periodEnd: string;
      itemIds: string;
      field: string;
      bodyId: string;
      bodyName: string;
      bodyUscc: string | null;
    }>(
      `select t.name, t.uscc, r.inspected_on as "inspectedOn", r.finding, r.description, k.name as "taskName", k.period_start as "periodStart", k.period_end as "periodEnd",
            k.item_ids as "itemIds", k.field, o.id as "bodyId", o.name as "bodyName", o.uscc as "bodyUscc"
       from inspection_results r join inspection_targets t on t.id = r.target_id join inspection_tasks k on k.id = r.task_id join orgs o on o.id = k.body_id
      where r.id = $1`,
      [resultId],
    )
  ).rows[0];
  if (!r) throw new Error(`inspection result ${resultId} not found`);
  const items = (
    await q.query<{ code: string; name: string }>('select code, name from inspection_items where id = any($1) order by code', [JSON.parse(r.itemIds)])
  ).rows;
  const content: InspectionResultContent = {
    kind: 'inspectionResult',
    title: '双随机抽查检查结果',
    number: r.taskName,
    party: { type: 'organisation', typeLabel: '市场主体', name: r.name, uscc: r.uscc, idNumber: null, legalRep: null, address: null },
    task: { name: r.taskName, periodStart: r.periodStart, periodEnd: r.periodEnd },
    items,
    inspectedOn: r.inspectedOn,
    finding: r.finding,
    findingLabel: findingLabels[r.finding] ?? r.finding,
    description: r.description,
    body: { id: r.bodyId, name: r.bodyName, uscc: r.bodyUscc },
    decidedOn: r.inspectedOn,
    field: r.field,
    fieldLabel: enforcementFields[r.field as keyof typeof enforcementFields] ?? r.field,
  };
  const masked = maskContent(content, {});
  assertMasked(masked);
  return masked;
}

/** Applies a correction and masks the result again. */
export function correctContent(old: PublicContent, fix: ContentCorrection, known: PersonalData): PublicContent {
  const party = { ...old.party, name: fix.partyName ?? old.party.name, address: fix.partyAddress ?? old.party.address };
  const next: PublicContent =
    old.kind === 'inspectionResult'
      ? {
          ...old,
          party,
          finding: fix.finding ?? old.finding,
          findingLabel: fix.finding ? findingLabels[fix.finding] : old.findingLabel,
          description: fix.description ?? old.description,
        }
      : {
          ...old,
          party,
          violation: fix.violation ?? old.violation,
          facts: fix.facts ?? old.facts,
          basis: fix.basis ?? old.basis,
          penaltyText: fix.penaltyText ?? old.penaltyText,
          text: fix.text ?? old.text,
        };
  const masked = maskContent(next, known);
  assertMasked(masked);
  return masked;
}

/** What a publication's list row says: party and, for the 违法行为 column, the violation or the finding. */
export const summaryOf = (c: PublicContent) => ({ partyName: c.party.name, violation: c.kind === 'inspectionResult' ? c.findingLabel : c.violation });

/** What the index searches: party, uscc, 文号 (or task), violation (or finding), facts, penalty, body. */
export const searchTextOf = (c: PublicContent) =>
  (c.kind === 'inspectionResult'
    ? [c.party.name, c.party.uscc ?? '', c.number, c.findingLabel, c.description, ...c.items.map((i) => i.name), c.body.name, c.fieldLabel]
    : [c.party.name, c.party.uscc ?? '', c.number, c.violation, c.facts, c.penaltyText, c.body.name, c.fieldLabel]
  ).join(' ');
