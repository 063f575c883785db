/**
 * Golden cases (inputs → expected tier and range) kept as JSON beside this file, and the one
 * comparison both the domain test and the API test use.
 */
import type { CalculationResult } from '../calculate.ts';
import type { CalculationInput } from '../model.ts';
import advertising from './advertising.json' with { type: 'json' };
import equipmentDrugs from './equipmentDrugs.json' with { type: 'json' };
import food from './food.json' with { type: 'json' };
import market from './market.json' with { type: 'json' };
import products from './products.json' with { type: 'json' };

export interface GoldenExpect {
  tier?: string;
  exempt?: boolean;
  exemption?: string | null;
  branch?: string | null;
  legal?: [number, number];
  fine?: [number, number] | 'none';
  upperExclusive?: boolean;
  applies?: Record<string, string>;
  amounts?: Record<string, number>;
  hearing?: string;
  hearingThreshold?: number;
  major?: string;
  summary?: boolean;
  benchmark?: string;
  reason?: string;
  supersededFine?: [number, number];
  error?: string;
}

export interface GoldenCase {
  file: string;
  violation: string;
  name: string;
  input: Omit<CalculationInput, 'violationId'>;
  expect: GoldenExpect;
}

type GoldenFile = { groups: { violation: string; cases: { name: string; input: Partial<CalculationInput>; expect: GoldenExpect }[] }[] };
/** Every golden file; a new file must be added here (the test checks that every sample violation is covered). */
const files: Record<string, GoldenFile> = {
  'advertising.json': advertising as GoldenFile,
  'equipmentDrugs.json': equipmentDrugs as GoldenFile,
  'food.json': food as GoldenFile,
  'market.json': market as GoldenFile,
  'products.json': products as GoldenFile,
};

export const goldenDefaults = {
  violationDate: '2025-06-01',
  decisionDate: '2025-09-01',
  partyType: 'organisation' as const,
  bases: {},
  circumstances: [] as string[],
};

export function loadGoldenCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  for (const [file, doc] of Object.entries(files)) {
    for (const g of doc.groups) {
      for (const c of g.cases)
        out.push({ file, violation: g.violation, name: c.name, input: { ...goldenDefaults, ...c.input } as GoldenCase['input'], expect: c.expect });
    }
  }
  return out;
}

/** Differences between a result and the expectation (empty when it matches). */
export function goldenMismatches(r: CalculationResult, e: GoldenExpect): string[] {
  const out: string[] = [];
  const eq = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const fine = r.penalties.find((p) => p.kind === 'fine');
  if (e.tier !== undefined) eq('tier', r.tier, e.tier);
  if (e.exempt !== undefined) eq('exempt', r.exempt, e.exempt);
  if (e.exemption !== undefined) eq('exemption', r.exemption?.list ?? null, e.exemption);
  if (e.branch !== undefined) eq('branch', r.branch?.id ?? null, e.branch);
  if (e.legal) eq('legal range', r.legalRange ? [r.legalRange.minFen, r.legalRange.maxFen] : null, e.legal);
  if (e.fine === 'none') eq('fine applies', fine?.applies ?? 'none', 'none');
  else if (e.fine) eq('fine range', fine?.range ? [fine.range.minFen, fine.range.maxFen] : null, e.fine);
  if (e.upperExclusive !== undefined) eq('upperExclusive', fine?.range?.upperExclusive ?? false, e.upperExclusive);
  for (const [kind, mode] of Object.entries(e.applies ?? {})) eq(`${kind} applies`, r.penalties.find((p) => p.kind === kind)?.applies, mode);
  for (const [kind, fen] of Object.entries(e.amounts ?? {})) eq(`${kind} amount`, r.penalties.find((p) => p.kind === kind)?.amountFen, fen);
  if (e.hearing !== undefined) eq('hearing', r.thresholds.hearing.crossed, e.hearing);
  if (e.hearingThreshold !== undefined) eq('hearing threshold', r.thresholds.hearing.thresholdFen, e.hearingThreshold);
  if (e.major !== undefined) eq('major decision', r.thresholds.majorDecision.crossed, e.major);
  if (e.summary !== undefined) eq('summary procedure', r.summaryProcedure.possible, e.summary);
  if (e.benchmark !== undefined) eq('benchmark', r.benchmark.documentNumber, e.benchmark);
  if (e.reason !== undefined) eq('benchmark reason', r.benchmark.reason, e.reason);
  if (e.supersededFine) eq('superseded fine', r.superseded?.fine ? [r.superseded.fine.minFen, r.superseded.fine.maxFen] : null, e.supersededFine);
  return out;
}
