/** 依据变更: flags raised when a cited article was amended, removed or repealed; a person reviews and clears each with a note. */
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Pagination, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { chinaTime } from '../../lib/format';
import { articleUrl, lawKeys, useBasisFlags, type BasisFlag } from './api';
import { DiffLegend, DiffView } from './parts';

const PAGE_SIZE = 20;
const changeColors: Record<BasisFlag['change'], string> = { amended: 'orange', removed: 'red', repealed: 'red', unchanged: 'default' };

/** Where a citing subject is looked at: its own page when the console has one, else its record. */
const subjectUrl = (f: BasisFlag) =>
  f.subjectType === 'powerItem'
    ? `/powers/${encodeURIComponent(f.subjectId)}`
    : f.subjectType === 'violation'
      ? `/discretion/violations/${encodeURIComponent(f.subjectId)}`
      : `/record/${f.subjectType}/${encodeURIComponent(f.subjectId)}`;

export default function BasisFlagsPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'open') as 'open' | 'cleared' | 'all';
  const page = Number(params.get('page') ?? 1);
  const flags = useBasisFlags({ status, page, pageSize: PAGE_SIZE });
  const [clearing, setClearing] = useState<BasisFlag | null>(null);

  return (
    <div>
      <PageTitle
        title="依据变更"
        sub="法律法规修改或废止后，引用了被修改、删除或废止条文的权责事项、违法行为和裁量基准列在这里，逐条核对后确认处理。"
        extra={
          <Segmented
            value={status}
            onChange={(v) => setParams({ status: String(v) })}
            options={[
              { value: 'open', label: '待处理' },
              { value: 'cleared', label: '已处理' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      />
      {flags.error && <QueryError error={flags.error} retry={() => flags.refetch()} />}
      {!flags.data ? (
        <Skeleton active />
      ) : flags.data.items.length === 0 ? (
        <Card>
          <Empty description={status === 'open' ? '没有待处理的依据变更' : '没有记录'} />
        </Card>
      ) : (
        <>
          <List dataSource={flags.data.items} renderItem={(f) => <FlagCard key={f.id} flag={f} onClear={() => setClearing(f)} />} />
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={page}
            pageSize={PAGE_SIZE}
            total={flags.data.total}
            showSizeChanger={false}
            onChange={(p) => setParams({ status, page: String(p) })}
            hideOnSinglePage
          />
        </>
      )}
      <ClearModal flag={clearing} onClose={() => setClearing(null)} />
    </div>
  );
}

function FlagCard({ flag: f, onClear }: { flag: BasisFlag; onClear: () => void }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="basis-flag"
      title={
        <Space wrap size={4}>
          <Tag color={changeColors[f.change]}>
            {f.changeLabel}
            {f.renumbered ? '（条号变动）' : ''}
          </Tag>
          <Tag>{f.subjectTypeLabel}</Tag>
          <Link to={subjectUrl(f)}>{f.subjectTitle ?? f.subjectId}</Link>
          {f.orgName && <Typography.Text type="secondary">{f.orgName}</Typography.Text>}
        </Space>
      }
      extra={
        f.status === 'open' ? (
          f.abilities.clear && (
            <Button type="primary" size="small" icon={<CheckOutlined />} onClick={onClear}>
              确认处理
            </Button>
          )
        ) : (
          <Tag color="green">已处理</Tag>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <div>
          引用条文：
          <Link to={articleUrl(f.article.id)}>
            《{f.article.title}》（{f.article.versionDate} 版）{f.article.label}
          </Link>
          {' → '}
          {f.newArticle ? (
            <Link to={articleUrl(f.newArticle.id)}>
              {f.newArticle.versionDate} 版{f.newArticle.label}
            </Link>
          ) : (
            <Typography.Text type="danger">{f.change === 'repealed' ? '该版本已废止' : '新版本中已无此条'}</Typography.Text>
          )}
          <Typography.Text type="secondary">
            　（{f.raisedBy.versionDate} 版{f.change === 'repealed' ? '废止' : '导入'}时生成，{chinaTime(f.createdAt, false)}）
          </Typography.Text>
        </div>
        {f.diff ? (
          <div style={{ background: '#fafafa', padding: '8px 12px', borderRadius: 6 }}>
            <div style={{ marginBottom: 4 }}>
              <DiffLegend />
            </div>
            <DiffView ops={f.diff} />
          </div>
        ) : (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {f.article.body}
          </Typography.Paragraph>
        )}
        {f.status === 'cleared' && (
          <Typography.Text>
            处理说明：{f.clearNote}（{f.clearedByName ?? ''}，{chinaTime(f.clearedAt, false)}）
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function ClearModal({ flag, onClose }: { flag: BasisFlag | null; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const clear = useMutation({
    mutationFn: (note: string) => api.post<BasisFlag>(`/api/laws/basis-flags/${encodeURIComponent(flag!.id)}/clear`, { note }),
    onSuccess: async () => {
      message.success('已确认处理，并记入执法全过程记录');
      await queryClient.invalidateQueries({ queryKey: lawKeys.all });
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      title="确认处理依据变更"
      open={!!flag}
      onCancel={onClose}
      okText="确认处理"
      confirmLoading={clear.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v) clear.mutate(v.note);
      }}
    >
      {flag && (
        <Typography.Paragraph>
          《{flag.article.title}》{flag.article.label}：{flag.changeLabel}。请说明核对结果和采取的措施（如已修改权责事项依据、依据仍然适用等）。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="处理说明" rules={[{ required: true, min: 2, max: 500, message: '请填写 2–500 字的处理说明' }]}>
          <Input.TextArea rows={3} data-testid="clear-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
