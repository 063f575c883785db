import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { formatNumber, layOut, templateFields, type FillEnv } from './fill.ts';
import { arabicDate, chineseDate, dateTime, smallChineseNumber, yuan, yuanUpper } from './format.ts';
import type { InstrumentTemplate } from './model.ts';
import { instrumentTemplates, sharedLabels } from './templates/index.ts';

const env: FillEnv = { orgName: '示例区市场监督管理局', orgCode: '示', date: '2026-11-23', seq: 12, watermark: null };

const textOf = (t: InstrumentTemplate, data: Record<string, unknown>) =>
  layOut(t, data, env, sharedLabels)
    .blocks.map((b) =>
      b.type === 'paragraph'
        ? b.paragraph.runs.map((r) => r.text).join('')
        : b.type === 'table'
          ? b.rows.map((r) => r.map((c) => c.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join('')).join('|')).join('\n')
          : b.type === 'signature'
            ? [...b.lines, b.date].join('\n')
            : '',
    )
    .join('\n');

describe('how instruments write dates and money', () => {
  it('writes 成文日期 in Chinese numerals with 〇 (GB/T 9704)', () => {
    expect(chineseDate('2026-11-23')).toBe('二〇二六年十一月二十三日');
    expect(chineseDate('2030-01-10')).toBe('二〇三〇年一月十日');
    expect(chineseDate('2026-02-30')).toBeNull();
    expect(arabicDate('2026-09-03')).toBe('2026年9月3日');
    expect(dateTime('2026-09-05T09:30')).toBe('2026年9月5日9时30分');
    expect(smallChineseNumber(15)).toBe('十五');
  });

  it('writes money from integer 分, in figures and in capitals', () => {
    expect(yuan(5_000_000)).toBe('50000元');
    expect(yuan(123_450)).toBe('1234.50元');
    expect(yuan(12.5)).toBeNull();
    expect(yuanUpper(5_000_000)).toBe('伍万元整');
    expect(yuanUpper(5_033_600)).toBe('伍万零叁佰叁拾陆元整');
    expect(yuanUpper(1_000_500)).toBe('壹万零伍元整');
    expect(yuanUpper(10_000_000_000)).toBe('壹亿元整');
    expect(yuanUpper(1_234_056)).toBe('壹万贰仟叁佰肆拾元伍角陆分');
    expect(yuanUpper(105)).toBe('壹元零伍分');
  });

  it('formats the 文号 from the pattern, with a blank on a preview', () => {
    expect(formatNumber('{orgShort}市监处罚〔{year}〕{n}号', '示', 2026, 12)).toBe('示市监处罚〔2026〕12号');
    expect(formatNumber('{orgShort}市监处罚〔{year}〕{n}号', '示', 2026, null)).toBe('示市监处罚〔2026〕\u3000\u3000号');
  });
});

