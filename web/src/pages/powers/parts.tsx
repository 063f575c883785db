/** Small pieces shared by the power-list pages: category tags, article links, status. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { powerCategoryIds, powerCategoryLabels, shortLawTitle, type PowerCategory } from '../../../../src/domain/powers';
import { articleUrl, type CitedArticle } from './api';

const categoryColors: Record<PowerCategory, string> = {
  licensing: 'blue',
  penalty: 'red',
  coercion: 'volcano',
  levy: 'gold',
  benefit: 'lime',
  inspection: 'cyan',
  confirmation: 'geekblue',
  reward: 'green',
  adjudication: 'purple',
  other: 'default',
};

export const categoryOptions = powerCategoryIds.map((value) => ({ value, label: powerCategoryLabels[value] }));

export function CategoryTag({ category }: { category: PowerCategory }) {
  return <Tag color={categoryColors[category]}>{powerCategoryLabels[category]}</Tag>;
}

const versionStatusLabels: Record<string, { text: string; color: string }> = {
  amended: { text: '已修改', color: 'orange' },
  repealed: { text: '已废止', color: 'red' },
  notYetEffective: { text: '尚未生效', color: 'blue' },
  unknown: { text: '数据库中无此条', color: 'red' },
};

/** 《法名》第X条 as a link to the article page, with the version and a warning when that version is no longer current. */
export function ArticleLink({ a, showVersion = false, short = false }: { a: CitedArticle; showVersion?: boolean; short?: boolean }) {
  const status = versionStatusLabels[a.versionStatus];
  return (
    <span>
      <Tooltip title={`${a.lawTitle}（${a.versionDate} 版）${a.label}`}>
        <Link to={articleUrl(a.articleId)} data-testid="basis-link">
          《{short ? shortLawTitle(a.lawTitle) : a.lawTitle}》{a.label}
        </Link>
      </Tooltip>
      {showVersion && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
          {a.versionDate} 版
        </Typography.Text>
      )}
      {status && (
        <Tag color={status.color} style={{ marginInlineStart: 4 }}>
          {status.text}
        </Tag>
      )}
    </span>
  );
}

export function BasisLinks({ basis, vertical = false }: { basis: CitedArticle[]; vertical?: boolean }) {
  return (
    <Space orientation={vertical ? 'vertical' : 'horizontal'} size={[8, 2]} wrap>
      {basis.map((a) => (
        <ArticleLink key={a.articleId} a={a} showVersion={vertical} short={!vertical} />
      ))}
    </Space>
  );
}

/** Inclusive end of a validity period whose stored end is exclusive. */
export function lastDay(validTo: string | null): string | null {
  if (!validTo) return null;
  const d = new Date(`${validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export const periodText = (validFrom: string, validTo: string | null) => (validTo ? `${validFrom} 至 ${lastDay(validTo)}` : `${validFrom} 起`);
