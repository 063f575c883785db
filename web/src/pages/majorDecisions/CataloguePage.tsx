/** A 决策事项目录: its items (with the decision started from each), 经同级党委同意, publication, adjustments; 下一步 and the steps. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import type { CatalogueTransition } from '../../../../src/modules/majorDecisions/transitions/inputs';
import { type Catalogue, mdKeys, useCatalogue } from './api';
import { catalogueForms } from './forms';
import { InitiateModal } from './MajorDecisionsPage';
import { StepModal } from './StepModal';

type Item = Catalogue['items'][number];

export function CataloguePage() {
  const { id = '' } = useParams();
  const q = useCatalogue(id);
  const qc = useQueryClient();
  const c = q.data;
  const guidance = useGuidance(id, c?.matter.version).data;
  const [acting, setActing] = useState<{ id: CatalogueTransition; label: string } | null>(null);
  const [initiating, setInitiating] = useState<string | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!c) return null;
  const published = c.matter.state === 'published';
  return (
    <>
      <PageTitle title={c.title} sub={<Link to="/major-decisions?tab=catalogues">← 决策事项目录</Link>} extra={<Tag>{c.matter.stateLabel}</Tag>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="决策机关">{c.bodyName}</Descriptions.Item>
          <Descriptions.Item label="年度">{c.year}</Descriptions.Item>
          <Descriptions.Item label="公布日期">{c.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="同级党委同意" span={3}>
            {c.approval ? `${c.approval.approvedOn} ${c.approval.approvedBy}（${c.approval.document}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="决策事项标准" span={3}>
            {c.standard || '—'}
          </Descriptions.Item>
        </Descriptions>
        {published && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            已在门户网站公布：<a href="/portal/major-decisions">/portal/major-decisions</a>
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(c.matter.transitions, guidance).map((t) => (
            <StepButton key={t.id} guidance={guidance} id={t.id} onClick={() => setActing({ id: t.id as CatalogueTransition, label: t.label })}>
              {t.label}
            </StepButton>
          ))}
          <Link to={`/record/decisionCatalogue/${c.id}`}>全过程记录</Link>
        </Space>
      </Card>
      <Card size="small" title="目录事项">
        <Table<Item>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.items}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            {
              title: '决策事项',
              dataIndex: 'title',
              render: (t: string, i) => (
                <Space size={4} wrap>
                  {t}
                  {i.status === 'removed' && <Tag color="red">已调整移出</Tag>}
                  {i.adjustment?.kind === 'added' && <Tag color="blue">调整增加</Tag>}
                </Space>
              ),
            },
            { title: '类别', dataIndex: 'categoryLabel', width: 260, ellipsis: true },
            { title: '承办单位', dataIndex: 'unitName', width: 180 },
            { title: '计划完成时间', dataIndex: 'planned', width: 130 },
            {
              title: '决策',
              key: 'decision',
              width: 140,
              render: (_: unknown, i) =>
                i.decisionId ? (
                  <Link to={`/major-decisions/${i.decisionId}`}>查看决策</Link>
                ) : published && c.abilities.manage && i.status === 'listed' ? (
                  <Button size="small" onClick={() => setInitiating(i.id)} data-testid={`initiate-${i.seq}`}>
                    启动决策程序
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      {acting && (
        <StepModal
          url={`/api/major-decisions/catalogues/${c.id}/transitions`}
          version={c.matter.version}
          transition={acting}
          spec={catalogueForms[acting.id]}
          itemOptions={c.items.filter((i) => i.status === 'listed' && !i.decisionId).map((i) => ({ value: i.id, label: `${i.seq}. ${i.title}` }))}
          onDone={(next) => {
            qc.setQueryData(mdKeys.catalogue(c.id), next);
            qc.invalidateQueries({ queryKey: mdKeys.all });
          }}
          onClose={() => setActing(null)}
        />
      )}
      {initiating && <InitiateModal catalogue={c} itemId={initiating} onClose={() => setInitiating(null)} />}
    </>
  );
}

export default CataloguePage;
