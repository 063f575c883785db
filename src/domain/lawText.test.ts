import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionStatusOn } from './lawMetadata.ts';
import { parseLawFileName, parseLawText, type ParsedLaw } from './lawText.ts';
import { SAMPLE_LAWS_DIR } from '../seed/lawFiles.ts';

const LAWS_DIR = SAMPLE_LAWS_DIR;
const files = readdirSync(LAWS_DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const parse = (f: string) => {
  const r = parseLawText(f, readFileSync(join(LAWS_DIR, f), 'utf8'));
  if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.problems)}`);
  return r.law;
};

const sample = `# 中华人民共和国示例法

2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过

2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订

<!-- INFO END -->

## 第一章 总 则

第一条 为了规范示例，制定本法。

第二条 行政处罚的种类：

（一）警告、通报批评；

（二）罚款、没收违法所得、没收非法财物；

法律、行政法规规定的其他行政处罚。

## 第二章 处罚程序

### 第一节 一般规定

第十条 第一款。

第二款。

第十条之一 新增的条文。

### 第二节 听证程序

第一百二十四条 当事人要求听证的，应当在行政机关告知后五日内提出。

第一千零一条 本法自2021年7月15日起施行。
`;

describe('parseLawText: golden example', () => {
  const r = parseLawText('示例法(2021-01-22).md', sample);
  it('parses without problems', () => expect(r.ok ? [] : r.problems).toEqual([]));
  const law = (r as { law: ParsedLaw }).law;
  it('reads the header', () => {
    expect(law).toMatchObject({
      title: '中华人民共和国示例法',
      sourceId: '示例法',
      subtitle: null,
      level: 'law',
      issuer: '全国人民代表大会常务委员会',
      docNumber: null,
      versionDate: '2021-01-22',
      promulgatedOn: '2021-01-22',
      effectiveOn: '2021-07-15',
    });
    expect(law.history).toEqual([
      { date: '2020-01-01', event: '第十三届全国人民代表大会常务委员会第十五次会议通过' },
      { date: '2021-01-22', event: '第十三届全国人民代表大会常务委员会第二十五次会议修订' },
    ]);
  });
  it('numbers and orders articles, 之一 after the plain one', () => {
    expect(law.articles.map((a) => [a.label, a.ordinal, a.suffix])).toEqual([
      ['第一条', 1, 0],
      ['第二条', 2, 0],
      ['第十条', 10, 0],
      ['第十条之一', 10, 1],
      ['第一百二十四条', 124, 0],
      ['第一千零一条', 1001, 0],
    ]);
  });
  it('splits paragraphs and items', () => {
    const a2 = law.articles[1];
    expect(a2.paragraphs).toEqual([
      {
        text: '行政处罚的种类：',
        items: [
          { label: '（一）', text: '警告、通报批评；' },
          { label: '（二）', text: '罚款、没收违法所得、没收非法财物；' },
        ],
      },
      { text: '法律、行政法规规定的其他行政处罚。', items: [] },
    ]);
    expect(a2.body).toBe('行政处罚的种类：\n（一）警告、通报批评；\n（二）罚款、没收违法所得、没收非法财物；\n法律、行政法规规定的其他行政处罚。');
    expect(law.articles[2].paragraphs.map((p) => p.text)).toEqual(['第一款。', '第二款。']);
  });
  it('keeps the heading path of each article', () => {
    expect(law.articles[0].heading).toBe('第一章 总则');
    expect(law.articles[2].heading).toBe('第二章 处罚程序 / 第一节 一般规定');
    expect(law.articles[4].heading).toBe('第二章 处罚程序 / 第二节 听证程序');
    expect(law.headings.map((h) => [h.kind, h.label, h.title, h.firstArticleOrdinal])).toEqual([
      ['chapter', '第一章', '总则', 1],
      ['chapter', '第二章', '处罚程序', 10],
      ['section', '第一节', '一般规定', 10],
      ['section', '第二节', '听证程序', 124],
    ]);
  });
  it('reports an article gap as a warning, not a problem', () => {
    expect(r.warnings.map((w) => w.code)).toContain('ARTICLE_GAP');
  });
});

describe('parseLawText: metadata', () => {
  const header = (lines: string[], title: string) => `# ${title}\n\n${lines.join('\n\n')}\n\n<!-- INFO END -->\n\n第一条 内容。\n`;
  it('a department rule: issuer and 文号 from the 令, effective date from the 施行 line', () => {
    const r = parseLawText('x.md', header(['2019年11月30日 国家市场监督管理总局令第20号公布', '2020年1月1日 施行'], '市场监督管理投诉举报处理暂行办法'));
    expect(r.ok && r.law).toMatchObject({
      level: 'departmentRule',
      issuer: '国家市场监督管理总局',
      docNumber: '国家市场监督管理总局令第20号',
      promulgatedOn: '2019-11-30',
      effectiveOn: '2020-01-01',
      versionDate: '2019-11-30',
      sourceId: '市场监督管理投诉举报处理暂行办法',
    });
  });
  it('an administrative regulation: 国务院令', () => {
    const r = parseLawText('x.md', header(['2019年10月22日 中华人民共和国国务院令第722号公布', '2020年1月1日 施行'], '优化营商环境条例'));
    expect(r.ok && r.law).toMatchObject({ level: 'adminRegulation', issuer: '国务院', docNumber: '国务院令第722号' });
  });
  it('an explicit level overrides the inferred one, with a warning', () => {
    const r = parseLawText('x.md', header(['2019年10月22日 某某省人民政府令第1号公布'], '某某省消费者权益保护办法'), { level: 'localRule' });
    expect(r.ok && r.law.level).toBe('localRule');
    const r2 = parseLawText('x.md', header(['2019年10月22日 公布'], '某某办法'), { level: 'normativeDocument' });
    expect(r2.ok && r2.law.level).toBe('normativeDocument');
    expect(r2.warnings.map((w) => w.message).join()).toContain('规范性文件');
  });
  it('a file name without a date takes the latest history date', () => {
    expect(parseLawFileName('食品安全法(2021-04-29).md')).toEqual({ title: '食品安全法', date: '2021-04-29' });
    expect(parseLawFileName('dir/行政处罚法（2021-01-22）.md')).toEqual({ title: '行政处罚法', date: '2021-01-22' });
    expect(parseLawFileName('upload.md')).toBeNull();
  });
  it('status on a day: repeal date, amendment, not yet in force', () => {
    expect(versionStatusOn({ status: 'effective', effectiveOn: '2024-01-01', repealedOn: null }, '2023-12-31')).toBe('notYetEffective');
    expect(versionStatusOn({ status: 'effective', effectiveOn: '2024-01-01', repealedOn: null }, '2024-01-01')).toBe('effective');
    expect(versionStatusOn({ status: 'amended', effectiveOn: '2020-01-01', repealedOn: null }, '2024-01-01')).toBe('amended');
    expect(versionStatusOn({ status: 'effective', effectiveOn: '2020-01-01', repealedOn: '2025-01-01' }, '2024-12-31')).toBe('effective');
    expect(versionStatusOn({ status: 'amended', effectiveOn: '2020-01-01', repealedOn: '2025-01-01' }, '2025-01-01')).toBe('repealed');
  });
});