describe('templates', () => {
  it('has the eighteen instruments of the issue, each with a distinct number pattern', () => {
    const titles = instrumentTemplates.map((t) => t.title).join('、');
    for (const name of [
      '立案审批表',
      '不予立案审批表',
      '询问笔录',
      '现场笔录',
      '案件调查终结报告',
      '案件审核表',
      '法制审核意见书',
      '集体讨论记录',
      '行政处罚告知书',
      '听证告知书',
      '听证通知书',
      '听证笔录',
      '行政处罚决定书',
      '当场行政处罚决定书',
      '不予行政处罚决定书',
      '送达回证',
      '涉嫌犯罪案件移送书',
      '结案审批表',
    ]) {
      expect(titles).toContain(name);
    }
    expect(new Set(instrumentTemplates.map((t) => t.numberPattern)).size).toBe(instrumentTemplates.length);
    expect(new Set(instrumentTemplates.map((t) => t.kind)).size).toBe(instrumentTemplates.length);
  });

  it('names every field a template reads in Chinese', () => {
    for (const t of instrumentTemplates) {
      for (const f of templateFields(t, sharedLabels)) {
        expect(f.label, `${t.kind}: ${f.path}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('fills every template with its sample data', () => {
    for (const t of instrumentTemplates) {
      const doc = layOut(t, t.sample, env, sharedLabels);
      expect(doc.title).toBe(t.title);
      expect(doc.number).toMatch(/^示市监.+〔2026〕12号$/);
      const text = textOf(t, t.sample);
      expect(text, t.kind).not.toMatch(/\{[^}]*\}/);
      expect(text, t.kind).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('lists every missing field at once, with its Chinese name, and renders nothing', () => {
    const decision = instrumentTemplates.find((t) => t.kind === 'penaltyDecision')!;
    const {
      facts: _f,
      party,
      evidence: _e,
      reconsiderationBody: _r,
      ...rest
    } = decision.sample as Record<string, unknown> & { party: Record<string, unknown> };
    const data = { ...rest, party: { ...party, address: ' ' }, evidence: [] };
    try {
      layOut(decision, data, env, sharedLabels);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.status).toBe(422);
      expect(err.code).toBe('INSTRUMENT_DATA_MISSING');
      const missing = (err.details as { missing: { path: string; label: string }[] }).missing;
      expect(missing.map((m) => m.path).sort()).toEqual(['evidence', 'facts', 'party.address', 'reconsiderationBody']);
      expect(err.messageZh).toContain('违法事实');
      expect(err.messageZh).toContain('行政复议机关');
    }
  });

  it('reports a list item by its position and a malformed value by what it should be', () => {
    const decision = instrumentTemplates.find((t) => t.kind === 'penaltyDecision')!;
    const inquiry = instrumentTemplates.find((t) => t.kind === 'inquiryRecord')!;
    const s = inquiry.sample as { qa: { q: string; a: string }[] };
    expect(() => layOut(inquiry, { ...inquiry.sample, qa: [s.qa[0], { q: '还有补充吗？' }] }, env, sharedLabels)).toThrow(/询问内容第2项的答/);
    expect(() => layOut(decision, { ...decision.sample, payable: '五万元' }, env, sharedLabels)).toThrow(/INSTRUMENT_DATA_INVALID/);
    expect(() => layOut(decision, { ...decision.sample, org: 'x' }, env, sharedLabels)).toThrow(/由系统填写/);
  });

  it('follows the data: a person has an id number instead of a credit code, no money penalty means no payment paragraph', () => {
    const decision = instrumentTemplates.find((t) => t.kind === 'penaltyDecision')!;
    const s = decision.sample as Record<string, unknown> & { party: Record<string, unknown> };
    const person = { name: '张三', idNumber: '990105199206110027', address: '示例市示例区光明街1号' };
    const text = textOf(decision, {
      ...s,
      party: person,
      fine: undefined,
      payable: undefined,
      payableLines: undefined,
      payableSeveral: undefined,
      paymentNote: undefined,
    });
    expect(text).toContain('身份证件号码：990105199206110027');
    expect(text).not.toContain('统一社会信用代码');
    expect(text).not.toContain('缴纳罚没款');
    expect(text).not.toContain('加处罚款');
    expect(() => layOut(decision, { ...s, party: { name: '张三', address: 'x' } }, env, sharedLabels)).toThrow(/当事人身份证件号码或统一社会信用代码/);
    const withFine = textOf(decision, s);
    expect(withFine).toContain('十五日内');
    expect(withFine).toContain('50336元（大写：人民币伍万零叁佰叁拾陆元整）');
    expect(withFine).toContain('第七十二条');
    expect(withFine).toContain('六十日内向示例区人民政府申请行政复议');
    expect(withFine).toContain('六个月内依法向示例区人民法院提起行政诉讼');
    expect(withFine).toContain('二〇二六年十一月二十三日');
  });

  it('tells the party of an on-the-spot decision to seek reconsideration first (行政复议法 第二十三条)', () => {
    const t = instrumentTemplates.find((x) => x.kind === 'summaryPenaltyDecision')!;
    const text = textOf(t, t.sample);
    expect(text).toContain('先向示例区人民政府申请行政复议');
    expect(text).toContain('第二十三条');
  });
});
