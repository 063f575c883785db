/** Sections of the case page: 案件信息, 审核与集体讨论, 执行 and 文书. */
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { challengeKinds, challengeOutcomes, lineStateLabels, owedOn, terminationGrounds } from '../../../../src/domain/cases/execution';
import { decisionOutcomes, noPenaltyGrounds, onSiteCollectionGrounds } from '../../../../src/domain/cases/decide';
import { enforcementFields } from '../../../../src/domain/certifiedDuty';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { instrumentPreviewUrl, instrumentUrl, type CaseDetail, type CaseInstrument } from './api';

export function CaseFacts({ c }: { c: CaseDetail }) {
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
            <Tag color={c.decision.outcome === 'penalty' ? 'blue' : 'green'} data-testid="decision-outcome">
              {decisionOutcomes[c.decision.outcome]}
            </Tag>
            <span data-testid="decision-number">{c.decision.number}</span>（{c.decision.decidedOn}）
            {c.decision.ground && `；法定情形：${noPenaltyGrounds[c.decision.ground].label}（行政处罚法 ${noPenaltyGrounds[c.decision.ground].article}）`}
            {c.decision.exemption && `；免罚清单：${c.decision.exemption.label}`}
          </Descriptions.Item>
        )}
        {c.decision?.collection && (
          <Descriptions.Item label="当场收缴" span={2}>
            {`${c.decision.collection.collectedOn} 收缴 ${formatYuan(c.decision.collection.amountFen)}（${onSiteCollectionGrounds[c.decision.collection.ground].label}，票据 ${c.decision.collection.receiptNo}）；`}
            {c.decision.collection.handedOverOn ? (
              `${c.decision.collection.handedOverOn} 交至${c.decision.collection.handedOverTo ?? '行政机关'}`
            ) : (
              <Tag color="orange">待交至行政机关（行政处罚法 第七十一条）</Tag>
            )}
          </Descriptions.Item>
        )}
        {c.notice?.renotice && (
          <Descriptions.Item label="重新告知" span={2}>
            {c.notice.noticeOn}：{c.notice.renotice.reason}
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

export function ReviewsCard({ c, labels }: { c: CaseDetail; labels: Record<string, string> }) {
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
            决定：<Tag color="blue">{decisionOutcomes[d.decision as keyof typeof decisionOutcomes] ?? d.decision}</Tag>
          </div>
        </Card>
      ))}
    </Card>
  );
}

/**
 * 执行: each line of the decision with its execution state, what is owed today (the fine, the 加处罚款 accrued, the days
 * of a 复议 or 诉讼 not counted), the payments, the 复议/诉讼, the 催告 and the application to the court with their dates.
 */
