import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialSchedules } from '../../modules/calendar/official.ts';
import { WorkCalendar } from '../calendar/workCalendar.ts';
import { computeDeadline } from './compute.ts';
import { deadlineRuleById, deadlineRules } from './rules.ts';
import { MORE_LAWS_DIR, SAMPLE_LAWS_DIR } from '../../seed/lawFiles.ts';

// the official 2025 and 2026 schedules (国务院办公厅通知), as the calendar package publishes them
const official = officialSchedules();
const cal = () => new WorkCalendar([...official.values()].flat(), official.keys());
const rule = (id: string) => deadlineRuleById.get(id)!;

describe('working days (2025 and 2026 official schedules)', () => {
  it.each([
    // 2025 国庆+中秋 10/1–10/8 off, Sat 10/11 is a make-up workday
    ['2025-09-30', 5, '2025-10-14'],
    // 2026 春节 2/15–2/23 off, Sat 2/14 and Sat 2/28 make-up workdays
    ['2026-02-10', 20, '2026-03-16'],
    ['2026-02-13', 1, '2026-02-14'],
    // 2026 国庆 10/1–10/7 off, Sat 10/10 make-up workday
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-12-31', 1, '2027-01-04'], // 2027: no schedule yet, 1 January is still a statutory holiday
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %i working days = %s', (from, n, want) => {
    expect(cal().addWorkingDays(from, n).date).toBe(want);
  });

  it('names the days it skipped', () => {
    const r = cal().addWorkingDays('2025-09-30', 5);
    expect(r.skipped.map((s) => s.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
      '2025-10-12',
    ]);
    expect(r.skipped[0].name).toBe('国庆节');
  });

  it('treats statutory holidays as holidays in a year without a published schedule', () => {
    const c = cal();
    expect(c.isOfficialYear(2027)).toBe(false);
    for (const d of ['2027-01-01', '2027-02-06', '2027-04-05', '2027-05-03'.replace('03', '01'), '2027-10-01', '2027-10-02', '2027-10-03'])
      expect(c.isWorkingDay(d), d).toBe(false);
    expect(c.isWorkingDay('2027-01-04')).toBe(true);
  });
});

describe('legal deadlines', () => {
  it.each([
    ['penalty.hearingRequest', '2026-09-30', '2026-10-13'], // 5 working days (行政处罚法 第六十四条, 第八十五条)
    ['penalty.service', '2025-09-30', '2025-10-16'], // 7 working days
    ['penalty.payment', '2026-09-20', '2026-10-08'], // 15 calendar days ends 10/5 in the holiday → next working day
    ['penalty.decision', '2026-01-05', '2026-04-07'], // 90 days ends Sun 4/5 (清明 4/4–4/6) → 4/7
    ['publicity.penalty', '2026-02-10', '2026-03-16'], // 20 working days across 春节
    ['penalty.limitation', '2024-02-29', '2026-02-28'], // two years from a leap day; 2/28/2026 is a make-up workday
    ['complaint.acceptance', '2026-04-30', '2026-05-13'], // 7 working days across 劳动节 5/1–5/5, Sat 5/9 make-up
  ])('%s from %s is due %s', (id, start, due) => {
    expect(computeDeadline(rule(id), cal(), { start }).due).toBe(due);
  });

  it('counts "N days before" backwards over holidays (hearing notice 7 working days before the hearing)', () => {
    const r = computeDeadline(rule('penalty.hearingNotice'), cal(), { start: '2026-10-12' });
    expect(r.due).toBe('2026-09-24');
    expect(r.description).toContain('最迟');
  });

  it('stops the clock for suspensions and applies an approved extension', () => {
    const c = cal();
    const suspended = computeDeadline(rule('penalty.decision'), c, {
      start: '2026-01-05',
      suspensions: [{ from: '2026-02-01', to: '2026-02-10', reason: '检测' }],
    });
    expect(suspended.suspendedDays).toBe(10);
    expect(suspended.due).toBe('2026-04-15');
    const extended = computeDeadline(rule('penalty.decision'), c, { start: '2026-01-05', extended: true });
    expect(extended.due).toBe('2026-05-06'); // 120 days ends 5/5 in 劳动节 → 5/6
    expect(extended.extension?.amount).toBe(30);
    const lead = computeDeadline(rule('lead.verification'), c, {
      start: '2026-06-01',
      suspensions: [{ from: '2026-06-03', to: '2026-06-04', reason: '检验' }],
    });
    expect(lead.suspendedDays).toBe(2);
    expect(lead.due).toBe(c.addWorkingDays('2026-06-01', 17).date);
  });

  it('ignores suspensions for rules whose periods cannot be suspended', () => {
    const r = computeDeadline(rule('penalty.hearingRequest'), cal(), {
      start: '2026-06-01',
      suspensions: [{ from: '2026-06-02', to: '2026-06-05', reason: 'x' }],
    });
    expect(r.suspendedDays).toBe(0);
  });

  it('cites an article that exists in the law texts for every rule (or names the source not yet in the library)', () => {
    for (const r of deadlineRules) {
      expect(r.basis.length > 0 || !!r.sourceNote, r.id).toBe(true);
      for (const id of r.basis) {
        const [version, label] = id.split('#');
        const [source, date] = version.split('@');
        const file = [SAMPLE_LAWS_DIR, MORE_LAWS_DIR].map((d) => join(d, `${source}(${date}).md`)).find((f) => existsSync(f)) ?? `${source}(${date}).md`;
        expect(existsSync(file), `${id}: ${file}`).toBe(true);
        expect(
          readFileSync(file, 'utf8')
            .split('\n')
            .some((l) => l.startsWith(`${label} `)),
          id,
        ).toBe(true);
      }
    }
  });
});

describe('administrator-announced years', () => {
  it('keep the statutory holidays while adding the announced make-up workdays', () => {
    const c = new WorkCalendar([...[...official.values()].flat(), { date: '2027-01-02', kind: 'workday', name: '元旦调休上班' }], official.keys(), [2027]);
    expect(c.isOfficialYear(2027)).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.addWorkingDays('2026-12-31', 1).date).toBe('2027-01-02');
  });
});
