import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China Standard Time (UTC+8, no daylight saving): every time on screen is shown in it. */
const CST_MINUTES = 8 * 60;

export function chinaTime(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.utcOffset(CST_MINUTES).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}

/** Today's date in China, YYYY-MM-DD (the server decides certificate validity by it). */
export function chinaToday(): string {
  return dayjs().utcOffset(CST_MINUTES).format('YYYY-MM-DD');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

export function shortHash(h: string, n = 12): string {
  return h.length > n * 2 ? `${h.slice(0, n)}…${h.slice(-6)}` : h;
}
