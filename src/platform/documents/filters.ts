/** The filters a template's placeholder may name after `|` ({decidedOn|cnDate}, {fineFen|yuanUpper} …). */
import { arabicDate, chineseDate, clockTime, dateTime, smallChineseNumber, yuan, yuanUpper } from './format.ts';

type Filter = (v: unknown) => string | null;

const nameOf = (x: unknown): string | null =>
  typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : null;
const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Filters a placeholder may name after `|`. */
export const filters: Record<string, { label: string; fn: Filter }> = {
  cnDate: { label: '日期（二〇二六年十一月二十三日）', fn: (v) => (typeof v === 'string' ? chineseDate(v) : null) },
  date: { label: '日期（2026年11月23日）', fn: (v) => (typeof v === 'string' ? arabicDate(v) : null) },
  datetime: { label: '日期时间（2026年11月23日9时30分）', fn: (v) => (typeof v === 'string' ? dateTime(v) : null) },
  time: { label: '时刻（9时30分）', fn: (v) => (typeof v === 'string' ? clockTime(v.length > 5 ? v.slice(11) : v) : null) },
  yuan: { label: '金额（分 → 50000元）', fn: yuan },
  yuanUpper: { label: '大写金额（分 → 伍万元整）', fn: yuanUpper },
  cnNumber: { label: '中文数字（十五）', fn: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100 ? smallChineseNumber(v) : null) },
  names: {
    label: '姓名列表（张三、李四）',
    fn: (v) => {
      if (!Array.isArray(v)) return nameOf(v);
      const names = v.map(nameOf);
      return names.every((n) => n) ? names.join('、') : null;
    },
  },
  officers: {
    label: '执法人员及执法证号',
    fn: (v) => {
      const list = Array.isArray(v) ? v : [v];
      const parts = list.map((o) => {
        const name = nameOf(o);
        const cert = o && typeof o === 'object' ? asString((o as { certNo?: unknown }).certNo) : null;
        return name ? (cert ? `${name}（执法证号：${cert}）` : name) : null;
      });
      return parts.every((p) => p) ? parts.join('、') : null;
    },
  },
  lines: { label: '多段文字', fn: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('\n') : typeof v === 'string' ? v : null) },
};
