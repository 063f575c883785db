/** 一部法律法规: its versions, the chapter tree of one version and its full text, article by article. */
import { HistoryOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Row, Select, Skeleton, Space, Timeline, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { articleUrl, useLawSource, type LawSourceDetail } from './api';
import { LevelTag, StatusTag } from './parts';
import { RepealModal } from './RepealModal';

type Heading = LawSourceDetail['headings'][number];
interface Node {
  key: string;
  title: string;
  children: Node[];
  depth: number;
}

const anchor = (ordinal: number | null) => `article-${ordinal ?? 0}`;

function headingTree(headings: Heading[]): Node[] {
  const depth = (h: Heading) => ({ part: 0, chapter: 1, section: 2 })[h.kind];
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const h of headings) {
    const node: Node = { key: `${h.seq}:${h.firstArticleOrdinal ?? 0}`, title: `${h.label} ${h.title}`.trim(), children: [], depth: depth(h) };
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

export default function LawPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? undefined;
  const law = useLawSource(id, version);
  const [repealing, setRepealing] = useState(false);
  const tree = useMemo(() => headingTree(law.data?.headings ?? []), [law.data]);
  const d = law.data;

  if (law.error) return <QueryError error={law.error} retry={() => law.refetch()} />;
  if (!d) return <Skeleton active />;
  const v = d.version;
  const headingsAt = new Map<number, Heading[]>();
  for (const h of d.headings) if (h.firstArticleOrdinal !== null) headingsAt.set(h.firstArticleOrdinal, [...(headingsAt.get(h.firstArticleOrdinal) ?? []), h]);

  return (
    <div>
      <PageTitle
        title={<span data-testid="law-title">{v.title}</span>}
        sub={
          <Space wrap size={4}>
            <LevelTag level={d.level} />
            <StatusTag status={v.status} />
            <span>{d.issuer ?? ''}</span>
            {v.subtitle && <span>{v.subtitle}</span>}
          </Space>
        }
        extra={
          <Space>
            <Select
              style={{ width: 240 }}
              value={v.id}
              data-testid="law-version-select"
              onChange={(next) => setParams(next === d.currentVersionId ? {} : { version: next }, { replace: true })}
              options={[...d.versions].reverse().map((x) => ({ value: x.id, label: `${x.versionDate} 版（${x.statusLabel}）` }))}
            />
            <Link to={`/record/legalSource/${encodeURIComponent(d.id)}`}>
              <Button icon={<HistoryOutlined />}>导入记录</Button>
            </Link>
            {d.abilities.repeal && !v.repealedOn && (
              <Button danger icon={<StopOutlined />} onClick={() => setRepealing(true)}>
                废止该版本
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card size="small" title="版本信息" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'doc', label: '文号', children: v.docNumber ?? '—' },
                { key: 'pro', label: '公布日期', children: v.promulgatedOn ?? '—' },
                { key: 'eff', label: '施行日期', children: v.effectiveOn ?? '—' },
                ...(v.repealedOn ? [{ key: 'rep', label: '废止日期', children: v.repealedOn }] : []),
                { key: 'n', label: '条文', children: `${v.articleCount} 条` },
              ]}
            />
            {v.history.length > 0 && (
              <Timeline
                style={{ marginTop: 12, marginBottom: -16 }}
                items={v.history.map((h) => ({
                  key: h.date + h.event,
                  children: (
                    <span>
                      <b>{h.date}</b> {h.event}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
          <Card size="small" title="目录" style={{ position: 'sticky', top: 16 }}>
            {tree.length ? (
              <Tree
                treeData={tree}
                defaultExpandAll
                selectable
                blockNode
                onSelect={(keys) => {
                  const ordinal = Number(String(keys[0] ?? '').split(':')[1]);
                  document.getElementById(anchor(ordinal))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本文本不分章节" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card size="small" title={`全文（${v.versionDate} 版）`}>
            {d.articles.map((a) => {
              return (
                <div key={a.id} id={a.suffix === 0 ? anchor(a.ordinal) : undefined} style={{ scrollMarginTop: 16 }}>
                  {a.suffix === 0 &&
                    (headingsAt.get(a.ordinal) ?? []).map((h) => (
                      <Typography.Title key={h.seq} level={h.kind === 'section' ? 5 : 4} style={{ textAlign: 'center', marginTop: 20 }}>
                        {h.label} {h.title}
                      </Typography.Title>
                    ))}
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }}>
                    <Link to={articleUrl(a.id)} style={{ fontWeight: 600, marginInlineEnd: 8 }}>
                      {a.label}
                    </Link>
                    {a.body}
                  </Typography.Paragraph>
                </div>
              );
            })}
          </Card>
        </Col>
      </Row>
      <RepealModal version={repealing ? v : null} onClose={() => setRepealing(false)} />
    </div>
  );
}
