/**
 * A record entry's payload in words: a one-line summary and labelled rows, every value formatted by the field
 * catalogue (fieldLabels.ts) — ids as names and links, 分 as 元, timestamps in 北京时间, enumerations by their
 * Chinese labels, nested objects as labelled sub-rows. Pure: the names come from a `Names` the caller resolved
 * (modules/record/names.ts); every page that shows a record shows this.
 */
import { deadlineRuleById } from '../../domain/deadlines/rules.ts';
import { formatYuan } from '../../domain/discretion/money.ts';
import { matterTypeLabels, roleLabels } from '../../domain/vocabulary.ts';
import { enforcementFieldLabel, fieldSpec, type FieldKind, type FieldSpec, recordSummaries, unlabelledField } from './fieldLabels.ts';

/** What a reference links to; the console maps each kind to its page (a matter's kind is its type). */
export interface DisplayLink {
  kind: string;
  id: string;
}
export interface DisplayValue {
  text: string;
  link?: DisplayLink;
}
/** One labelled line of the details; `depth` > 0 is a sub-field of the row above; a row without values heads a group. */
export interface DisplayRow {
  label: string;
  depth: number;
  values: DisplayValue[];
}
export interface EntryDisplay {
  summary: string;
  rows: DisplayRow[];
}

/** The references a payload holds, resolved to names by the caller. */
export type RefKind = 'org' | 'user' | 'officer' | 'matter' | 'evidenceFile' | 'caseEvidence' | 'violation' | 'powerItem' | 'inspectionItem';
const refKinds = new Set<FieldKind>(['org', 'user', 'officer', 'matter', 'evidenceFile', 'caseEvidence', 'violation', 'powerItem', 'inspectionItem']);
const isRef = (k: FieldKind | undefined): k is RefKind => !!k && refKinds.has(k);

export interface Names {
  ref(kind: RefKind, id: string): DisplayValue | undefined;
  /** a workflow state's or transition's label (type and version of the workflow; without a version, the latest) */
  state(type: string, version: number | undefined, state: string): string | undefined;
  transition(type: string, version: number | undefined, id: string): string | undefined;
}

