import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { QueryError } from '../../components/common';
import { applyServerError } from '../../lib/forms';

interface Day {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  /** package | admin: entered; statutory | makeUp: by rule (放假办法第二条 / 第六条), where nothing was entered */
  source: 'package' | 'admin' | 'statutory' | 'makeUp';
  basis: string | null;
}

const sourceLabels: Record<Day['source'], string> = {
  package: '国务院办公厅通知（日历数据）',
  admin: '管理员录入',
  statutory: '法定节假日（放假办法第二条）',
  makeUp: '补假（放假办法第六条）',
};
interface Year {
  year: number;
  official: boolean;
  days: Day[];
  canEdit: boolean;
}
interface DayForm {
  date: import('dayjs').Dayjs;
  kind: 'holiday' | 'workday' | 'none';
  name: string;
  notice?: string;
}

const weekday = (d: string) => '日一二三四五六'[new Date(`${d}T00:00:00Z`).getUTCDay()];

/** 年度工作日历: the holidays and make-up workdays of a year; administrators enter a new year's notice. */
export function YearCalendar() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<DayForm>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['calendar', year], queryFn: () => api.get<Year>(`/api/calendar/${year}`) });
  const save = useMutation({
    mutationFn: (v: DayForm) =>
      api.put<{ ok: true; deadlinesRecomputed: number }>(`/api/calendar/days/${v.date.format('YYYY-MM-DD')}`, {
        kind: v.kind === 'none' ? null : v.kind,
        name: v.name,
        notice: v.notice || undefined,
      }),
    onSuccess: (r) => {
      message.success(
        r.deadlinesRecomputed ? `已保存，并已写入全过程记录；${r.deadlinesRecomputed} 项未届满的期限已按新的日历重新计算并记录` : '已保存，并已写入全过程记录',
      );
      setEditing(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (e) => message.error(applyServerError(form, e)),
  });

  return (
    <Card
      title="年度工作日历"
      extra={
        <Space>
          <InputNumber aria-label="年份" min={2004} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <Link to={`/record/calendar/${year}`}>全过程记录</Link>
          {q.data?.canEdit && <Button onClick={() => setEditing(true)}>调整某日</Button>}
        </Space>
      }
    >
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      {q.data && !q.data.official && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${year} 年的放假安排尚未载入`}
          description="期限计算暂按《全国年节及纪念日放假办法》第二条的法定节假日及第六条的补假（假日适逢周六、周日的，在其后的工作日补假）处理，不含调休，相关期限标注“暂按法定节假日计算”。国务院办公厅发布通知后，请管理员录入放假日期和调休上班日，未届满的期限随即重新计算并记录。"
        />
      )}
      <Table<Day>
        rowKey="date"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.days ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '日期', dataIndex: 'date', render: (d: string) => `${d}（星期${weekday(d)}）` },
          { title: '类型', dataIndex: 'kind', render: (k: Day['kind']) => (k === 'holiday' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>) },
          { title: '名称', dataIndex: 'name' },
          {
            title: '来源',
            dataIndex: 'source',
            render: (s: Day['source'], d: Day) =>
              d.basis ? <Link to={`/laws/articles/${encodeURIComponent(d.basis)}`}>{sourceLabels[s]}</Link> : (sourceLabels[s] ?? s),
          },
        ]}
      />
      <Modal
        title="调整某日"
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="calendar-day" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'workday' }}>
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'holiday', label: '放假' },
                { value: 'workday', label: '调休上班' },
                { value: 'none', label: '恢复为普通日' },
              ]}
            />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称，如：春节、国庆节调休上班' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="依据通知" name="notice">
            <Input maxLength={200} placeholder="如：国务院办公厅关于2027年部分节假日安排的通知" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
