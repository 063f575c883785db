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
    for (const d of ['2027-01-01', '2027-02-06', '2027-04-05', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03'])
      expect(c.isWorkingDay(d), d).toBe(false);
    expect(c.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('gives the 补假 of 放假办法第六条 "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假" in 2027', () => {
    const c = cal();
    // 春节: 除夕 Fri 2/5, 初一 Sat 2/6, 初二 Sun 2/7, 初三 Mon 2/8 → 补假 Tue 2/9 and Wed 2/10
    // 劳动节: Sat 5/1, Sun 5/2 → Mon 5/3, Tue 5/4; 国庆节: Fri 10/1, Sat 10/2, Sun 10/3 → Mon 10/4, Tue 10/5
    for (const d of ['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']) {
      expect(c.isWorkingDay(d), d).toBe(false);
      expect(c.dayInfo(d).name, d).toContain('补假');
    }
    expect(c.isWorkingDay('2027-02-11')).toBe(true);
    expect(c.isWorkingDay('2027-10-06')).toBe(true);
    const listed = c.daysOfYear(2027).filter((d) => d.source === 'makeUp');
    expect(listed.map((d) => d.date)).toEqual(['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']);
    expect(listed[0].basis).toBe('全国年节及纪念日放假办法@2024-11-10#第六条');
    // 2028: 元旦 on a Saturday → Monday 1/3
    expect(c.dayInfo('2028-01-03').name).toContain('元旦补假');
  });

  it('applies the 2013 text (春节 three days, 劳动节 one) to years before 2025 that the package does not hold', () => {
    const bare = new WorkCalendar([], []);
    // 2003 (not in the package): 劳动节 5/1 only, 春节 初一至初三 (2/1–2/3), no 除夕
    expect(bare.isWorkingDay('2003-05-02')).toBe(true);
    expect(bare.isWorkingDay('2003-01-31')).toBe(true);
    expect(bare.dayInfo('2003-02-01').kind).toBe('holiday');
  });
});

describe('legal deadlines', () => {
  it.each([
    ['penalty.hearingRequest', '2026-09-30', '2026-10-13'], // 5 working days (行政处罚法 第六十四条, 第八十五条)
    ['penalty.service', '2025-09-30', '2025-10-16'], // 7 working days
    ['penalty.payment', '2026-09-20', '2026-10-08'], // 15 calendar days ends 10/5 in the holiday → next working day
    ['penalty.decision', '2026-01-05', '2026-04-07'], // 90 days ends Sun 4/5 (清明 4/4–4/6) → 4/7
    ['publicity.penalty', '2026-02-10', '2026-03-16'], // 20 working days across 春节
    ['penalty.limitation', '2024-02-29', '2026-02-28'], // two years from a leap day (no 2/29 in 2026)
    ['penalty.limitation', '2024-03-01', '2026-03-01'], // ends on Sunday 3/1: not moved (第三十六条; restDay.extends false)
    ['penalty.limitation.lifeHealth', '2021-08-01', '2026-08-01'], // five years, ends on a Saturday: not moved
    ['publicity.period', '2023-10-04', '2026-10-04'], // 公示期 ends in 国庆: 第十三条 "届满三年的，停止公示", not moved
    ['publicity.period.low', '2026-07-04', '2026-10-04'],
    ['complaint.acceptance', '2026-04-30', '2026-05-13'], // 7 working days across 劳动节 5/1–5/5, Sat 5/9 make-up
    ['complaint.mediation', '2026-09-01', '2026-11-09'], // 45 working days across 国庆 10/1–10/7, Sat 10/10 make-up (第二十一条第一款第（五）项)
    ['complaint.terminationNotice', '2026-09-28', '2026-10-13'], // 7 working days (第二十一条第二款)
    ['complaint.leadVerification', '2026-09-25', '2026-10-22'], // 15 working days (第二十三条)
  ])('%s from %s is due %s', (id, start, due) => {
    expect(computeDeadline(rule(id), cal(), { start }).due).toBe(due);
  });

  // Changed (issue 10 item 2): the latest notice day was the seventh working day before the hearing
  // (2026-09-24), which left only six full working days between notice and hearing.
  it('counts "N days before" backwards over holidays: 第六十四条第（二）项 "在举行听证的七日前，通知" leaves seven full working days', () => {
    const c = cal();
    const r = computeDeadline(rule('penalty.hearingNotice'), c, { start: '2026-10-12' });
    // 2026: 中秋 9/25–9/27 and 国庆 10/1–10/7 off, Sat 10/10 a make-up workday
    expect(r.due).toBe('2026-09-23');
    // neither the notice day nor the hearing day counts: seven working days strictly between them
    expect(c.workingDaysBetween(r.due, '2026-10-11')).toBe(7);
    expect(c.workingDaysBetween('2026-09-24', '2026-10-11')).toBe(6);
    expect(r.description).toContain('最迟');
    expect(r.description).toContain('均不计入');
  });

  it('runs the quoted hearing-notice example: a hearing on Monday 2026-03-16 is notified by Wednesday 03-04', () => {
    const c = cal();
    const r = computeDeadline(rule('penalty.hearingNotice'), c, { start: '2026-03-16' });
    expect(r.due).toBe('2026-03-04');
    expect(c.workingDaysBetween('2026-03-04', '2026-03-15')).toBe(7); // 3/5, 3/6, 3/9 … 3/13
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

  it('declares on each rule whether its last day moves off a rest day, and says so in the explanation', () => {
    const c = cal();
    const limitation = computeDeadline(rule('penalty.limitation'), c, { start: '2024-03-01' });
    expect(limitation).toMatchObject({ due: '2026-03-01', skipped: [], restDay: { applies: true, extends: false } });
    expect(limitation.description).toContain('不顺延');
    const payment = computeDeadline(rule('penalty.payment'), c, { start: '2026-09-20' });
    expect(payment.restDay).toMatchObject({ applies: true, extends: true });
    expect(payment.description).toContain('2026-10-05 为休息日，顺延至 2026-10-08');
    expect(computeDeadline(rule('penalty.statement'), c, { start: '2026-09-20' }).restDay.applies).toBe(false);
  });

  it('marks a deadline provisional (暂按法定节假日计算) when its period touches a year without an official schedule', () => {
    const c = cal();
    const inside = computeDeadline(rule('penalty.statement'), c, { start: '2026-12-10' });
    expect(inside).toMatchObject({ provisional: false, officialCalendar: true });
    const across = computeDeadline(rule('penalty.statement'), c, { start: '2026-12-28' });
    expect(across).toMatchObject({ provisional: true, officialCalendar: false });
    expect(across.description).toContain('暂按法定节假日计算');
    // a period that does not move off a rest day does not depend on the calendar at all
    expect(computeDeadline(rule('penalty.limitation'), c, { start: '2026-03-01' }).provisional).toBe(false);
    expect(computeDeadline(rule('penalty.payment'), c, { start: '2026-12-20' }).provisional).toBe(true);
  });

  it('公开征求意见: 30 days from the day after publication (重大行政决策程序暂行条例 第十五条), ending on the 30th day even on a rest day', () => {
    const c = cal();
    const decision = computeDeadline(rule('consultation.majorDecision'), c, { start: '2025-09-05' });
    expect(decision).toMatchObject({ due: '2025-10-05', restDay: { applies: true, extends: false } });
    expect(computeDeadline(rule('consultation.normativeDocument'), c, { start: '2025-11-03' }).due).toBe('2025-12-03');
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
