/**
 * One contract: its terms, the gate before signing (the legality module's answer, in its own words), the legality
 * reviews with their opinions, the files (the signed text is uploaded on the record page), 下一步 and the steps
 * (送请合法性审查, 签订 with the signed file, 履行情况, 纠纷处理, 履行完毕, 不予签订), the performance and dispute notes.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reviewOpinionLabels } from '../../../../src/domain/legality/rules';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { type StepField, StepModal } from '../legality/StepModal';
import { type ContractDetail, contractKeys, useContract } from './api';
import { yuan } from './ContractsPage';

export function ContractPage() {
  const { id = '' } = useParams();
  const q = useContract(id);
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const fileOptions = d.files.map((f) => ({ value: f.id, label: f.fileName }));
  const fields: Record<string, StepField[]> = {
    requestReview: [
      { name: 'materials', label: '送审材料（合同文本、相对人资质、采购或者审批文件等）', kind: 'textarea' },
      { name: 'consultAdvisers', label: '组织法律顾问、公职律师提出法律意见', kind: 'bool', required: false },
    ],
    sign: [
      { name: 'signedOn', label: '签订日期', kind: 'date' },
      {
        name: 'signedFileId',
        label: '签订的合同文本',
        kind: 'select',
        options: fileOptions,
        extra: (
          <>
            先在<Link to={`/record/contractReview/${d.id}`}>全过程记录</Link>页上传双方签章的合同文本
          </>
        ),
      },
    ],
    notePerformance: [
      { name: 'note', label: '履行情况', kind: 'textarea' },
      { name: 'notedOn', label: '登记日期', kind: 'date' },
    ],
    noteDispute: [
      { name: 'note', label: '纠纷及处理情况', kind: 'textarea' },
      { name: 'notedOn', label: '登记日期', kind: 'date' },
    ],
    close: [
      { name: 'closedOn', label: '履行完毕日期', kind: 'date' },
      { name: 'note', label: '说明', kind: 'textarea' },
    ],
    abandon: [{ name: 'reason', label: '不予签订的理由', kind: 'textarea' }],
  };
  return (
    <>
      <PageTitle title={d.title} sub={<Link to="/contracts">← 合同合法性审查</Link>} extra={<Tag data-testid="contract-state">{d.stateLabel}</Tag>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类别">{d.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label="承办机构">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="金额">{yuan(d.amountFen)}</Descriptions.Item>
          <Descriptions.Item label="相对人">
            {d.counterparty}
            {d.counterpartyUscc ? `（${d.counterpartyUscc}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="期限">{d.termStart || d.termEnd ? `${d.termStart ?? ''} 至 ${d.termEnd ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="签订日期">{d.signedOn ?? '未签订'}</Descriptions.Item>
          <Descriptions.Item label="主要内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.summary}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        {d.gate && !['signed', 'closed', 'abandoned'].includes(d.state) && (
          <Alert type="warning" showIcon title={d.gate.message} style={{ marginBottom: 12 }} data-testid="contract-gate" />
        )}
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(d.transitions, guidance).map((t) => (
            <StepButton key={t.id} guidance={guidance} id={t.id} testId={`step-${t.id}`} onClick={() => setActing(t)}>
              {t.label}
            </StepButton>
          ))}
        </Space>
      </Card>
      <Card size="small" title="合法性审查" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.reviews}
          locale={{ emptyText: '尚未送请合法性审查' }}
          columns={[
            { title: '送审日期', dataIndex: 'requestedOn', width: 110 },
            {
              title: '审查意见',
              key: 'opinion',
              width: 130,
              render: (_: unknown, r) =>
                r.opinion ? (
                  <Tag color={r.opinion === 'unlawful' ? 'error' : 'success'}>{reviewOpinionLabels[r.opinion as keyof typeof reviewOpinionLabels]}</Tag>
                ) : (
                  <Tag color="processing">{r.state === 'withdrawn' ? '已撤回' : '审查中'}</Tag>
                ),
            },
            { title: '理由', dataIndex: 'reasons', render: (x: string | null) => x ?? '' },
            { title: '出具日期', dataIndex: 'concludedOn', width: 110, render: (x: string | null) => x ?? '' },
            { title: '', key: 'link', width: 90, render: (_: unknown, r) => <Link to={`/legality/reviews/${r.id}`}>审查详情</Link> },
          ]}
        />
      </Card>
      <Card size="small" title="合同文件" style={{ marginBottom: 16 }}>
        {d.files.length ? (
          <ul style={{ margin: 0 }}>
            {d.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/record/evidence/${f.id}/content`}>{f.fileName}</a>
                {f.id === d.signedFileId && (
                  <Tag color="success" style={{ marginInlineStart: 8 }}>
                    签订本
                  </Tag>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">尚无文件</Typography.Text>
        )}
        <div style={{ marginTop: 8 }}>
          <Link to={`/record/contractReview/${d.id}`}>上传文件、全过程记录</Link>
        </div>
      </Card>
      {d.notes.length > 0 && (
        <Card size="small" title="履行和纠纷情况" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.notes}
            columns={[
              { title: '日期', dataIndex: 'notedOn', width: 110 },
              { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => (k === 'dispute' ? <Tag color="warning">纠纷处理</Tag> : '履行情况') },
              { title: '情况', dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
      {acting && (
        <StepModal<ContractDetail>
          url={`/api/contracts/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={fields[acting.id] ?? []}
          withDate
          onDone={(next) => {
            qc.setQueryData(contractKeys.detail(d.id), next);
            qc.invalidateQueries({ queryKey: contractKeys.all });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default ContractPage;
