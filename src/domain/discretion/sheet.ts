/**
 * Benchmark tables as spreadsheets (.xlsx): the column layout, benchmarks → rows, and rows →
 * benchmarks with an error per row. Pure: src/modules/discretion/xlsx.ts does the file I/O.
 *
 * Sheet 裁量基准: one row per violation × tier × penalty kind (× statutory branch). A benchmark is
 * identified by (违法行为编码, 生效日期); its 文号, 名称 and 失效日期 repeat on each of its rows.
 * Sheets 裁量情节 and 免罚清单 list its circumstances and exemption entries under the same key.
 */
import type { BenchmarkRule, CircumstanceRule, ExemptionCondition, ExemptionRule, TierRow, TierSpec, ViolationRule } from './model.ts';
import { formatPermille, parsePercent, parsePermille, parseYuan } from './money.ts';
import { validateBenchmark } from './validate.ts';
import {
  applyModes,
  baseKinds,
  circumstanceEffects,
  circumstanceForces,
  circumstanceKinds,
  type CircumstanceForce,
  discretionTiers,
  exemptionLists,
  idByLabel,
  partyTypes,
  penaltyKinds,
  type ApplyMode,
  type BaseKind,
  type PartyType,
  type PenaltyKind,
} from './vocabulary.ts';

export type Cell = string | number;

export const sheetLayout = {
  tiers: {
    name: '裁量基准',
    columns: [
      '违法行为编码',
      '违法行为名称',
      '基准文号',
      '基准名称',
      '生效日期',
      '失效日期',
      '裁量阶次',
      '处罚种类',
      '法定幅度',
      '裁量方式',
      '下限',
      '上限',
      '说明',
    ],
  },
  circumstances: {
    name: '裁量情节',
    columns: ['违法行为编码', '生效日期', '情节编号', '情节', '类别', '效果', '依据条文', '仍予适用的处罚种类', '适用当事人', '法定效力'],
  },
  exemptions: { name: '免罚清单', columns: ['违法行为编码', '生效日期', '清单', '名称', '适用条件', '依据条文', '说明'] },
} as const;
export type SheetKey = keyof typeof sheetLayout;

/** 裁量方式 labels and the unit of 下限/上限 for each. */
export const specMethods = {
  share: { label: '法定幅度比例', unit: '%（自法定最低额起占法定幅度的比例）' },
  amount: { label: '固定金额', unit: '元' },
  multiple: { label: '倍数', unit: '倍（计罚基数由法定幅度决定）' },
  belowMinimum: { label: '法定最低额比例', unit: '%（减轻处罚：占法定最低额的比例，100% 不含）' },
} as const;

export interface SheetRowError {
  sheet: string;
  row: number;
  column: string | null;
  message: string;
}

