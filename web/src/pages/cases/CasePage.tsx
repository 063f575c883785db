import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { procedures } from '../../../../src/domain/cases/rules';
import { useMatterRecord } from '../../api/queries';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { NextStepBanner, StepButton, inGuidanceOrder, useGuidance } from '../../components/NextStep';
import { EvidencePanel } from '../../components/record/EvidencePanel';
import { RecordTimeline } from '../../components/record/RecordTimeline';
import { chinaToday } from '../../lib/format';
import { ActionModal, type Action } from './ActionModal';
import { actForms, type ActionContext, type ActName } from './actions';
import { useCase, useCaseReference } from './api';
import { CaseFacts, InstrumentsCard, PaymentsCard, ReviewsCard } from './CaseCards';
import { DiscretionCard } from './CaseDiscretion';
import { MeasuresCard } from './MeasuresCard';
import { ProvisionalTag } from '../calendar/ProvisionalTag';
import { DeadlineTag } from './parts';
import { SubjectRemediesCard } from '../remedies/SubjectRemediesCard';

/** 案件（卷宗）: header, current step and its actions, evidence, discretion, reviews, deadlines, payments, instruments and the record. */
export default function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const q = useCase(id);
  const ref = useCaseReference();
  const record = useMatterRecord('case', id);
  const [action, setAction] = useState<Action | null>(null);
  const c = q.data;
  const guidance = useGuidance(id, c?.matter.version).data;
  const today = chinaToday();
  const ctx: ActionContext | null = c && ref.data ? { c, ref: ref.data, files: record.data?.evidence ?? [], session, today } : null;

  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  if (!c || !ref.data || !ctx)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const acts = (Object.keys(actForms) as ActName[]).filter((a) => c.abilities[actForms[a].ability] && !(a === 'extend' || a === 'suspend'));

  return (
    <div>
      <PageTitle
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} aria-label="返回" />
            <span data-testid="case-number">{c.caseNumber ?? '（未立案）'}</span>
            <Tag color={c.matter.final ? 'default' : 'blue'} data-testid="case-state">
              {c.matter.stateLabel}
            </Tag>
            <Tag>{procedures[c.procedure]}</Tag>
            {c.major?.major && (
              <Tag color="red" data-testid="case-major">
                重大执法决定
              </Tag>
            )}
            {c.hearingEligible && <Tag color="purple">应告知听证</Tag>}
            {c.hearing?.heldOn && <Tag color="purple">已听证</Tag>}
          </Space>
        }
        sub={`${c.party.name} · ${c.matter.title}`}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="当前环节" data-testid="case-actions">
              <Typography.Paragraph>
                当前：<Typography.Text strong>{c.matter.stateLabel}</Typography.Text>
                {c.matter.final && <Typography.Text type="secondary">（卷宗已归档，只读）</Typography.Text>}
              </Typography.Paragraph>
              <NextStepBanner guidance={guidance} />
              <Space wrap>
                {inGuidanceOrder(c.transitions, guidance).map((t) => (
                  <StepButton
                    key={t.id}
                    guidance={guidance}
                    id={t.id}
                    testId={`transition-${t.id}`}
                    onClick={() => setAction({ type: 'transition', name: t.id as never, label: t.label })}
                  >
                    {t.label}
                  </StepButton>
                ))}
                {acts.map((a) => (
                  <Button key={a} data-testid={`act-${a}`} onClick={() => setAction({ type: 'act', name: a })}>
                    {actForms[a].label}
                  </Button>
                ))}
              </Space>
              {c.major?.major && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  title="重大执法决定：须经法制审核和集体讨论"
                  description={c.major.reasons.map((r) => r.text).join('；')}
                />
              )}
            </Card>
            <CaseFacts c={c} />
            <Card title={`证据（${c.evidence.length} 项）`} data-testid="case-evidence">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.evidence}
                locale={{ emptyText: '尚未登记证据' }}
                style={{ marginBottom: 16 }}
                columns={[
                  { title: '种类', dataIndex: 'kind', width: 120, render: (v: string) => ref.data!.evidenceKinds[v]?.label ?? v },
                  { title: '名称', dataIndex: 'title' },
                  { title: '取证日期', dataIndex: 'collectedOn', width: 110 },
                  {
                    title: '文件',
                    dataIndex: 'fileIds',
                    render: (ids: string[]) => ids.map((f) => record.data?.evidence.find((e) => e.id === f)?.fileName ?? f).join('、') || '—',
                  },
                  { title: '文书', dataIndex: 'instrumentId', width: 200, render: (v: string | null) => c.instruments.find((i) => i.id === v)?.number ?? '—' },
                ]}
              />
              {record.data && (
                <EvidencePanel
                  matterType="case"
                  matterId={c.id}
                  evidence={record.data.evidence}
                  canUpload={c.abilities.uploadEvidence && record.data.canUploadEvidence}
                />
              )}
            </Card>
            <MeasuresCard c={c} files={record.data?.evidence ?? []} today={today} />
            <DiscretionCard c={c} />
            <ReviewsCard c={c} labels={ref.data.reviewOpinions} />
            <PaymentsCard c={c} today={today} />
            <InstrumentsCard instruments={c.instruments} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title="期限"
              data-testid="case-deadlines"
              extra={
                <Space>
                  {c.abilities.extendDeadline && (
                    <Button size="small" data-testid="act-extend" onClick={() => setAction({ type: 'act', name: 'extend' })}>
                      延长
                    </Button>
                  )}
                  {c.abilities.suspendDeadline && (
                    <Button size="small" data-testid="act-suspend" onClick={() => setAction({ type: 'act', name: 'suspend' })}>
                      中止计算
                    </Button>
                  )}
                </Space>
              }
            >
              <List
                size="small"
                dataSource={c.deadlines}
                locale={{ emptyText: '暂无期限' }}
                renderItem={(d) => (
                  <List.Item>
                    <div style={{ width: '100%' }}>
                      <Space wrap>
                        <Typography.Text>{d.label}</Typography.Text>
                        {d.status === 'open' ? (
                          <DeadlineTag due={d.due} overdue={d.overdue} warning={d.warning} />
                        ) : (
                          <Tag color={d.status === 'met' ? 'green' : 'default'}>{d.status === 'met' ? '已完成' : '已取消'}</Tag>
                        )}
                        {d.extended && <Tag color="geekblue">已延长</Tag>}
                        <ProvisionalTag provisional={d.status === 'open' && d.provisional} />
                      </Space>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          自 {d.start} 起算，{d.due} 届满{d.suspensions.length ? `，中止 ${d.suspensions.length} 次` : ''}
                        </Typography.Text>
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            </Card>
            {c.publication && (
              <Card title="行政执法公示" size="small" data-testid="case-publication" extra={<Link to={`/publicity/${c.publication.id}`}>查看公示</Link>}>
                <Space wrap>
                  <Tag color="blue">{c.publication.stateLabel}</Tag>
                  {c.publication.version > 1 && <Tag>第 {c.publication.version} 版</Tag>}
                  <Typography.Text type="secondary">
                    {c.publication.publishedOn
                      ? `公示于 ${c.publication.publishedOn}${c.publication.expiresOn ? `，公示期至 ${c.publication.expiresOn}` : ''}`
                      : '尚未公示'}
                  </Typography.Text>
                </Space>
              </Card>
            )}
            {c.decision && session.abilities.remedies && (
              <SubjectRemediesCard subject={{ type: 'case', id: c.id }} canRegister={session.abilities.registerRemedies} />
            )}
          </Space>
        </Col>
      </Row>
      <Card title="全过程记录" data-testid="case-record" style={{ marginTop: 16 }}>
        {record.error && <QueryError error={record.error} retry={() => record.refetch()} />}
        {record.data ? <RecordTimeline entries={record.data.entries} /> : <Skeleton active />}
      </Card>
      <ActionModal action={action} ctx={ctx} onClose={() => setAction(null)} />
    </div>
  );
}
