/**
 * One 年度报告: its sections (each paragraph editable in a draft — a figures paragraph as its sentence with
 * {指标编号} references, whose numbers always come from the report's kept figure set), its tables (rows not yet
 * mapped show 未接入), its versions, the steps the server lists to the user, and the downloads.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { chinaTime } from '../../lib/format';
import { type Paragraph, type ReportDetail, reportKeys, stateColor, useReport } from './api';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function EditModal({ d, p, onClose }: { d: ReportDetail; p: Paragraph; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [text, setText] = useState(p.kind === 'figures' ? (p.template ?? '') : p.text);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api.patch<ReportDetail>(`/api/annual-reports/${d.id}/paragraphs/${encodeURIComponent(p.id)}`, { expectedVersion: d.versionNo, text }),
    onSuccess: (next) => {
      qc.setQueryData(reportKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: reportKeys.list });
      message.success(`已保存为第 ${next.versionNo} 版`);
      onClose();
    },
    onError: (e) => setProblem(e.message),
  });
  return (
    <Modal open title="修改段落" okText="保存" cancelText="取消" onOk={() => send.mutate()} confirmLoading={send.isPending} onCancel={onClose} width={720}>
      {p.kind === 'figures' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="数字以 {指标编号} 引用，取自本报告的统计指标集；{指标编号:prev} 为上年数，{delta} 为前一指标的同比，[维度=值] 取分组数。"
        />
      )}
      {p.hint && <Typography.Paragraph type="secondary">{p.hint}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Input.TextArea aria-label="段落内容" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}

function StepButtons({ d }: { d: ReportDetail }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: (t: { id: string; label: string }) =>
      api.post<ReportDetail>(`/api/annual-reports/${d.id}/transitions/${t.id}`, {
        expectedVersion: d.matterVersion,
        input: t.id === 'publish' ? {} : note.trim() ? { note: note.trim() } : {},
      }),
    onSuccess: (next, t) => {
      qc.setQueryData(reportKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: reportKeys.list });
      qc.invalidateQueries({ queryKey: ['guidance'] });
      message.success(`${t.label}：已办理`);
      setProblem(null);
      setNote('');
    },
    onError: (e) => setProblem(e.message),
  });
  if (d.transitions.length === 0) return null;
  return (
    <Card size="small" title="办理" style={{ marginBottom: 16 }}>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      {d.transitions.some((t) => t.id !== 'publish') && (
        <Input.TextArea
          aria-label="意见"
          placeholder="意见（退回修改时必填）"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          style={{ marginBottom: 8 }}
        />
      )}
      <Space wrap>
        {d.transitions.map((t) => (
          <Button key={t.id} type={t.id === 'returnForRevision' ? 'default' : 'primary'} loading={send.isPending} onClick={() => send.mutate(t)}>
            {t.label}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

export default function AnnualReportPage() {
  const { id = '' } = useParams();
  const q = useReport(id);
  const [editing, setEditing] = useState<Paragraph | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  const d = q.data;
  if (!d) return null;
  const canEdit = d.state === 'draft' && d.abilities.write;
  const docs = d.kind === 'lawBasedGovernment' ? (['docx', 'pdf'] as const) : (['xlsx'] as const);
  return (
    <>
      <PageTitle
        title={d.title}
        sub={
          <Space wrap>
            <Tag color={stateColor[d.state]}>{d.stateLabel}</Tag>
            <span>第 {d.versionNo} 版</span>
            <span>公开期限 {d.due}</span>
          </Space>
        }
        extra={
          <Space wrap>
            {docs.map((f) => (
              <Button key={f} href={`/api/annual-reports/${d.id}/${f}`}>
                下载 {f === 'docx' ? 'Word' : f === 'pdf' ? 'PDF' : 'Excel'}
                {d.state !== 'published' && f !== 'xlsx' ? '（样稿）' : ''}
              </Button>
            ))}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="机关">{d.bodyName}</Descriptions.Item>
          <Descriptions.Item label="本年度指标集">
            <Link to={`/figures/sets/${d.figureSetId}`}>查看并核对</Link>
          </Descriptions.Item>
          <Descriptions.Item label="上年度指标集">
            <Link to={`/figures/sets/${d.previousSetId}`}>查看</Link>
          </Descriptions.Item>
          <Descriptions.Item label="执法记录">
            <Link to={`/record/annualReport/${d.id}`}>查看记录</Link>
          </Descriptions.Item>
          {d.publishedOn && <Descriptions.Item label="公开日期">{d.publishedOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <StepButtons d={d} />
      {d.unmapped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${d.unmapped.length} 行数据尚未接入统计指标（显示为“未接入”）：${[...new Set(d.unmapped.map((u) => u.awaiting))].join('、')}`}
        />
      )}
      {d.content.sections.map((s, i) => (
        <Card key={s.id} size="small" title={`${numerals[i] ?? i + 1}、${s.heading}`} style={{ marginBottom: 12 }}>
          {s.paragraphs.map((p) => (
            <div key={p.id} data-paragraph={p.id} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 8 }}>
              <Typography.Paragraph style={{ flex: 1, marginBottom: 0 }} type={p.text ? undefined : 'secondary'}>
                {p.text || `（待填写）${p.hint ?? ''}`}
                {p.edited && (
                  <Tag style={{ marginLeft: 8 }} color="gold">
                    已修改
                  </Tag>
                )}
              </Typography.Paragraph>
              {canEdit && (
                <Button size="small" onClick={() => setEditing(p)}>
                  修改
                </Button>
              )}
            </div>
          ))}
        </Card>
      ))}
      {d.content.tables.map((t) => (
        <Card key={t.id} size="small" title={t.title} extra={<Typography.Text type="secondary">{t.basis}</Typography.Text>} style={{ marginBottom: 12 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={t.rows}
            columns={[
              { title: '项目', dataIndex: 'label' },
              { title: `${d.year}年`, align: 'right', render: (_, r) => (r.figure ? r.value : <Tag>{r.value}</Tag>) },
              { title: `${d.year - 1}年`, align: 'right', dataIndex: 'previous' },
              {
                title: '统计指标',
                render: (_, r) =>
                  r.figure ? (
                    <Link to={`/figures/${r.figure.split('[')[0]}?from=${d.year}-01-01&to=${d.year}-12-31&orgId=${d.bodyId}`}>{r.figure}</Link>
                  ) : (
                    r.awaiting
                  ),
              },
            ]}
          />
        </Card>
      ))}
      <Card size="small" title="版本记录">
        <Table
          rowKey="versionNo"
          size="small"
          pagination={false}
          dataSource={d.versions}
          columns={[
            { title: '版本', dataIndex: 'versionNo', render: (v: number) => `第 ${v} 版` },
            { title: '修改的段落', render: (_, v) => v.paragraphId ?? '生成草稿' },
            { title: '修改人', dataIndex: 'editedBy' },
            { title: '时间', render: (_, v) => chinaTime(v.editedAt) },
          ]}
        />
      </Card>
      {editing && <EditModal d={d} p={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
