/**
 * Character-level diff of two versions of an article (Myers' O(ND) algorithm on code points),
 * with a clean-up that folds one- and two-character coincidences inside a rewritten passage into
 * the change, so a rewritten sentence reads as one deletion and one insertion.
 */

export type DiffOp = { op: 'equal' | 'delete' | 'insert'; text: string };

/** Beyond this many edits the texts are shown as replaced wholesale (bounded time and memory). */
const MAX_EDITS = 2000;

export function diffChars(a: string, b: string): DiffOp[] {
  const x = [...a];
  const y = [...b];
  // common prefix and suffix first: most amendments touch a few words of a long article
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const core = myers(x.slice(pre, x.length - suf), y.slice(pre, y.length - suf));
  const ops: DiffOp[] = [];
  if (pre) ops.push({ op: 'equal', text: x.slice(0, pre).join('') });
  ops.push(...core);
  if (suf) ops.push({ op: 'equal', text: x.slice(x.length - suf).join('') });
  return cleanup(merge(ops));
}

function myers(x: string[], y: string[]): DiffOp[] {
  const n = x.length;
  const m = y.length;
  if (!n && !m) return [];
  if (!n) return [{ op: 'insert', text: y.join('') }];
  if (!m) return [{ op: 'delete', text: x.join('') }];
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // the frontier of step d-1, for diagonals -d..d (all that the walk back reads)
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0)
    return [
      { op: 'delete', text: x.join('') },
      { op: 'insert', text: y.join('') },
    ];
  // walk back through the saved frontiers
  const out: DiffOp[] = [];
  let px = n;
  let py = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const at = (k: number) => vd[k + d];
    const k = px - py;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      px--;
      py--;
      out.push({ op: 'equal', text: x[px] });
    }
    if (prevK === k + 1) out.push({ op: 'insert', text: y[--py] });
    else out.push({ op: 'delete', text: x[--px] });
  }
  while (px > 0 && py > 0) {
    px--;
    py--;
    out.push({ op: 'equal', text: x[px] });
  }
  return merge(out.reverse());
}

function merge(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const o of ops) {
    if (!o.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else out.push({ ...o });
  }
  return out;
}

/** Folds short equalities surrounded by larger changes into the change; deletions before insertions. */
function cleanup(ops: DiffOp[]): DiffOp[] {
  let changed = true;
  let cur = ops;
  while (changed) {
    changed = false;
    // group into [edits, equal, edits, equal, …]
    const groups: { del: string; ins: string; eq: string | null }[] = [];
    let g = { del: '', ins: '', eq: null as string | null };
    for (const o of cur) {
      if (o.op === 'equal') {
        g.eq = o.text;
        groups.push(g);
        g = { del: '', ins: '', eq: null };
      } else if (o.op === 'delete') g.del += o.text;
      else g.ins += o.text;
    }
    groups.push(g);
    for (let i = 0; i + 1 < groups.length; i++) {
      const a = groups[i];
      const b = groups[i + 1];
      const eq = a.eq ?? '';
      const eqLen = [...eq].length;
      const around = [...(a.del + a.ins)].length + [...(b.del + b.ins)].length;
      if (eqLen > 0 && eqLen <= 2 && (a.del || a.ins) && (b.del || b.ins) && around >= 2 * eqLen) {
        groups.splice(i, 2, { del: a.del + eq + b.del, ins: a.ins + eq + b.ins, eq: b.eq });
        changed = true;
        break;
      }
    }
    cur = groups.flatMap((x) => [
      ...(x.del ? [{ op: 'delete' as const, text: x.del }] : []),
      ...(x.ins ? [{ op: 'insert' as const, text: x.ins }] : []),
      ...(x.eq ? [{ op: 'equal' as const, text: x.eq }] : []),
    ]);
  }
  return cur;
}

/** Applying the diff to the old text gives the new one (a test invariant). */
export const diffOld = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');
export const diffNew = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'delete')
    .map((o) => o.text)
    .join('');
