/** Small pieces shared by the discretion pages: money in 元, tier tags, article links. */
import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { formatYuan } from '../../../../src/domain/discretion/money';
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
