/**
 * A 重大行政决策: the draft, each legal step with its status, article and what it recorded (or the ground it was left
 * out on), the reviews it passed, the instruments, 下一步 with the gates' reasons, one button per step, the record and
 * the archive.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DecisionTransition } from '../../../../src/modules/majorDecisions/transitions/inputs';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { type Decision, mdKeys, useDecision } from './api';
import { decisionForms } from './forms';
import { StepModal } from './StepModal';

type Step = Decision['steps'][number];

const statusTag: Record<Step['status'], { color: string; label: string }> = {
  pending: { color: 'default', label: '未办理' },
  running: { color: 'processing', label: '进行中' },
  done: { color: 'success', label: '已完成' },
  skipped: { color: 'warning', label: '依法未履行' },
  notRequired: { color: 'default', label: '不适用' },
};

export function DecisionPage() {
  const { id = '' } = useParams();
  const q = useDecision(id);
  const qc = useQueryClient();
  const d = q.data;
  const guidance = useGuidance(id, d?.matter.version).data;
  const [acting, setActing] = useState<{ id: DecisionTransition; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  return (
    <>
      <PageTitle
        title={d.title}
        sub={<Link to="/major-decisions">← 重大行政决策</Link>}
        extra={<Tag data-testid="decision-state">{d.matter.stateLabel}</Tag>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="决策机关">{d.bodyName}</Descriptions.Item>
          <Descriptions.Item label="决策承办单位">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="目录">
            <Link to={`/major-decisions/catalogues/${d.catalogue.id}`}>
              {d.catalogue.title} 第 {d.catalogue.seq} 项
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label="类别" span={2}>
            {d.catalogue.category}
          </Descriptions.Item>
          <Descriptions.Item label="涉及市场主体经济活动">{d.marketActivity ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="决策草案" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.draft}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="理由和依据" span={3}>
            {d.reasons}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(d.matter.transitions, guidance).map((t) => (
            <StepButton
              key={t.id}
              guidance={guidance}
              id={t.id}
              testId={`step-${t.id}`}
              danger={decisionForms[t.id as DecisionTransition]?.danger}
              onClick={() => setActing({ id: t.id as DecisionTransition, label: t.label })}
            >
              {t.label}
            </StepButton>
          ))}
        </Space>
      </Card>

      <Card size="small" title="决策程序" style={{ marginBottom: 16 }}>
        <Table<Step>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={d.steps}
          columns={[
            { title: '环节', dataIndex: 'label', width: 130 },
            { title: '依据', dataIndex: 'articles', width: 170, render: (a: string) => `重大行政决策程序暂行条例${a}` },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: Step['status']) => <Tag color={statusTag[s].color}>{statusTag[s].label}</Tag> },
            { title: '情况', dataIndex: 'summary' },
          ]}
        />
        <Space style={{ marginTop: 12 }} wrap>
          {d.consultationId && <Link to={`/consultations/${d.consultationId}`}>公开征求意见</Link>}
          {d.fairCompetitionReviewId && <Link to={`/fair-competition/${d.fairCompetitionReviewId}`}>公平竞争审查</Link>}
          {d.legalityReviewId && <Link to={`/legality/reviews/${d.legalityReviewId}`}>合法性审查</Link>}
        </Space>
      </Card>

      {d.instruments.length > 0 && (
        <Card size="small" title="文书" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.instruments}
            columns={[
              { title: '文书', dataIndex: 'title' },
              { title: '文号', dataIndex: 'number', width: 220 },
              { title: '日期', dataIndex: 'issuedOn', width: 110 },
              {
                title: '下载',
                key: 'dl',
                width: 160,
                render: (_: unknown, i: { id: string }) => (
                  <Space>
                    <a href={`/api/instruments/${i.id}/docx`}>
                      <DownloadOutlined /> .docx
                    </a>
                    <a href={`/api/instruments/${i.id}/pdf`}>PDF</a>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Card size="small" title="材料与档案">
        <Space wrap>
          <Link to={`/record/majorPolicyDecision/${d.id}`}>全过程记录与材料（上传听证会记录、论证意见、评估报告、会议纪要等）</Link>
          <Link to={`/major-decisions/${d.id}/archive`} data-testid="archive-link">
            决策档案（第三十三条）
          </Link>
        </Space>
      </Card>

      {acting && (
        <StepModal
          url={`/api/major-decisions/${d.id}/transitions`}
          version={d.matter.version}
          transition={acting}
          spec={decisionForms[acting.id]}
          onDone={(next) => {
            qc.setQueryData(mdKeys.detail(d.id), next);
            qc.invalidateQueries({ queryKey: mdKeys.all });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default DecisionPage;