export interface PresentableEntry {
  eventType: string;
  matterType: string;
  matterId: string;
  payload: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A timestamp in China Standard Time (UTC+8, no daylight saving), YYYY-MM-DD HH:mm. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} 字节` : `${v.toFixed(1)} ${units[i]}（${n.toLocaleString('zh-CN')} 字节）`;
}

const mediaTypes: Record<string, string> = { video: '视频', audio: '音频', image: '图片', text: '文本', application: '文件' };
/** video/mp4 → 视频（MP4）; application/vnd.openxmlformats-officedocument.wordprocessingml.document → 文件（DOCUMENT） */
function mediaType(v: string): string {
  const [type, sub = ''] = v.split(';')[0].split('/');
  const name = sub.split(/[.+]/).pop()?.toUpperCase() ?? '';
  return `${mediaTypes[type] ?? '文件'}${name ? `（${name}）` : ''}`;
}

/** 行政处罚法@2021-01-22#第六十三条 → 《行政处罚法》第六十三条（2021-01-22 版）. */
function lawText(id: string): string {
  const m = /^([^@#]+)@(\d{4}-\d{2}-\d{2})(?:#(.+))?$/.exec(id);
  if (!m) return id;
  return m[3] ? `《${m[1]}》${m[3]}（${m[2]} 版）` : `《${m[1]}》${m[2]} 版`;
}

interface Walk {
  entry: PresentableEntry;
  names: Names;
  /** the workflow an entry's states and transitions belong to */
  workflow: { type: string; version?: number };
  transition?: string;
  rows: DisplayRow[];
}

function scalar(w: Walk, spec: FieldSpec | undefined, v: unknown): DisplayValue {
  const kind = spec?.kind;
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (typeof v === 'number') {
    if (kind === 'fen') return { text: formatYuan(v) };
    if (kind === 'bytes') return { text: bytes(v) };
    return { text: String(v) };
  }
  if (typeof v !== 'string') return { text: String(v) };
  if (isRef(kind)) return w.names.ref(kind, v) ?? { text: '（未找到）' };
  const { type, version } = w.workflow;
  const label = (() => {
    switch (kind) {
      case 'article':
        return lawText(v);
      case 'lawVersion':
        return lawText(v);
      case 'state':
        return w.names.state(type, version, v);
      case 'transition':
        return w.names.transition(type, version, v);
      case 'deadlineRule':
        return deadlineRuleById.get(v)?.label;
      case 'role':
        return (roleLabels as Record<string, string>)[v];
      case 'field':
        return enforcementFieldLabel(v);
      case 'matterType':
        return matterTypeLabels[v];
      case 'mime':
        return mediaType(v);
      case 'hash':
        return v.length > 20 ? `${v.slice(0, 16)}…` : v;
      default:
        return spec?.values?.[v] ?? (TIMESTAMP.test(v) ? beijingTime(v) : v);
    }
  })();
  return kind === 'article' ? { text: label ?? v, link: { kind: 'article', id: v } } : { text: label ?? v };
}

/** An object's keys in catalogue order (the stored payload's keys are sorted alphabetically). */
function ordered(w: Walk, path: string[], o: Record<string, unknown>): string[] {
  const rank = (k: string) => fieldSpec(w.entry.eventType, [...path, k], w.transition)?.rank ?? Number.MAX_SAFE_INTEGER;
  return Object.keys(o).sort((a, b) => rank(a) - rank(b));
}

/** An object of a few plain values, shown on one line (label：value，…). */
function inline(w: Walk, path: string[], o: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const k of ordered(w, path, o)) {
    const v = o[k];
    const spec = fieldSpec(w.entry.eventType, [...path, k], w.transition);
    if (spec?.kind === 'hidden' || isEmpty(v)) continue;
    if (isObject(v) || Array.isArray(v)) return null;
    parts.push(`${spec?.label ?? unlabelledField}：${scalar(w, spec, v).text}`);
  }
  return parts.length <= 4 ? parts.join('，') : null;
}

function field(w: Walk, path: string[], v: unknown, depth: number) {
  const spec = fieldSpec(w.entry.eventType, path, w.transition);
  if (spec?.kind === 'hidden' || isEmpty(v)) return;
  // a reference to the entry's own matter says nothing on its own timeline
  if (isRef(spec?.kind) && v === w.entry.matterId) return;
  const label = spec?.label ?? unlabelledField;
  if (Array.isArray(v) && v.some((x) => isObject(x) || Array.isArray(x))) {
    w.rows.push({ label, depth, values: [] });
    v.forEach((x, i) => {
      const text = isObject(x) ? inline(w, path, x) : null;
      if (text !== null) w.rows.push({ label: `第 ${i + 1} 项`, depth: depth + 1, values: [{ text }] });
      else {
        w.rows.push({ label: `第 ${i + 1} 项`, depth: depth + 1, values: [] });
        if (isObject(x)) fields(w, path, x, depth + 2);
        else field(w, path, x, depth + 2);
      }
    });
  } else if (Array.isArray(v)) w.rows.push({ label, depth, values: v.map((x) => scalar(w, spec, x)) });
  else if (isObject(v)) {
    const text = inline(w, path, v);
    if (text !== null && depth > 0) w.rows.push({ label, depth, values: [{ text }] });
    else {
      w.rows.push({ label, depth, values: [] });
      fields(w, path, v, depth + 1);
    }
  } else w.rows.push({ label, depth, values: [scalar(w, spec, v)] });
}

function fields(w: Walk, path: string[], o: Record<string, unknown>, depth: number) {
  for (const k of ordered(w, path, o)) field(w, [...path, k], o[k], depth);
}

const pathValue = (o: unknown, path: string[]): unknown => path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), o);

/** The summary: the event's template (`{path}` replaced by the value in words), else its first few plain fields. */
function summary(w: Walk): string {
  const template = (recordSummaries as Record<string, string | undefined>)[w.entry.eventType];
  if (template)
    return template.replace(/\{([\w.]+)\}/g, (_, p: string) => {
      const path = p.split('.');
      const v = pathValue(w.entry.payload, path);
      if (isEmpty(v)) return '—';
      const spec = fieldSpec(w.entry.eventType, path, w.transition);
      return (Array.isArray(v) ? v : [v]).map((x) => (isObject(x) ? '…' : scalar(w, spec, x).text)).join('、');
    });
  return w.rows
    .filter((r) => r.depth === 0 && r.values.length > 0)
    .slice(0, 3)
    .map((r) => `${r.label}：${r.values.map((v) => v.text).join('、')}`)
    .join('；');
}

export function presentPayload(entry: PresentableEntry, names: Names): EntryDisplay {
  const p = isObject(entry.payload) ? entry.payload : {};
  const w: Walk = {
    entry,
    names,
    workflow: {
      type: typeof p.type === 'string' && entry.eventType.startsWith('matter.') ? p.type : entry.matterType,
      version: typeof p.workflowVersion === 'number' ? p.workflowVersion : undefined,
    },
    transition: entry.eventType === 'matter.transitioned' && typeof p.transition === 'string' ? p.transition : undefined,
    rows: [],
  };
  fields(w, [], p, 0);
  const s = summary(w);
  return { summary: s.length > 160 ? `${s.slice(0, 159)}…` : s, rows: w.rows };
}

/** The ids of each kind a payload refers to (what `Names.ref` must answer). */
export function refsOf(entry: PresentableEntry, into: Map<RefKind, Set<string>> = new Map()): Map<RefKind, Set<string>> {
  const transition = isObject(entry.payload) && typeof entry.payload.transition === 'string' ? entry.payload.transition : undefined;
  const visit = (path: string[], v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(path, x);
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) visit([...path, k], x);
    else if (typeof v === 'string' && path.length) {
      const kind = fieldSpec(entry.eventType, path, transition)?.kind;
      if (isRef(kind)) {
        const set = into.get(kind) ?? new Set<string>();
        set.add(v);
        into.set(kind, set);
      }
    }
  };
  visit([], entry.payload);
  return into;
}
