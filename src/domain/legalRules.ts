/**
 * 规则目录: every encoded legal rule as one catalogue entry — its Chinese name, a plain-Chinese
 * statement, its citations (`法名@版本日期#第X条`, links into the law library) or an honest
 * `sourceNote`, the date its content last changed, and worked examples that `check` (the real
 * pure function the platform runs) must reproduce. `test/rule-catalogue.test.ts` runs every
 * example of the registry, so the examples a legal reviewer reads on the page are the ones the
 * tests run. Pure.
 */
import { canonicalJson } from './canonical.ts';
import type { WorkCalendar } from './calendar/workCalendar.ts';
import { computeDeadline } from './deadlines/compute.ts';
import { deadlineUnitLabels, type DeadlineRule } from './deadlines/rules.ts';

export const legalRuleKinds = ['deadline', 'guard', 'threshold', 'discretion'] as const;
export type LegalRuleKind = (typeof legalRuleKinds)[number];
export const legalRuleKindLabels: Record<LegalRuleKind, string> = {
  deadline: '法定期限',
  guard: '程序条件',
  threshold: '数额与标准',
  discretion: '法定裁量效果',
};

/** A value of an example: what a reviewer can read in a table cell. */
export type ExampleValue = string | number | boolean | null | readonly string[] | readonly number[];
export type ExampleRecord = Readonly<Record<string, ExampleValue>>;

export interface LegalRuleExample<G extends ExampleRecord = ExampleRecord, E extends ExampleRecord = ExampleRecord> {
  /** the case in Chinese, quoting the article */
  text: string;
  given: G;
  expect: E;
}

export interface LegalRule<G extends ExampleRecord = ExampleRecord, E extends ExampleRecord = ExampleRecord> {
  /** stable, English: `penalty.statement`, `cases.summaryLimit` */
  id: string;
  kind: LegalRuleKind;
  /** Chinese name */
  name: string;
  /** what the rule says, in plain Chinese */
  statement: string;
  /** article versions of the law library: `行政处罚法@2021-01-22#第五十一条` */
  basis: readonly string[];
  /** the source when its text is not in the library (never an invented number) */
  sourceNote?: string;
  /** YYYY-MM-DD: when the rule's content (condition, amount, citation) last changed */
  changedOn: string;
  /** Chinese labels of the keys of `given` and `expect` (the example table's columns) */
  fields: Readonly<Record<string, string>>;
  examples: readonly LegalRuleExample<G, E>[];
  /** the platform's own function applied to an example's `given` */
  check: (given: G) => E;
}

/** Declares a rule with its examples typed against its `check`. */
export const legalRule = <G extends ExampleRecord, E extends ExampleRecord>(r: LegalRule<G, E>): LegalRule => r as unknown as LegalRule;

export interface ExampleOutcome {
  actual: ExampleRecord | null;
  passes: boolean;
  error: string | null;
}

/** Runs one example: the rule's function on `given`, compared with `expect` (canonical JSON, so key order does not matter). */
export function runExample(rule: LegalRule, ex: LegalRuleExample): ExampleOutcome {
  try {
    const actual = rule.check(ex.given);
    return { actual, passes: canonicalJson(actual) === canonicalJson(ex.expect), error: null };
  } catch (e) {
    return { actual: null, passes: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** `行政处罚法@2021-01-22#第五十一条` → its parts; null when malformed. */
export function parseCitation(id: string): { source: string; version: string; article: string } | null {
  const m = /^([^@#]+)@(\d{4}-\d{2}-\d{2})#(第[^#]+条(?:之[^#]+)?)$/.exec(id);
  return m ? { source: m[1], version: m[2], article: m[3] } : null;
}

/** `行政处罚法@2021-01-22#第五十一条` → 《行政处罚法》（2021-01-22）第五十一条 */
export function citationLabel(id: string): string {
  const c = parseCitation(id);
  return c ? `《${c.source}》（${c.version}）${c.article}` : id;
}

/**
 * A deadline rule of `domain/deadlines/rules.ts` as a catalogue entry: its examples (`start` → `due`)
 * are checked by `computeDeadline` over the calendar shipped with the platform. One mechanism: a new
 * deadline rule with examples appears here without further code.
 */
export function deadlineLegalRule(rule: DeadlineRule, calendar: () => WorkCalendar): LegalRule {
  const period = `${rule.amount}${deadlineUnitLabels[rule.unit]}`;
  const ext = rule.extension ? `；经${rule.extension.approval}，可延长${rule.extension.amount}${deadlineUnitLabels[rule.extension.unit]}` : '';
  const statement =
    rule.direction === 'after'
      ? `${rule.label}：自${rule.event}之日起${period}内${ext}。${rule.suspendable ? '听证、检测、检验、鉴定等期间不计入。' : ''}`
      : `${rule.label}：最迟在${rule.event}${period}前。`;
  return legalRule<{ start: string }, { due: string }>({
    id: rule.id,
    kind: 'deadline',
    name: rule.label,
    statement,
    basis: rule.basis,
    ...(rule.sourceNote ? { sourceNote: rule.sourceNote } : {}),
    changedOn: rule.changedOn,
    fields: { start: rule.direction === 'after' ? `${rule.event}（起算日）` : rule.event, due: rule.direction === 'after' ? '届满日' : '最迟日期' },
    examples: rule.examples.map((e) => ({ text: e.text, given: { start: e.start }, expect: { due: e.due } })),
    check: ({ start }) => ({ due: computeDeadline(rule, calendar(), { start }).due }),
  });
}
