/**
 * 违法行为: the articles it violates and that punish it, the statutory ranges, the benchmarks of the
 * caller's org and the orgs above it (tiers, circumstances, exemption lists), and the live calculator.
 */
import { EditOutlined, HistoryOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeBound, describeCondition } from '../../../../src/domain/discretion/statute';
import { describeSpec } from '../../../../src/domain/discretion/tiers';
import { conditionText } from '../../../../src/domain/discretion/sheet';
import {
  applyModes,
  circumstanceEffects,
  circumstanceKinds,
  exemptionLists,
  penaltyKinds,
  tierRank,
  type DiscretionTier,
} from '../../../../src/domain/discretion/vocabulary';
import { PageTitle, QueryError } from '../../components/common';
import { useViolation, type Benchmark, type ViolationDetail } from './api';
import { BenchmarkEditor, type EditorTarget } from './BenchmarkEditor';
import { CalculatorPanel } from './CalculatorPanel';
import { ArticleLink, ArticleLinks, TierTag, lawVersionText } from './parts';
import { ViolationFormModal } from './ViolationFormModal';

function Statute({ v }: { v: ViolationDetail }) {
  const label = (id: string) => v.conditions.find((c) => c.id === id)?.label ?? id;
  return (
    <Card title="法律依据与法定幅度" size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="违反条款">
          <ArticleLinks ids={v.violates} articles={v.articles} />
        </Descriptions.Item>
        <Descriptions.Item label="处罚依据">
          <ArticleLinks ids={v.punishes} articles={v.articles} />
        </Descriptions.Item>
        {v.conditions.length > 0 && (
          <Descriptions.Item label="法定情形">
            {v.conditions.map((c) => (
              <Tag key={c.id}>{c.label}</Tag>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={v.provisions}
        expandable={{
          rowExpandable: (p) => !!p.branches?.length,
          defaultExpandAllRows: true,
          expandedRowRender: (p) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.branches}
              columns={[
                { title: '法定幅度', dataIndex: 'label', width: 200 },
                { title: '适用条件', render: (_: unknown, b) => (b.when.length ? b.when.map((c) => describeCondition(c, label)).join('且') : '—') },
                {
                  title: '罚款',
                  width: 260,
                  render: (_: unknown, b) => (
                    <span>
                      {`${describeBound(b.min)}以上${describeBound(b.max)}以下`}
                      {b.mode && (
                        <Tag color={b.mode === 'required' ? 'red' : 'blue'} style={{ marginInlineStart: 4 }}>
                          {applyModes[b.mode]}
                        </Tag>
                      )}
                    </span>
                  ),
                },
                {
                  title: '原文',
                  dataIndex: 'text',
                  render: (t: string, b) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text type="secondary">“{t}”</Typography.Text>
                      <ArticleLink id={b.articleId} articles={v.articles} />
                    </Space>
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '处罚种类', dataIndex: 'kind', width: 140, render: (k: keyof typeof penaltyKinds) => penaltyKinds[k] },
          {
            title: '法律规定',
            dataIndex: 'mode',
            width: 100,
            render: (m: 'required' | 'optional', p) =>
              p.reservedTo ? (
                <Tag color="geekblue">建议{p.reservedTo.authority}决定</Tag>
              ) : (
                <Tag color={m === 'required' ? 'red' : 'blue'}>{applyModes[m]}</Tag>
              ),
          },
          { title: '前提', dataIndex: 'onlyIf', width: 160, render: (c: string | null) => (c ? label(c) : '—') },
          {
            title: '原文',
            dataIndex: 'text',
            render: (t: string, p) => (
              <span>
                {t}
                {p.reservedTo && (
                  <div>
                    <Typography.Text type="secondary">“{p.reservedTo.text}”</Typography.Text> <ArticleLink id={p.reservedTo.articleId} articles={v.articles} />
                  </div>
                )}
              </span>
            ),
          },
        ]}
      />
      {(v.earlierStatutes ?? []).map((s) => (
        <Descriptions
          key={s.punishes[0]}
          size="small"
          column={1}
          bordered
          style={{ marginTop: 12 }}
          data-testid="earlier-statute"
          title={`较早版本：${lawVersionText(s.punishes[0].split('#')[0])}（从旧兼从轻时按施行期间比较）`}
        >
          <Descriptions.Item label="违反条款">
            <ArticleLinks ids={s.violates} articles={v.articles} />
          </Descriptions.Item>
          <Descriptions.Item label="处罚依据">
            <ArticleLinks ids={s.punishes} articles={v.articles} />
          </Descriptions.Item>
          <Descriptions.Item label="处罚">
            {s.provisions.map((p) => (
              <div key={p.kind}>
                {penaltyKinds[p.kind]}（{applyModes[p.mode]}）：
                {(p.branches ?? []).map((b) => `${b.label} ${describeBound(b.min)}以上${describeBound(b.max)}以下`).join('；') || p.text}
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}

function BenchmarkTables({ b, v, onEdit }: { b: Benchmark; v: ViolationDetail; onEdit: () => void }) {
  const branchLabel = (id: string | null | undefined) =>
    id ? (v.provisions.find((p) => p.kind === 'fine')?.branches?.find((x) => x.id === id)?.label ?? id) : '全部';
  const rows = [...b.tiers].sort((x, y) => tierRank[x.tier as DiscretionTier] - tierRank[y.tier as DiscretionTier]);
  const label = (id: string) => b.circumstances.find((c) => c.id === id)?.label ?? id;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{b.documentTitle}</Typography.Text>
        <Tag>{b.documentNumber}</Tag>
        <Typography.Text type="secondary">
          {b.orgName}；{b.validFrom} 起{b.validTo ? `至 ${b.validTo}` : '长期有效'}
        </Typography.Text>
        {b.current ? <Tag color="green">现行</Tag> : <Tag>非现行</Tag>}
        {b.openFlags > 0 && (
          <Tag color="orange" icon={<WarningOutlined />}>
            依据变更待处理 {b.openFlags}
          </Tag>
        )}
        {b.abilities.update && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-benchmark">
            修改
          </Button>
        )}
        <Link to={`/record/discretionBenchmark/${b.id}`}>
          <HistoryOutlined /> 记录
        </Link>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.tier}/${r.kind}/${r.branch ?? ''}`}
        dataSource={rows}
        data-testid="benchmark-tiers"
        columns={[
          { title: '裁量阶次', dataIndex: 'tier', width: 100, render: (t: string) => <TierTag tier={t} /> },
          { title: '处罚种类', dataIndex: 'kind', width: 120, render: (k: keyof typeof penaltyKinds) => penaltyKinds[k] },
          { title: '法定幅度', dataIndex: 'branch', width: 180, render: branchLabel },
          { title: '裁量', dataIndex: 'spec', render: describeSpec },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Title level={5}>裁量情节</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={b.circumstances}
          columns={[
            { title: '情节', dataIndex: 'label' },
            { title: '类别', dataIndex: 'kind', width: 80, render: (k: keyof typeof circumstanceKinds) => circumstanceKinds[k] },
            { title: '效果', dataIndex: 'effect', width: 140, render: (e: keyof typeof circumstanceEffects) => circumstanceEffects[e] },
            { title: '依据', dataIndex: 'articleId', width: 200, render: (id: string) => <ArticleLink id={id} articles={v.articles} /> },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 12 }}>
          免罚清单
        </Typography.Title>
        {b.exemptions.length === 0 ? (
          <Empty description="本基准未将该违法行为列入免罚清单" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(e) => `${e.list}/${e.label}`}
            dataSource={b.exemptions}
            columns={[
              { title: '清单', dataIndex: 'list', width: 80, render: (l: keyof typeof exemptionLists) => <Tag color="green">{exemptionLists[l]}</Tag> },
              {
                title: '条件',
                render: (_: unknown, e) =>
                  e.conditions
                    .map((c) => (c.kind === 'circumstance' ? label(c.id) : c.kind === 'notCircumstance' ? `非“${label(c.id)}”` : conditionText(c)))
                    .join('；'),
              },
              { title: '依据', dataIndex: 'articleId', width: 170, render: (id: string) => <ArticleLink id={id} articles={v.articles} /> },
            ]}
          />
        )}
      </div>
    </div>
  );
}

export default function ViolationPage() {
  const { id = '' } = useParams();
  const q = useViolation(id);
  const [editor, setEditor] = useState<EditorTarget>(null);
  const [editing, setEditing] = useState(false);
  const v = q.data;
  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  if (!v) return null;
  return (
    <div>
      <PageTitle
        title={
          <Space>
            <span className="fz-mono">{v.code}</span>
            <span>{v.name}</span>
          </Space>
        }
        sub={`${v.fieldLabel}；维护机关：${v.ownerOrgName}${v.active ? '' : '（已停用）'}`}
        extra={
          <Space>
            <Link to={`/record/violation/${v.id}`}>
              <Button icon={<HistoryOutlined />}>记录</Button>
            </Link>
            {v.abilities.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改违法行为
              </Button>
            )}
            {v.abilities.addBenchmark && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ violation: v, benchmark: null })} data-testid="add-benchmark">
                制定裁量基准
              </Button>
            )}
          </Space>
        }
      />
      {v.openFlags > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`所引用的条文已修改或废止（${v.openFlags} 处待处理），请核对法律依据和法定幅度后在“依据变更”中处理`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Statute v={v} />
          <Card title="裁量基准" size="small">
            {v.benchmarks.length === 0 ? (
              <Empty description="本机关及上级机关尚未制定该违法行为的裁量基准（计算时按通行划分）" />
            ) : (
              <Tabs
                defaultActiveKey={v.benchmarks.find((b) => b.current)?.id}
                items={v.benchmarks.map((b) => ({
                  key: b.id,
                  label: `${b.orgName} ${b.validFrom}${b.current ? '（现行）' : ''}`,
                  children: <BenchmarkTables b={b} v={v} onEdit={() => setEditor({ violation: v, benchmark: b })} />,
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <CalculatorPanel violation={v} />
        </Col>
      </Row>
      <BenchmarkEditor target={editor} onClose={() => setEditor(null)} />
      <ViolationFormModal open={editing} violation={v} onClose={() => setEditing(false)} />
    </div>
  );
}
