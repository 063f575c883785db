/** 条文: paragraphs (款) and items (项), the articles before and after, the same number in every version, and a diff. */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { articleUrl, lawUrl, useArticle, useArticleDiff, type Article } from './api';
import { DiffLegend, DiffView, LevelTag, StatusTag } from './parts';

type VersionRow = Article['versions'][number];

export default function ArticlePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const article = useArticle(id);
  const a = article.data;
  const [compareWith, setCompareWith] = useState<string | null>(null);
  const others = (a?.versions ?? []).filter((v) => v.articleId && v.articleId !== id);
  const target =
    compareWith && others.some((v) => v.articleId === compareWith)
      ? compareWith
      : (others.find((v) => v.sameText === false)?.articleId ?? others[0]?.articleId ?? null);
  const targetDate = a?.versions.find((v) => v.articleId === target)?.versionDate ?? '';
  const targetIsOlder = !!a && targetDate < a.version.versionDate;
  // always old → new
  const diff = useArticleDiff(targetIsOlder ? (target ?? id) : id, targetIsOlder ? id : target);

  if (article.error) return <QueryError error={article.error} retry={() => article.refetch()} />;
  if (!a) return <Skeleton active />;

  return (
    <div>
      <PageTitle
        title={
          <span data-testid="article-title">
            《{a.version.title}》{a.label}
          </span>
        }
        sub={
          <Space wrap size={4}>
            <LevelTag level={a.source.level} />
            <StatusTag status={a.version.status} />
            <span>{a.version.versionDate} 版</span>
            {a.heading && <span>· {a.heading}</span>}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<LeftOutlined />} disabled={!a.previousId} onClick={() => a.previousId && navigate(articleUrl(a.previousId))}>
              上一条
            </Button>
            <Button disabled={!a.nextId} onClick={() => a.nextId && navigate(articleUrl(a.nextId))}>
              下一条 <RightOutlined />
            </Button>
            <Link to={lawUrl(a.source.id, a.version.id)}>
              <Button>查看全文</Button>
            </Link>
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title="条文" extra={a.citedBy > 0 && <Tag color="blue">被 {a.citedBy} 个事项引用</Tag>} style={{ marginBottom: 16 }}>
            {a.paragraphs.map((p, i) => (
              <div key={i} style={{ marginBottom: 12 }} data-testid="article-paragraph">
                <Typography.Paragraph style={{ lineHeight: 1.9, marginBottom: 4 }}>
                  {a.paragraphs.length > 1 && (
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                      第{i + 1}款
                    </Typography.Text>
                  )}
                  {p.text}
                </Typography.Paragraph>
                {p.items.map((it) => (
                  <Typography.Paragraph key={it.label} style={{ lineHeight: 1.9, marginBottom: 2, paddingInlineStart: 28 }}>
                    <b>{it.label}</b>
                    {it.text}
                  </Typography.Paragraph>
                ))}
              </div>
            ))}
            <Typography.Text type="secondary" className="fz-mono">
              {a.id}
            </Typography.Text>
          </Card>
          <Card size="small" title="版本比较" extra={<DiffLegend />}>
            {others.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="其他版本中没有这一条" />
            ) : (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <span>与</span>
                  <Select
                    style={{ width: 220 }}
                    value={target ?? undefined}
                    onChange={setCompareWith}
                    data-testid="article-compare-select"
                    options={others.map((v) => ({ value: v.articleId!, label: `${v.versionDate} 版${v.sameText ? '（文字相同）' : ''}` }))}
                  />
                  <span>的{a.label}比较（由旧版本到新版本）</span>
                </Space>
                {diff.error && <QueryError error={diff.error} />}
                {diff.data &&
                  (diff.data.identical ? (
                    <Typography.Text type="success">两个版本的文字完全相同。</Typography.Text>
                  ) : (
                    <DiffView testId="article-diff" ops={diff.data.ops} />
                  ))}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="版本沿革">
            <Table<VersionRow>
              rowKey="versionId"
              size="small"
              pagination={false}
              dataSource={[...a.versions].reverse()}
              rowClassName={(v) => (v.versionId === a.version.id ? 'ant-table-row-selected' : '')}
              columns={[
                { title: '版本', dataIndex: 'versionDate', render: (d: string, v) => <Link to={lawUrl(a.source.id, v.versionId)}>{d}</Link> },
                { title: '状态', dataIndex: 'status', render: (_: string, v) => <StatusTag status={v.status} /> },
                {
                  title: a.label,
                  render: (_, v) =>
                    v.articleId === a.id ? (
                      <Tag>本条</Tag>
                    ) : v.articleId ? (
                      <Link to={articleUrl(v.articleId)}>{v.sameText ? '文字相同' : '文字不同'}</Link>
                    ) : (
                      <Typography.Text type="secondary">无此条</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