describe('parseLawText: bad Markdown reports every problem with its line', () => {
  it('missing title, missing INFO END, order, duplicates, numerals, empty articles — all at once', () => {
    const bad = [
      '2021年1月22日 某某会议通过', //  1
      '', //                             2
      '第一条 第一条的内容。', //         3
      '第三条 第三条的内容。', //         4
      '第二条 顺序错了。', //             5
      '第三条 重复的条号。', //           6
      '第3条 不是中文数字。', //          7
      '第四条', //                        8
      '第五条 有内容。', //               9
    ].join('\n');
    const r = parseLawText('坏文件(2021-01-22).md', bad);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems.map((p) => [p.line, p.code]);
    expect(problems).toEqual([
      [1, 'TITLE_MISSING'],
      [3, 'INFO_END_MISSING'],
      [5, 'ARTICLE_OUT_OF_ORDER'],
      [6, 'ARTICLE_DUPLICATE'],
      [7, 'ARTICLE_NUMBER_INVALID'],
      [8, 'ARTICLE_EMPTY'],
    ]);
    for (const p of r.ok ? [] : r.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('text before the first article, an invalid date, a mismatched file name and no articles', () => {
    const r = parseLawText('行政处罚法(2021-01-22).md', '# 中华人民共和国食品安全法\n2021年2月30日 修正\n<!-- INFO END -->\n序言的文字\n');
    expect(r.ok ? [] : r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'FILE_NAME_MISMATCH'],
      [2, 'DATE_INVALID'],
      [4, 'TEXT_OUTSIDE_ARTICLE'],
      [4, 'NO_ARTICLES'],
    ]);
  });
  it('a file with neither a dated name nor history has no version date', () => {
    const r = parseLawText('upload.md', '# 某某条例\n<!-- INFO END -->\n第一条 内容。\n');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['VERSION_DATE_MISSING']);
  });
  it('BOM, CRLF, zero-width characters and a subtitle are handled', () => {
    const r = parseLawText('x.md', '\ufeff# 某某条例\r\n# （副标题）\r\n2020年1月1日 国务院令第1号公布\r\n<!-- INFO END -->\r\n\u200b\r\n第一条 内容。\r\n');
    expect(r.ok && [r.law.title, r.law.subtitle, r.law.articles[0].body]).toEqual(['某某条例', '（副标题）', '内容。']);
  });
});