export interface ParsedBenchmark {
  violation: ViolationRule;
  input: Omit<BenchmarkRule, 'id' | 'violationId' | 'orgId'>;
  rows: { tiers: number[]; circumstances: number[]; exemptions: number[] };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const text = (c: Cell | undefined) => (c === undefined ? '' : String(c).trim());
const yuanCell = (fen: number): Cell => fen / 100;
const splitList = (s: string) =>
  s
    .split(/[；;、,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

// ─── benchmarks → rows ───────────────────────────────────────────────────
export function specCells(spec: TierSpec): [string, Cell, Cell] {
  switch (spec.kind) {
    case 'share':
      return [specMethods.share.label, spec.fromPermille / 10, spec.toPermille / 10];
    case 'belowMinimum':
      return [specMethods.belowMinimum.label, spec.fromPermille / 10, spec.toPermille / 10];
    case 'amount':
      return [specMethods.amount.label, yuanCell(spec.minFen), yuanCell(spec.maxFen)];
    case 'multiple':
      return [specMethods.multiple.label, Number(formatPermille(spec.fromPermille)), Number(formatPermille(spec.toPermille))];
    case 'apply':
      return [applyModes[spec.mode], '', ''];
  }
}

export function conditionText(c: ExemptionCondition): string {
  switch (c.kind) {
    case 'circumstance':
      return c.id;
    case 'notCircumstance':
      return `非 ${c.id}`;
    case 'baseAtMost':
      return `${baseKinds[c.base]}≤${c.fen / 100}`;
    case 'partyType':
      return `当事人=${c.partyType === 'naturalPerson' ? '公民' : '法人或者其他组织'}`;
  }
}

export function benchmarksToSheets(
  items: { violation: ViolationRule; benchmark: Omit<BenchmarkRule, 'id' | 'violationId' | 'orgId'> }[],
): Record<SheetKey, Cell[][]> {
  const out: Record<SheetKey, Cell[][]> = {
    tiers: [[...sheetLayout.tiers.columns]],
    circumstances: [[...sheetLayout.circumstances.columns]],
    exemptions: [[...sheetLayout.exemptions.columns]],
  };
  for (const { violation: v, benchmark: b } of items) {
    for (const r of b.tiers) {
      out.tiers.push([
        v.code,
        v.name,
        b.documentNumber,
        b.documentTitle,
        b.validFrom,
        b.validTo ?? '',
        discretionTiers[r.tier],
        penaltyKinds[r.kind],
        r.branch ?? '',
        ...specCells(r.spec),
        r.note ?? '',
      ]);
    }
    for (const c of b.circumstances) {
      out.circumstances.push([
        v.code,
        b.validFrom,
        c.id,
        c.label,
        circumstanceKinds[c.kind],
        circumstanceEffects[c.effect],
        c.articleId,
        (c.keeps ?? []).map((k) => penaltyKinds[k]).join('、'),
        c.partyType ? partyTypes[c.partyType] : '',
        c.force ? circumstanceForces[c.force] : '',
      ]);
    }
    for (const e of b.exemptions) {
      out.exemptions.push([v.code, b.validFrom, exemptionLists[e.list], e.label, e.conditions.map(conditionText).join('；'), e.articleId, e.note ?? '']);
    }
  }
  return out;
}

// ─── rows → benchmarks ───────────────────────────────────────────────────
export function parseCondition(token: string): ExemptionCondition | string {
  const neg = /^(?:非\s*|!)(.+)$/.exec(token);
  if (neg) return { kind: 'notCircumstance', id: neg[1].trim() };
  const party = /^当事人\s*[=＝]\s*(.+)$/.exec(token);
  if (party) {
    const pt = idByLabel(partyTypes, party[1]) ?? (Object.keys(partyTypes) as PartyType[]).find((k) => partyTypes[k].startsWith(party[1].trim()));
    return pt ? { kind: 'partyType', partyType: pt as PartyType } : `未知的当事人类型“${party[1]}”`;
  }
  const base = /^(.+?)\s*(?:≤|<=)\s*(.+)$/.exec(token);
  if (base) {
    const b = idByLabel(baseKinds, base[1]);
    const fen = parseYuan(base[2]);
    if (!b) return `未知的计罚基数“${base[1]}”`;
    if (fen === null) return `金额“${base[2]}”不是以元计的数额`;
    return { kind: 'baseAtMost', base: b as BaseKind, fen };
  }
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(token)
    ? { kind: 'circumstance', id: token }
    : `条件“${token}”应为情节编号、“非 情节编号”、“计罚基数≤金额”或“当事人=类型”`;
}

export function parseSpec(method: string, lo: string, hi: string, fineBase: BaseKind | null): TierSpec | string {
  const mode = idByLabel(applyModes, method);
  if (mode) return lo || hi ? '“是否适用”类裁量方式不填下限、上限' : { kind: 'apply', mode: mode as ApplyMode };
  const kind = (Object.keys(specMethods) as (keyof typeof specMethods)[]).find((k) => specMethods[k].label === method || k === method);
  if (!kind) return `未知的裁量方式“${method}”，应为 ${[...Object.values(specMethods).map((m) => m.label), ...Object.values(applyModes)].join('、')}`;
  if (kind === 'amount') {
    const a = parseYuan(lo);
    const b = parseYuan(hi);
    return a === null || b === null ? '固定金额的下限、上限应为以元计的数额（最多两位小数）' : { kind, minFen: a, maxFen: b };
  }
  if (kind === 'multiple') {
    const a = parsePermille(lo);
    const b = parsePermille(hi);
    if (a === null || b === null) return '倍数的下限、上限应为数字（最多三位小数）';
    return fineBase ? { kind, base: fineBase, fromPermille: a, toPermille: b } : '倍数须对应以计罚基数计算的法定幅度（请填写“法定幅度”列）';
  }
  const a = parsePercent(lo);
  const b = parsePercent(hi);
  if (a === null || b === null) return '比例的下限、上限应为 0–100 的百分数（最多一位小数）';
  return { kind, fromPermille: a, toPermille: b };
}

function headerErrors(sheet: SheetKey, rows: Cell[][]): SheetRowError[] {
  const want = sheetLayout[sheet].columns;
  const got = (rows[0] ?? []).map(text);
  const missing = want.filter((c, i) => got[i] !== c);
  if (!missing.length) return [];
  return [
    { sheet: sheetLayout[sheet].name, row: 1, column: null, message: `表头应为：${want.join('、')}；实为：${got.filter(Boolean).join('、') || '（空）'}` },
  ];
}

const empty = (r: Cell[]) => r.every((c) => text(c) === '');

export function parseBenchmarkSheets(
  sheets: Partial<Record<SheetKey, Cell[][] | null>>,
  violations: Map<string, ViolationRule>,
): { benchmarks: ParsedBenchmark[]; errors: SheetRowError[]; rows: number } {
  const errors: SheetRowError[] = [];
  for (const k of Object.keys(sheetLayout) as SheetKey[]) {
    if (!sheets[k]) errors.push({ sheet: sheetLayout[k].name, row: 0, column: null, message: `缺少工作表“${sheetLayout[k].name}”` });
    else errors.push(...headerErrors(k, sheets[k]!));
  }
  if (errors.length) return { benchmarks: [], errors, rows: 0 };
  const groups = new Map<string, ParsedBenchmark & { firstRow: number }>();
  const err = (sheet: SheetKey, row: number, column: string | null, message: string) => errors.push({ sheet: sheetLayout[sheet].name, row, column, message });
  let count = 0;

  const keyOf = (sheet: SheetKey, r: Cell[], row: number, codeCol: number, dateCol: number): { v: ViolationRule; date: string } | null => {
    const code = text(r[codeCol]);
    const date = text(r[dateCol]);
    const v = violations.get(code);
    let ok = true;
    if (!code) {
      err(sheet, row, '违法行为编码', '违法行为编码不能为空');
      ok = false;
    } else if (!v) {
      err(sheet, row, '违法行为编码', `违法行为编码“${code}”不存在`);
      ok = false;
    }
    if (!isDate(date)) {
      err(sheet, row, '生效日期', `生效日期“${date}”不是有效日期（YYYY-MM-DD）`);
      ok = false;
    }
    return ok ? { v: v!, date } : null;
  };

  sheets.tiers!.forEach((r, i) => {
    const row = i + 1;
    if (i === 0 || empty(r)) return;
    count++;
    const key = keyOf('tiers', r, row, 0, 4);
    const [docNo, title, validTo, tierText, kindText, branchText, method, lo, hi, note] = [2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => text(r[c]));
    if (!docNo) err('tiers', row, '基准文号', '基准文号不能为空');
    if (!title) err('tiers', row, '基准名称', '基准名称不能为空');
    if (validTo && !isDate(validTo)) err('tiers', row, '失效日期', `失效日期“${validTo}”不是有效日期（YYYY-MM-DD）`);
    const tier = idByLabel(discretionTiers, tierText);
    if (!tier) err('tiers', row, '裁量阶次', `未知的裁量阶次“${tierText}”，应为 ${Object.values(discretionTiers).join('、')}`);
    const kind = idByLabel(penaltyKinds, kindText) as PenaltyKind | undefined;
    if (!kind) err('tiers', row, '处罚种类', `未知的处罚种类“${kindText}”，应为 ${Object.values(penaltyKinds).join('、')}`);
    if (!key || !tier || !kind || !docNo || !title || (validTo && !isDate(validTo))) return;
    const fine = key.v.provisions.find((p) => p.kind === 'fine');
    const branch = branchText ? fine?.branches?.find((b) => b.id === branchText || b.label === branchText) : undefined;
    if (branchText && !branch) {
      err('tiers', row, '法定幅度', `违法行为“${key.v.code}”没有法定幅度“${branchText}”`);
      return;
    }
    const candidates = branch ? [branch] : fine?.branches?.length === 1 ? fine.branches : [];
    const baseOf = candidates.flatMap((b) => [b.min, b.max]).find((x): x is { base: BaseKind; permille: number } => 'base' in x);
    const spec = parseSpec(method, lo, hi, baseOf?.base ?? null);
    if (typeof spec === 'string') {
      err('tiers', row, '裁量方式', spec);
      return;
    }
    const id = `${key.v.code}\u0000${key.date}`;
    let g = groups.get(id);
    if (!g) {
      g = {
        violation: key.v,
        firstRow: row,
        rows: { tiers: [], circumstances: [], exemptions: [] },
        input: { validFrom: key.date, validTo: validTo || null, documentNumber: docNo, documentTitle: title, tiers: [], circumstances: [], exemptions: [] },
      };
      groups.set(id, g);
    } else if (g.input.documentNumber !== docNo || g.input.documentTitle !== title || (g.input.validTo ?? '') !== validTo) {
      err('tiers', row, '基准文号', `同一基准（${key.v.code}，${key.date} 起）各行的文号、名称、失效日期应一致（见第 ${g.firstRow} 行）`);
      return;
    }
    const tr: TierRow = { tier: tier as TierRow['tier'], kind, branch: branch?.id ?? null, spec, note: note || null };
    g.input.tiers.push(tr);
    g.rows.tiers.push(row);
  });

  const groupFor = (sheet: SheetKey, r: Cell[], row: number) => {
    const key = keyOf(sheet, r, row, 0, 1);
    if (!key) return null;
    const g = groups.get(`${key.v.code}\u0000${key.date}`);
    if (!g) err(sheet, row, '生效日期', `“裁量基准”表中没有 ${key.v.code} 自 ${key.date} 起的基准`);
    return g ?? null;
  };

  sheets.circumstances!.forEach((r, i) => {
    const row = i + 1;
    if (i === 0 || empty(r)) return;
    count++;
    const g = groupFor('circumstances', r, row);
    const [id, label, kindText, effectText, articleId, keepsText, partyText, forceText] = [2, 3, 4, 5, 6, 7, 8, 9].map((c) => text(r[c]));
    const force = forceText ? idByLabel(circumstanceForces, forceText) : null;
    const kind = idByLabel(circumstanceKinds, kindText);
    const effect = idByLabel(circumstanceEffects, effectText);
    const keeps = splitList(keepsText).map((k) => idByLabel(penaltyKinds, k));
    const party = partyText ? idByLabel(partyTypes, partyText) : null;
    const problems = [
      !/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(id) && ['情节编号', `情节编号“${id}”应为字母开头的字母、数字、下划线、点或短横线`],
      !label && ['情节', '情节不能为空'],
      !kind && ['类别', `未知的类别“${kindText}”，应为 ${Object.values(circumstanceKinds).join('、')}`],
      !effect && ['效果', `未知的效果“${effectText}”，应为 ${Object.values(circumstanceEffects).join('、')}`],
      !articleId && ['依据条文', '依据条文不能为空'],
      keeps.some((k) => !k) && ['仍予适用的处罚种类', `未知的处罚种类“${keepsText}”`],
      partyText && !party && ['适用当事人', `未知的当事人类型“${partyText}”`],
      forceText && !force && ['法定效力', `未知的法定效力“${forceText}”，应为 ${Object.values(circumstanceForces).join('、')}`],
    ].filter(Boolean) as [string, string][];
    for (const [col, msg] of problems) err('circumstances', row, col, msg);
    if (!g || problems.length) return;
    const c: CircumstanceRule = {
      id,
      label,
      kind: kind as CircumstanceRule['kind'],
      effect: effect as CircumstanceRule['effect'],
      articleId,
      keeps: keeps as PenaltyKind[],
      partyType: (party as PartyType | null) ?? null,
      ...(force ? { force: force as CircumstanceForce } : {}),
    };
    g.input.circumstances.push(c);
    g.rows.circumstances.push(row);
  });

  sheets.exemptions!.forEach((r, i) => {
    const row = i + 1;
    if (i === 0 || empty(r)) return;
    count++;
    const g = groupFor('exemptions', r, row);
    const [listText, label, condText, articleId, note] = [2, 3, 4, 5, 6].map((c) => text(r[c]));
    const list = idByLabel(exemptionLists, listText);
    const parsed = condText
      .split(/[；;]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map(parseCondition);
    const problems = [
      !list && ['清单', `未知的免罚清单“${listText}”，应为 ${Object.values(exemptionLists).join('、')}`],
      !label && ['名称', '名称不能为空'],
      !parsed.length && ['适用条件', '适用条件不能为空'],
      ...parsed.filter((x): x is string => typeof x === 'string').map((m) => ['适用条件', m]),
      !articleId && ['依据条文', '依据条文不能为空'],
    ].filter(Boolean) as [string, string][];
    for (const [col, msg] of problems) err('exemptions', row, col, msg);
    if (!g || problems.length) return;
    const e: ExemptionRule = { list: list as ExemptionRule['list'], label, conditions: parsed as ExemptionCondition[], articleId, note: note || null };
    g.input.exemptions.push(e);
    g.rows.exemptions.push(row);
  });

  // the meaning of each benchmark, reported on the row it comes from
  for (const g of groups.values()) {
    for (const p of validateBenchmark({ ...g.input, violationId: g.violation.id, orgId: '' }, g.violation)) {
      const m = /^(tiers|circumstances|exemptions)\.(\d+)/.exec(p.path);
      const sheet = (m?.[1] ?? 'tiers') as SheetKey;
      const row = m ? g.rows[sheet][Number(m[2])] : g.firstRow;
      err(sheet, row, null, p.message);
    }
  }
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return { benchmarks: [...groups.values()].map(({ firstRow: _f, ...g }) => g), errors, rows: count };
}
