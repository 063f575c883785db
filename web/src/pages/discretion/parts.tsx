/** Small pieces shared by the discretion pages: money in 元, tier tags, article links. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { discretionRules } from '../../../../src/domain/discretion/tiers';
import { discretionTiers, type DiscretionTier } from '../../../../src/domain/discretion/vocabulary';
import { articleUrl, type ArticleRef } from './api';

export const tierColors: Record<DiscretionTier, string> = {
  noPenalty: 'green',
  mitigatedBelowRange: 'cyan',
  lighter: 'blue',
  standard: 'gold',
  heavier: 'red',
};

export function TierTag({ tier }: { tier: string }) {
  return <Tag color={tierColors[tier as DiscretionTier] ?? 'default'}>{discretionTiers[tier as DiscretionTier] ?? tier}</Tag>;
}

export const yuan = (fen: number) => formatYuan(fen);

export function RangeText({ range }: { range: { minFen: number; maxFen: number; upperExclusive?: boolean } | null }) {
  if (!range) return <span>—</span>;
  if (range.minFen === range.maxFen) return <span className="fz-mono">{yuan(range.minFen)}</span>;
  return (
    <span className="fz-mono">
      {formatYuan(range.minFen, false)} – {yuan(range.maxFen)}
      {range.upperExclusive ? '（不含）' : ''}
    </span>
  );
}

const statusLabels: Record<string, { text: string; color: string }> = {
  amended: { text: '已修改', color: 'orange' },
  repealed: { text: '已废止', color: 'red' },
  notYetEffective: { text: '尚未生效', color: 'blue' },
};

/** 《法名》第X条 as a link to the article page (the id itself is shown when the library lacks it). */
export function ArticleLink({ id, articles }: { id: string; articles?: Record<string, ArticleRef> }) {
  const a = articles?.[id];
  const [version, label] = id.split('#');
  const [source, date] = version.split('@');
  // without the article map (lists) no status is shown; with it, an id the library lacks is marked
  const status = a ? statusLabels[a.status] : articles ? { text: '数据库中无此条', color: 'red' } : undefined;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tooltip title={`${a?.title ?? source}（${date} 版）${label}`}>
        <Link to={articleUrl(id)} data-testid="article-link">
          《{source}》{label}
        </Link>
      </Tooltip>
      {status && (
        <Tag color={status.color} style={{ marginInlineStart: 4 }}>
          {status.text}
        </Tag>
      )}
    </span>
  );
}

export function ArticleLinks({ ids, articles }: { ids: string[]; articles?: Record<string, ArticleRef> }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '2px 10px' }}>
      {[...new Set(ids)].map((id) => (
        <ArticleLink key={id} id={id} articles={articles} />
      ))}
    </span>
  );
}

/** 法定 / 酌定, with 应当 / 可以 for a statutory circumstance. */
export function NatureTag({ nature, force }: { nature: 'statutory' | 'discretionary'; force?: 'must' | 'may' }) {
  if (nature === 'discretionary') return <Tag>酌定</Tag>;
  return <Tag color="purple">{force === 'may' ? '法定（可以）' : force === 'must' ? '法定（应当）' : '法定'}</Tag>;
}

export interface DecidingRuleLike {
  id: string;
  nature: 'statutory' | 'discretionary';
  articleIds: string[];
  text: string;
}

/** The rule that decided the tier: its name, 法定/酌定, its statement in official wording and its articles. */
export function DecidingRuleView({ rule, articles }: { rule: DecidingRuleLike; articles?: Record<string, ArticleRef> }) {
  const known = discretionRules[rule.id as keyof typeof discretionRules];
  return (
    <div data-testid="deciding-rule">
      <Space wrap size={4}>
        <Tooltip title={known?.statement}>
          <Typography.Text strong>{known?.label ?? rule.id}</Typography.Text>
        </Tooltip>
        <NatureTag nature={rule.nature} />
      </Space>
      <div>{rule.text}</div>
      <ArticleLinks ids={rule.articleIds} articles={articles} />
    </div>
  );
}

/** 减轻处罚: below the legal minimum, 法定 or not — never 简易程序, always 集体讨论. */
export function MitigationTag({ m }: { m?: { belowRange: boolean; statutory: boolean } | null }) {
  if (!m?.belowRange) return null;
  return (
    <Tooltip title="减轻处罚不适用简易程序，须经负责人集体讨论决定">
      <Tag color="cyan" data-testid="mitigation-tag">
        {m.statutory ? '法定减轻' : '减轻'}：须集体讨论
      </Tag>
    </Tooltip>
  );
}

/** "建议原批准、发证的部门" for a penalty another authority decides; 应当 / 可以 otherwise. */
export function ApplyTag({ p }: { p: { applies: string; reservedTo?: { authority: string } | null } }) {
  if (p.reservedTo) return <Tag color="geekblue">建议{p.reservedTo.authority}决定</Tag>;
  return p.applies === 'required' ? <Tag color="red">应当</Tag> : <Tag color="blue">可以</Tag>;
}

/** `农产品质量安全法@2018-10-26` → 《农产品质量安全法》（2018-10-26 版） */
export const lawVersionText = (versionId: string) => {
  const [source, date] = versionId.split('@');
  return `《${source}》（${date} 版）`;
};