describe('the 41 sample laws', () => {
  it('all parse, with the article counts of the README', () => {
    expect(files.length).toBe(41);
    const counts = new Map(files.map((f) => [f, parse(f).articles.length]));
    expect(counts.get('行政处罚法(2021-01-22).md')).toBe(86);
    expect(counts.get('食品安全法(2021-04-29).md')).toBe(154);
    expect(counts.get('行政复议法(2023-09-01).md')).toBe(90);
    expect(counts.get('产品质量法(2018-12-29).md')).toBe(74);
    for (const [f, n] of counts) expect(n, f).toBeGreaterThan(10);
  });
  it('every article is numbered consecutively from 第一条', () => {
    for (const f of files) {
      const law = parse(f);
      expect(
        law.articles.map((a) => a.ordinal),
        f,
      ).toEqual(law.articles.map((_, i) => i + 1));
    }
  });
  it('levels, issuers and dates are read from the history', () => {
    const cf = parse('行政处罚法(2021-01-22).md');
    expect(cf).toMatchObject({ sourceId: '行政处罚法', level: 'law', versionDate: '2021-01-22', effectiveOn: '2021-07-15' });
    expect(cf.articles.find((a) => a.label === '第六十三条')!.heading).toBe('第五章 行政处罚的决定 / 第四节 听证程序');
    expect(parse('食品安全法实施条例(2019-10-11).md')).toMatchObject({ level: 'adminRegulation', docNumber: '国务院令第721号', effectiveOn: '2019-12-01' });
    expect(parse('侵害消费者权益行为处罚办法(2015-01-05).md')).toMatchObject({
      level: 'departmentRule',
      issuer: '国家工商行政管理总局',
      effectiveOn: '2015-03-15',
    });
    expect(parse('行政执法机关移送涉嫌犯罪案件的规定(2020-08-07).md').level).toBe('adminRegulation');
    expect(parse('广告法(2021-04-29).md').effectiveOn).toBe('2021-04-29'); // its 施行 line is the 2015 revision's
    const levels = new Set(files.map((f) => parse(f).level));
    expect([...levels].sort()).toEqual(['adminRegulation', 'departmentRule', 'law']);
  });
});

describe('laws/pending: texts the importer does not accept yet (laws/README.md says why)', () => {
  it('rejects each with the line it cannot place, so nothing imports them silently', () => {
    const dir = join(SAMPLE_LAWS_DIR, 'pending');
    const pending = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(pending.length).toBe(2);
    for (const f of pending) {
      const r = parseLawText(f, readFileSync(join(dir, f), 'utf8'));
      expect(r.ok, f).toBe(false);
      if (!r.ok)
        expect(
          r.problems.some((p) => p.code === 'TEXT_OUTSIDE_ARTICLE' || p.code === 'NO_ARTICLES'),
          f,
        ).toBe(true);
    }
  });
});
