/**
 * The statutory range of a fine: which branch of the punishing article applies to the facts, and the
 * range [min, max] it gives in 分. Pure.
 */
import type { Bound, BranchCondition, CalculationInput, FineBranch, RangeFen } from './model.ts';
import { formatPermille, formatYuan, mulDiv } from './money.ts';
import { baseKinds, type BaseKind } from './vocabulary.ts';
import type { ErrorCode } from '../errorCatalogue.ts';

export class DiscretionInputError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly messageZh: string,
    public readonly details?: unknown,
  ) {
    super(`${code}: ${messageZh}`);
  }
}

/** `食品安全法@2021-04-29#第一百二十四条` → `《食品安全法》第一百二十四条` */
export function articleText(articleId: string): string {
  const [version, label] = articleId.split('#');
  return `《${version.split('@')[0]}》${label ?? ''}`;
}

export interface Facts {
  bases: Partial<Record<BaseKind, number | null>>;
  unreliable: Set<BaseKind>;
  present: Set<string>;
}

export const factsOf = (input: Pick<CalculationInput, 'bases' | 'unreliableBases' | 'circumstances'>): Facts => ({
  bases: input.bases,
  unreliable: new Set(input.unreliableBases ?? []),
  present: new Set(input.circumstances),
});

/** The base as a usable amount, or null when it is unknown or declared unreliable. */
export function usableBase(f: Facts, base: BaseKind): number | null {
  const v = f.bases[base];
  if (v === undefined || v === null || f.unreliable.has(base)) return null;
  return v;
}

export function conditionHolds(c: BranchCondition, f: Facts): boolean {
  switch (c.kind) {
    case 'baseMissing': {
      const v = usableBase(f, c.base);
      return v === null || v === 0;
    }
    case 'basePresent': {
      const v = usableBase(f, c.base);
      return v !== null && v > 0;
    }
    case 'baseBelow': {
      const v = usableBase(f, c.base);
      return v !== null && v < c.fen;
    }
    case 'baseAtLeast': {
      const v = usableBase(f, c.base);
      return v !== null && v >= c.fen;
    }
    case 'condition':
      return f.present.has(c.id);
    case 'notCondition':
      return !f.present.has(c.id);
    case 'anyOf':
      return c.of.some((x) => conditionHolds(x, f));
  }
}

export function describeCondition(c: BranchCondition, conditionLabel: (id: string) => string): string {
  switch (c.kind) {
    case 'baseMissing':
      return `${baseKinds[c.base]}没有、无法计算或者明显偏低`;
    case 'basePresent':
      return `${baseKinds[c.base]}可以计算`;
    case 'baseBelow':
      return `${baseKinds[c.base]}不足${formatYuan(c.fen)}`;
    case 'baseAtLeast':
      return `${baseKinds[c.base]}${formatYuan(c.fen)}以上`;
    case 'condition':
      return `具有“${conditionLabel(c.id)}”情形`;
    case 'notCondition':
      return `不具有“${conditionLabel(c.id)}”情形`;
    case 'anyOf':
      return c.of.map((x) => describeCondition(x, conditionLabel)).join('或者');
  }
}

export function describeBound(b: Bound): string {
  if ('fen' in b) return formatYuan(b.fen);
  return `${baseKinds[b.base]}${formatPermille(b.permille)}倍${b.capFen !== undefined ? `（最高不超过${formatYuan(b.capFen)}）` : ''}`;
}

/** The bases a branch's bounds need. */
export const boundBases = (br: FineBranch): BaseKind[] => [br.min, br.max].flatMap((b) => ('base' in b ? [b.base] : []));

function boundFen(b: Bound, f: Facts, rounding: 'floor' | 'ceil'): number | null {
  if ('fen' in b) return b.fen;
  const v = usableBase(f, b.base);
  if (v === null) return null;
  const amount = mulDiv(v, b.permille, 1000, rounding);
  return b.capFen !== undefined ? Math.min(amount, b.capFen) : amount;
}

/** The first branch whose conditions hold, and the legal range it gives. */
export function selectBranch(branches: FineBranch[], f: Facts): { branch: FineBranch; range: RangeFen } | null {
  for (const br of branches) {
    if (!br.when.every((c) => conditionHolds(c, f))) continue;
    const min = boundFen(br.min, f, 'ceil');
    const max = boundFen(br.max, f, 'floor');
    if (min === null || max === null) {
      const missing = boundBases(br)
        .filter((b) => usableBase(f, b) === null)
        .map((b) => baseKinds[b]);
      throw new DiscretionInputError('BASE_REQUIRED', `法定罚款幅度“${br.label}”须以${missing.join('、')}计算，请填写该金额`, {
        branch: br.id,
        bases: missing,
      });
    }
    return { branch: br, range: { minFen: Math.min(min, max), maxFen: max } };
  }
  return null;
}
