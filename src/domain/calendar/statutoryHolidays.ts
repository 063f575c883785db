/**
 * 法定节假日 by rule, for years the official schedule has not yet been published:
 * 《全国年节及纪念日放假办法》(国务院令第795号修订，2025年1月1日起施行) 第二条 —
 * 元旦 1 day (1 Jan); 春节 4 days (除夕 to 正月初三); 清明节 1 day (the 清明 solar term);
 * 劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1–3 Oct).
 * Make-up workdays (调休) cannot be derived; they come with the State Council's yearly notice,
 * which an administrator enters (or a newer calendar package brings).
 */
import chineseDays from 'chinese-days';
import { addDays } from '../dates.ts';

export const STATUTORY_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》第二条（国务院令第795号，2025年1月1日起施行）';

const lunar = (year: number, md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;

export function statutoryHolidays(year: number): { date: string; name: string }[] {
  const springFestival = lunar(year, '01-01');
  const out = [
    { date: `${year}-01-01`, name: '元旦' },
    { date: addDays(springFestival, -1), name: '春节（除夕）' },
    ...[0, 1, 2].map((i) => ({ date: addDays(springFestival, i), name: '春节' })),
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, '05-05'), name: '端午节' },
    { date: lunar(year, '08-15'), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  // 除夕 of year+1 can fall in this year's late January/February only; keep dates within the year
  return out.filter((d) => d.date.startsWith(`${year}-`));
}
