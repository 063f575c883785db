/**
 * One publication (行政执法公示): what is public now and every earlier version, its legal time
 * limits, and the steps the caller may take — 公示, 更正, 登记决定被变更或撤销, 撤回, 信用修复,
 * 提请/批准/不批准不予公示 — each a transition of the publication workflow, sent with the version
 * the page showed. The buttons are the transitions the server returned; nothing here decides who may act.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { externalReportRules, publicationChannels, publicationDeadlineStatus, type PublicationChannel } from '../../../../src/domain/publicity/rules';
import { PageTitle, QueryError } from '../../components/common';
import { NextStepBanner, StepButton, inGuidanceOrder, useGuidance } from '../../components/NextStep';
import { ProvisionalTag } from '../calendar/ProvisionalTag';
import { DeadlineTag } from '../cases/parts';
import { usePublication } from './api';
import { formOf, type TransitionName } from './publicationForms';
import { StateTag } from './PublicityPage';
import { TransitionModal } from './TransitionModal';
import { VersionView } from './VersionView';

const statusColor: Record<string, string | undefined> = { open: 'blue', met: 'green' };
/** 进行中 / 已履行 / 已撤销; the reports to the external systems read 待上报 until the 双公示 export carries them (已上报). */
const deadlineStatus = (d: { ruleId: string; status: string }) => (
  <Tag color={d.status === 'open' && externalReportRules.includes(d.ruleId as never) ? 'orange' : statusColor[d.status]}>
    {publicationDeadlineStatus(d.ruleId, d.status)}
  </Tag>
);

export default function PublicationPage() {
  const { id = '' } = useParams();
  const { data: p, error, refetch } = usePublication(id);
  const [acting, setActing] = useState<{ id: TransitionName; label: string } | null>(null);
  const guidance = useGuidance(id, p?.matter.version).data;
  if (error) return <QueryError error={error} retry={refetch} />;
  if (!p) return <Card loading />;
  const current = p.versions.find((v) => v.status === 'current') ?? p.versions.at(-1);
  const inspection = p.kind === 'inspectionResult';
  return (
    <>
      <PageTitle
        title={inspection ? `${p.partyName}：抽查检查结果` : p.number}
        sub={inspection ? `${p.number} · ${p.bodyName}` : `${p.partyName} · ${p.bodyName}`}
        extra={
          <Space wrap>
            <StateTag state={p.state} label={p.stateLabel} />
            {p.source.matterType === 'case' ? (
              <Link to={`/cases/${p.source.matterId}`}>案件</Link>
            ) : (
              <Link to={`/inspections/tasks/${p.source.matterId}`}>抽查任务</Link>
            )}
            <Link to={`/record/publication/${p.id}`}>执法全过程记录</Link>
            <a href={`/portal/decisions/${p.id}`} target="_blank" rel="noreferrer">
              <ExportOutlined /> 门户页面
            </a>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={inspection ? '检查对象' : '当事人'}>{p.partyName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{p.partyUscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={inspection ? '检查结果' : '违法行为'}>{p.violation}</Descriptions.Item>
          {!inspection && <Descriptions.Item label="罚款">{p.fineFen ? formatYuan(p.fineFen) : '—'}</Descriptions.Item>}
          <Descriptions.Item label={inspection ? '检查日期' : '决定日期'}>{p.decidedOn}</Descriptions.Item>
          <Descriptions.Item label="公示渠道">{p.channels.map((c) => publicationChannels[c as PublicationChannel] ?? c).join('、')}</Descriptions.Item>
          <Descriptions.Item label="公示日期">{p.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公示期至">{p.expiresOn ?? (inspection && p.publishedOn ? '（至撤回）' : '—')}</Descriptions.Item>
          <Descriptions.Item label="版本">{p.currentVersion ? `第 ${p.currentVersion} 版` : '尚未公示'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        {p.matter.transitions.length > 0 && (
          <Space wrap>
            {inGuidanceOrder(p.matter.transitions, guidance).map((t) => (
              <StepButton
                key={t.id}
                guidance={guidance}
                id={t.id}
                danger={formOf(t.id as TransitionName, p.kind)?.danger}
                onClick={() => setActing({ id: t.id as TransitionName, label: t.label })}
              >
                {t.label}
              </StepButton>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title="期限" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.deadlines}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '期限', dataIndex: 'label' },
            { title: '起算日', dataIndex: 'start', width: 120 },
            {
              title: '届满日',
              key: 'due',
              width: 200,
              render: (_, d) =>
                d.status === 'open' ? (
                  <>
                    <DeadlineTag due={d.due} overdue={d.overdue} warning={d.warning} />
                    <ProvisionalTag provisional={d.provisional} />
                  </>
                ) : (
                  d.due
                ),
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (_: string, d) => deadlineStatus(d) },
          ]}
        />
      </Card>

      <Card size="small" title={`公示版本（${p.versions.length}）`}>
        {p.versions.length === 0 ? (
          <Typography.Text type="secondary">尚未公示</Typography.Text>
        ) : (
          <Timeline
            items={[...p.versions].reverse().map((v) => ({
              color: v.status === 'current' ? 'green' : v.status === 'withdrawn' ? 'red' : 'gray',
              content: <VersionView v={v} open={v === current} />,
            }))}
          />
        )}
      </Card>

      {acting && <TransitionModal p={p} transition={acting} onClose={() => setActing(null)} current={current} />}
    </>
  );
}