export function PaymentsCard({ c, today }: { c: CaseDetail; today: string }) {
  const x = c.execution;
  if (!x && !c.fineFen && !c.payments.length) return null;
  const owed = c.owed;
  const schedule = c.paymentPlan?.instalments ?? (c.paymentDue ? [{ dueOn: c.paymentDue, amountFen: c.fineFen }] : []);
  // the same rule as the server's: the fee grows 3 % a day until paid, at most the fine, not while a 复议 or 诉讼 is pending
  const tomorrow = owedOn(c.fineFen, schedule, c.payments, dayAfter(today), x?.excludedPeriods ?? []);
  const stateColor = { executed: 'green', pending: 'orange', terminated: 'default' } as const;
  const p = x?.periods;
  // 催告 and the court application concern a decision not (yet) executed; once every line is, they are not shown
  const enforceable = !!x && (x.lines.some((l) => l.state === 'pending') || !!x.demand || !!x.enforcement);
  return (
    <Card title="执行" data-testid="case-payments">
      {x && x.lines.length > 0 && (
        <Table
          rowKey="line"
          size="small"
          pagination={false}
          style={{ marginBottom: 12 }}
          data-testid="execution-lines"
          dataSource={x.lines}
          columns={[
            { title: '处罚', dataIndex: 'label', render: (v: string, l) => `${l.line + 1}. ${v}${l.amountFen ? ` ${formatYuan(l.amountFen)}` : ''}` },
            {
              title: '执行情况',
              dataIndex: 'state',
              render: (v: keyof typeof stateColor) => (
                <Tag color={stateColor[v]} data-testid="execution-state">
                  {lineStateLabels[v]}
                </Tag>
              ),
            },
            { title: '说明', dataIndex: 'how' },
            { title: '尚欠', dataIndex: 'owedFen', render: (v: number | null) => (v ? formatYuan(v) : '—') },
          ]}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
        {c.fineFen > 0 && <Descriptions.Item label="罚款">{formatYuan(c.fineFen)}</Descriptions.Item>}
        {c.fineFen > 0 && (
          <Descriptions.Item label="缴款期限">
            {c.paymentDue ?? '—'}
            {c.paymentPlan && `（已批准${c.paymentPlan.kind === 'deferral' ? '延期' : '分期'}）`}
          </Descriptions.Item>
        )}
        {owed && (
          <>
            <Descriptions.Item label="未缴罚款">{formatYuan(owed.outstandingFen)}</Descriptions.Item>
            <Descriptions.Item label={`加处罚款（截至 ${today}）`}>
              <span data-testid="late-fee-now">{formatYuan(owed.lateFeeFen)}</span>
              {owed.lateFeePaidFen > 0 && <Typography.Text type="secondary">（已缴 {formatYuan(owed.lateFeePaidFen)}）</Typography.Text>}
              {owed.capped && <Tag color="red">已达罚款数额上限</Tag>}
            </Descriptions.Item>
            {owed.excludedDays > 0 && (
              <Descriptions.Item label="不计算加处罚款的天数" span={2}>
                <span data-testid="excluded-days">{owed.excludedDays} 日</span>（复议、诉讼期间，行政处罚法第七十三条第三款）
              </Descriptions.Item>
            )}
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
        {x?.challenges.map((ch) => (
          <Descriptions.Item key={ch.id} label={challengeKinds[ch.kind]} span={2}>
            {ch.filedOn} 提起（{ch.body}）
            {ch.concludedOn
              ? `，${ch.concludedOn} 审结：${ch.outcome ? challengeOutcomes[ch.outcome as keyof typeof challengeOutcomes]?.label : ''}`
              : '，尚未审结'}
          </Descriptions.Item>
        ))}
        {p && (
          <Descriptions.Item label="复议、诉讼期限" span={2}>
            申请复议至 {p.reconsiderationEnds}，提起诉讼至 {p.litigationEnds}
          </Descriptions.Item>
        )}
        {p && enforceable && (
          <Descriptions.Item label="催告" span={2}>
            <span data-testid="execution-demand">
              {x?.demand ? `${x.demand.servedOn} 送达催告书 ${x.demand.number}，十日（工作日）至 ${x.demand.periodEnds} 届满` : '尚未催告'}
            </span>
          </Descriptions.Item>
        )}
        {p && enforceable && (
          <Descriptions.Item label="申请人民法院强制执行" span={2}>
            <span data-testid="execution-court">
              {x?.enforcement
                ? `${x.enforcement.appliedOn} 向${x.enforcement.court}申请${x.enforcement.outcome ? `；执行结果：${x.enforcement.outcome}` : ''}`
                : `复议、诉讼期限届满（${p.windowStart}）后三个月内，至 ${p.windowEnds} 止（须催告书送达十日后）`}
              {!x?.enforcement && today > p.windowEnds && <Tag color="red">已超过申请期限</Tag>}
            </span>
          </Descriptions.Item>
        )}
        {x?.termination && (
          <Descriptions.Item label="终结执行" span={2}>
            {terminationGrounds[x.termination.ground as keyof typeof terminationGrounds]?.label}
            {x.termination.note ? `：${x.termination.note}` : ''}（{x.termination.on}）
          </Descriptions.Item>
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

export function InstrumentsCard({ instruments }: { instruments: CaseInstrument[] }) {
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
              width: 230,
              render: (_, i) => (
                <Space>
                  <a href={instrumentPreviewUrl(i.id)} target="_blank" rel="noreferrer">
                    <EyeOutlined /> 预览
                  </a>
                  <a href={instrumentUrl(i.id, 'pdf')} download>
                    <DownloadOutlined /> PDF
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
