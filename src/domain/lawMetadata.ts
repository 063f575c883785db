/**
 * What a legal text's header says about it: its level (效力级别), issuing body, document number
 * (文号), promulgation and effective dates — read from the dated history lines, with the title
 * and the closing article (本法自…起施行) as fallbacks.
 */

export const lawLevels = ['law', 'adminRegulation', 'departmentRule', 'localRegulation', 'localRule', 'normativeDocument'] as const;
export type LawLevel = (typeof lawLevels)[number];
export const lawLevelLabels: Record<LawLevel, string> = {
  law: '法律',
  adminRegulation: '行政法规',
  departmentRule: '部门规章',
  localRegulation: '地方性法规',
  localRule: '地方政府规章',
  normativeDocument: '规范性文件',
};

export const lawStatuses = ['effective', 'amended', 'repealed', 'notYetEffective'] as const;
export type LawStatus = (typeof lawStatuses)[number];
export const lawStatusLabels: Record<LawStatus, string> = {
  effective: '有效',
  amended: '已修改',
  repealed: '已废止',
  notYetEffective: '尚未生效',
};

export interface MetadataInput {
  title: string;
  history: { date: string; event: string }[];
  versionDate: string;
  /** the articles' text, to find "本法自…起施行" */
  articles: { body: string }[];
  level?: LawLevel;
}

export interface LawMetadata {
  level: LawLevel;
  issuer: string | null;
  docNumber: string | null;
  promulgatedOn: string;
  effectiveOn: string;
  warnings: string[];
}

const ORDER_NUMBER = /(\p{Script=Han}+?令)第\s*([0-9零一二三四五六七八九十百千]+)\s*号/u;
const LOCAL_CONGRESS = /(\p{Script=Han}*?(?:省|自治区|市|自治州|县))第[零一二三四五六七八九十]+届人民代表大会(常务委员会)?/u;
const IN_FORCE_LINE = /^(?:自.*起)?施行$/;
/** A history line that only says when the text takes effect (2020年1月1日 施行). */
export const isInForceEvent = (event: string) => IN_FORCE_LINE.test(event);
const IN_FORCE_ARTICLE = /本(?:法|条例|规定|办法|细则|实施细则|决定|规则)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;
const FROM_PROMULGATION = /本(?:法|条例|规定|办法|细则|实施细则|决定|规则)自公布之日起施行/;

const pad = (n: string) => n.padStart(2, '0');

export function inferMetadata(input: MetadataInput): LawMetadata {
  const warnings: string[] = [];
  const upTo = input.history.filter((h) => h.date <= input.versionDate);
  const text = upTo.map((h) => h.event).join('\n');

  // the latest 令 (国务院令第722号, 国家市场监督管理总局令第20号) names the issuer and the 文号
  let order: { issuer: string; docNumber: string } | null = null;
  for (const h of upTo) {
    const m = ORDER_NUMBER.exec(h.event);
    if (m) {
      const issuer = m[1].replace(/^中华人民共和国/, '').replace(/令$/, '');
      order = { issuer, docNumber: `${issuer}令第${m[2]}号` };
    }
  }
  const national = upTo.filter((h) => h.event.includes('全国人民代表大会')).at(-1);
  const localCongress = !national
    ? upTo
        .map((h) => LOCAL_CONGRESS.exec(h.event))
        .filter(Boolean)
        .at(-1)
    : null;

  let level: LawLevel;
  let issuer: string | null = null;
  if (national) {
    level = 'law';
    issuer = national.event.includes('全国人民代表大会常务委员会') ? '全国人民代表大会常务委员会' : '全国人民代表大会';
  } else if (order) {
    level = order.issuer === '国务院' ? 'adminRegulation' : /人民政府$/.test(order.issuer) ? 'localRule' : 'departmentRule';
    issuer = order.issuer;
  } else if (text.includes('国务院')) {
    level = 'adminRegulation';
    issuer = '国务院';
  } else if (localCongress) {
    level = 'localRegulation';
    issuer = `${localCongress[1]}人民代表大会${localCongress[2] ?? ''}`;
  } else {
    level = levelFromTitle(input.title);
    if (level === 'adminRegulation') issuer = '国务院';
    if (level === 'law') issuer = '全国人民代表大会常务委员会';
    warnings.push(`未能从制定、修改历史判断效力级别和制定机关，按标题推定为“${lawLevelLabels[level]}”`);
  }
  if (input.level && input.level !== level) {
    warnings.push(`效力级别按导入时的指定设为“${lawLevelLabels[input.level]}”（推定为“${lawLevelLabels[level]}”）`);
    level = input.level;
  }

  // a history that stops before the version's date does not describe this version: its date is the promulgation
  const promulgation = upTo.filter((h) => !IN_FORCE_LINE.test(h.event)).at(-1);
  const promulgatedOn = promulgation && upTo.at(-1)!.date >= input.versionDate ? promulgation.date : input.versionDate;

  let effectiveOn: string | null = null;
  const inForce = input.history.filter((h) => IN_FORCE_LINE.test(h.event)).at(-1);
  if (inForce && inForce.date >= promulgatedOn) effectiveOn = inForce.date;
  if (!effectiveOn) {
    for (const a of input.articles.slice(-6).reverse()) {
      const m = IN_FORCE_ARTICLE.exec(a.body);
      if (m) {
        const d = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
        if (d >= promulgatedOn) effectiveOn = d;
        break;
      }
      if (FROM_PROMULGATION.test(a.body)) {
        effectiveOn = promulgatedOn;
        break;
      }
    }
  }
  return { level, issuer, docNumber: order?.docNumber ?? null, promulgatedOn, effectiveOn: effectiveOn ?? promulgatedOn, warnings };
}

function levelFromTitle(title: string): LawLevel {
  if (/法$/.test(title)) return 'law';
  const local = /^\p{Script=Han}{2,6}(?:省|自治区|市(?!场))/u.test(title) && !title.startsWith('中华人民共和国');
  if (/条例$/.test(title)) return local ? 'localRegulation' : 'adminRegulation';
  if (/(?:办法|规定|细则|规则)$/.test(title)) return local ? 'localRule' : 'departmentRule';
  return 'normativeDocument';
}

/** The status a version has on a given day (stored status is a cache of this). */
export function versionStatusOn(v: { status: LawStatus; effectiveOn: string | null; repealedOn: string | null }, today: string): LawStatus {
  if (v.repealedOn && v.repealedOn <= today) return 'repealed';
  if (v.status === 'amended') return 'amended';
  if (v.effectiveOn && v.effectiveOn > today) return 'notYetEffective';
  return 'effective';
}
