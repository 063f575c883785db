import { ArrowLeftOutlined, DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { procedures } from '../../../../src/domain/cases/rules';
import { owedOn } from '../../../../src/domain/cases/decide';
import { enforcementFields } from '../../../../src/domain/certifiedDuty';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { penaltyKinds } from '../../../../src/domain/discretion/vocabulary';
import { useMatterRecord } from '../../api/queries';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { EvidencePanel } from '../../components/record/EvidencePanel';
import { RecordTimeline } from '../../components/record/RecordTimeline';
import { chinaToday } from '../../lib/format';
import { CalculatorPanel } from '../discretion/CalculatorPanel';
import { useViolation } from '../discretion/api';
import { ArticleLinks, RangeText, TierTag } from '../discretion/parts';
import { ActionModal, type Action } from './ActionModal';
import { actForms, type ActionContext, type ActName } from './actions';
import { instrumentUrl, useCase, useCaseReference, type CaseDetail, type CaseInstrument } from './api';
import { DeadlineTag } from './parts';

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
              <Space wrap>
                {c.transitions.map((t) => (
                  <Button
                    key={t.id}
                    type="primary"
                    data-testid={`transition-${t.id}`}
                    onClick={() => setAction({ type: 'transition', name: t.id as never, label: t.label })}
                  >
                    {t.label}
                  </Button>
                ))}
                {acts.map((a) => (
                  <Button key={a} data-testid={`act-${a}`} onClick={() => setAction({ type: 'act', name: a })}>
                    {actForms[a].label}
                  </Button>
                ))}
                {!c.transitions.length && !acts.length && <Typography.Text type="secondary">当前用户在本环节没有可办理的事项</Typography.Text>}
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

function CaseFacts({ c }: { c: CaseDetail }) {
  return (
    <Card title="案件信息">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="当事人">{c.party.name}</Descriptions.Item>
        <Descriptions.Item label={c.party.uscc ? '统一社会信用代码' : '身份证件号码'}>
          <span className="fz-mono">{c.party.uscc ?? c.party.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label="地址">{c.party.address}</Descriptions.Item>
        <Descriptions.Item label="法定代表人（经营者）">{c.party.legalRep ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="执法领域">{enforcementFields[c.field as keyof typeof enforcementFields] ?? c.field}</Descriptions.Item>
        <Descriptions.Item label="承办机构">
          {c.unitName}（{c.bodyName}）
        </Descriptions.Item>
        <Descriptions.Item label="收到线索">{c.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="立案日期">{c.filedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="承办人员">{c.investigators.map((i) => i.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="违法行为">{c.discretion?.violationName ?? (c.violationDate ? `发生于 ${c.violationDate}` : '—')}</Descriptions.Item>
        <Descriptions.Item label="线索内容" span={2}>
          {c.summary}
        </Descriptions.Item>
        {c.facts && (
          <Descriptions.Item label="违法事实" span={2}>
            {c.facts}
          </Descriptions.Item>
        )}
        {c.decision && (
          <Descriptions.Item label="处罚决定" span={2}>
            <span data-testid="decision-number">{c.decision.number}</span>（{c.decision.decidedOn}）
          </Descriptions.Item>
        )}
        {c.service && (
          <Descriptions.Item label="送达" span={2}>
            {c.service.servedOn}，{c.service.recipient}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** The discretion result frozen on the case when the investigation closed, and the live calculator for its violation. */
function DiscretionCard({ c }: { c: CaseDetail }) {
  const [live, setLive] = useState(false);
  const d = c.discretion;
  return (
    <Card
      title="行政处罚裁量"
      data-testid="case-discretion"
      extra={
        c.violationId && (
          <Button size="small" onClick={() => setLive(!live)}>
            {live ? '收起计算器' : '裁量计算器'}
          </Button>
        )
      }
    >
      {!d && <Typography.Paragraph type="secondary">调查终结时按裁量基准计算并固定在案件中。</Typography.Paragraph>}
      {d && (
        <div data-testid="frozen-discretion">
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{d.violationName}</Typography.Text>
            <TierTag tier={d.tier} />
            {d.exempt && <Tag color="green">不予处罚</Tag>}
            <Typography.Text type="secondary">
              按 {d.decisionDate} 计算，规则摘要 <span className="fz-mono">{d.rulesDigest.slice(0, 16)}</span>
            </Typography.Text>
          </Space>
          <List
            size="small"
            bordered
            dataSource={d.penalties.filter((p) => p.applies !== 'none')}
            locale={{ emptyText: '不予处罚' }}
            style={{ marginBottom: 8 }}
            renderItem={(p) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text strong>{p.label}</Typography.Text>
                  {p.applies === 'required' ? <Tag color="red">应当</Tag> : <Tag color="blue">可以</Tag>}
                  {p.range ? <RangeText range={p.range} /> : p.amountFen !== null ? <span className="fz-mono">{formatYuan(p.amountFen)}</span> : null}
                  <ArticleLinks ids={[p.articleId]} />
                </Space>
              </List.Item>
            )}
          />
          <Space wrap style={{ marginBottom: 8 }}>
            <span>
              听证：{d.thresholds.hearing.crossed === 'no' ? '未达较大数额' : '达到较大数额'}（{formatYuan(d.thresholds.hearing.thresholdFen)}，
              {d.thresholds.hearing.source}）
            </span>
            <span>
              法制审核：{d.thresholds.majorDecision.crossed === 'no' ? '未达重大' : '达到重大执法决定数额'}（
              {formatYuan(d.thresholds.majorDecision.thresholdFen)}）
            </span>
          </Space>
          {c.proposed && (
            <div style={{ marginBottom: 8 }}>
              拟处罚：{c.proposed.map((p) => penaltyText(p)).join('；') || '不予处罚'}
              {c.deviationReason && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  超出建议：{c.deviationReason}
                </Tag>
              )}
            </div>
          )}
          <Timeline
            items={d.trace.map((s, i) => ({
              key: i,
              content: (
                <div>
                  <div>{s.text}</div>
                  <ArticleLinks ids={s.articleIds} />
                </div>
              ),
            }))}
          />
        </div>
      )}
      {live && c.violationId && <LiveCalculator c={c} />}
    </Card>
  );
}

function LiveCalculator({ c }: { c: CaseDetail }) {
  const v = useViolation(c.violationId!);
  const initial = useMemo(
    () => ({
      violationDate: c.violationDate ?? undefined,
      partyType: c.partyType,
      ...(c.discretionInput
        ? {
            bases: c.discretionInput.bases as never,
            unreliable: c.discretionInput.unreliableBases as never,
            circumstances: c.discretionInput.circumstances as string[],
          }
        : {}),
    }),
    [c],
  );
  if (v.error) return <QueryError error={v.error} />;
  return v.data ? <CalculatorPanel violation={v.data} initial={initial} /> : <Skeleton active />;
}

const penaltyText = (p: { kind: string; amountFen?: number | null; note?: string | null }) =>
  `${penaltyLabel(p.kind)}${p.amountFen ? ` ${formatYuan(p.amountFen)}` : ''}${p.note ? `（${p.note}）` : ''}`;
const penaltyLabel = (k: string) => penaltyKinds[k as keyof typeof penaltyKinds] ?? k;

function ReviewsCard({ c, labels }: { c: CaseDetail; labels: Record<string, string> }) {
  if (!c.reviews.length && !c.discussions.length) return null;
  return (
    <Card title="审核与集体讨论" data-testid="case-reviews">
      <List
        size="small"
        dataSource={c.reviews}
        locale={{ emptyText: '暂无审核' }}
        renderItem={(r) => (
          <List.Item>
            <div>
              <Space wrap>
                <Typography.Text strong>{r.kind === 'caseAudit' ? '案件审核' : '法制审核'}</Typography.Text>
                <Tag color={r.opinion === 'disagree' ? 'red' : 'green'}>{labels[r.opinion] ?? r.opinion}</Tag>
                <span>{r.reviewerName}</span>
                <Typography.Text type="secondary">{r.reviewedOn}</Typography.Text>
                {r.acceptsDeviation && <Tag color="orange">认可超出基准的理由</Tag>}
              </Space>
              <div>{r.reasons}</div>
              {Object.keys(r.items).length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Object.values(r.items).filter((i) => i.ok).length}/{Object.keys(r.items).length} 项符合
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
      {c.discussions.map((d) => (
        <Card key={d.id} type="inner" size="small" title={`集体讨论 ${d.heldOn}（${d.place ?? ''}，主持：${d.chair}）`} style={{ marginTop: 8 }}>
          <div>参加：{d.attendees.map((a) => a.name).join('、')}</div>
          {d.opinions.map((o) => (
            <div key={o.name}>
              {o.name}：{o.opinion}
            </div>
          ))}
          <div>
            决定：<Tag color="blue">{d.decision === 'penalty' ? '给予行政处罚' : '不予行政处罚'}</Tag>
          </div>
        </Card>
      ))}
    </Card>
  );
}

/** The fine, what is owed today (with the 加处罚款 accrued) and the payments. */
function PaymentsCard({ c, today }: { c: CaseDetail; today: string }) {
  if (!c.fineFen && !c.payments.length) return null;
  const owed = c.owed;
  const schedule = c.paymentPlan?.instalments ?? (c.paymentDue ? [{ dueOn: c.paymentDue, amountFen: c.fineFen }] : []);
  const paid = c.payments.reduce((s, p) => s + p.finePartFen, 0);
  const feesPaid = c.payments.reduce((s, p) => s + p.lateFeeFen, 0);
  // the same rule as the server's: the fee grows 3 % a day until paid, at most the fine
  const tomorrow = owedOn(c.fineFen, schedule, paid, feesPaid, dayAfter(today));
  return (
    <Card title="执行（缴款）" data-testid="case-payments">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="罚款">{formatYuan(c.fineFen)}</Descriptions.Item>
        <Descriptions.Item label="缴款期限">
          {c.paymentDue ?? '—'}
          {c.paymentPlan && `（已批准${c.paymentPlan.kind === 'deferral' ? '延期' : '分期'}）`}
        </Descriptions.Item>
        {owed && (
          <>
            <Descriptions.Item label="未缴罚款">{formatYuan(owed.outstandingFen)}</Descriptions.Item>
            <Descriptions.Item label={`加处罚款（截至 ${today}）`}>
              <span data-testid="late-fee-now">{formatYuan(owed.lateFeeFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="今日应缴合计" span={2}>
              <Typography.Text strong data-testid="owed-now">
                {formatYuan(owed.outstandingFen + owed.lateFeeFen)}
              </Typography.Text>
              {owed.outstandingFen > 0 && tomorrow.lateFeeFen > owed.lateFeeFen && (
                <Typography.Text type="danger">（逾期每日加处罚款 3%，明日应缴 {formatYuan(tomorrow.outstandingFen + tomorrow.lateFeeFen)}）</Typography.Text>
              )}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.payments}
        locale={{ emptyText: '尚未缴款' }}
        columns={[
          { title: '缴款日期', dataIndex: 'paidOn' },
          { title: '金额', dataIndex: 'amountFen', render: (v: number) => formatYuan(v) },
          { title: '其中罚款', dataIndex: 'finePartFen', render: (v: number) => formatYuan(v) },
          { title: '其中加处罚款', dataIndex: 'lateFeeFen', render: (v: number) => <span data-testid="late-fee-paid">{formatYuan(v)}</span> },
          { title: '收据编号', dataIndex: 'receiptNo', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

const dayAfter = (d: string) => dayjs(d).add(1, 'day').format('YYYY-MM-DD');

function InstrumentsCard({ instruments }: { instruments: CaseInstrument[] }) {
  return (
    <Card title={`文书（${instruments.length}）`} data-testid="case-instruments">
      {!instruments.length ? (
        <Empty description="尚未制作文书" />
      ) : (
        <Table<CaseInstrument>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={instruments}
          columns={[
            { title: '文书', dataIndex: 'title' },
            {
              title: '文号',
              dataIndex: 'number',
              render: (v: string) => (
                <span className="fz-mono" data-testid="instrument-number">
                  {v}
                </span>
              ),
            },
            { title: '日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '操作',
              key: 'op',
              width: 170,
              render: (_, i) => (
                <Space>
                  <a href={instrumentUrl(i.id, 'pdf')} target="_blank" rel="noreferrer">
                    <EyeOutlined /> 预览
                  </a>
                  <a href={instrumentUrl(i.id, 'docx')} download>
                    <DownloadOutlined /> .docx
                  </a>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
