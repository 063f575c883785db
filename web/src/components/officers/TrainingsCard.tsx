import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import type { OfficerDetail, Training } from '../../api/types';
import { trainingKindLabels } from '../../lib/labels';
import { TrainingFormModal } from './TrainingFormModal';

/** 培训与考试 of an officer. */
export function TrainingsCard({ officer }: { officer: OfficerDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={`培训与考试（${officer.trainings.length}）`}
      extra={
        officer.abilities.recordTraining && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记培训考试
          </Button>
        )
      }
    >
      <Table<Training>
        rowKey="id"
        size="small"
        dataSource={officer.trainings}
        pagination={false}
        locale={{ emptyText: '暂无培训考试记录' }}
        scroll={{ x: 700 }}
        columns={[
          {
            title: '类型',
            dataIndex: 'kind',
            width: 80,
            render: (v: string) => <Tag color={v === 'exam' ? 'purple' : 'blue'}>{trainingKindLabels[v] ?? v}</Tag>,
          },
          { title: '名称', dataIndex: 'title' },
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '学时', dataIndex: 'hours', width: 80, render: (v: number | null) => v ?? '—' },
          { title: '成绩', dataIndex: 'score', width: 80, render: (v: number | null) => v ?? '—' },
          {
            title: '结果',
            dataIndex: 'passed',
            width: 90,
            render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>),
          },
          { title: '组织单位', dataIndex: 'organizer', width: 160, render: (v: string | null) => v ?? '—' },
        ]}
      />
      {officer.abilities.recordTraining && <TrainingFormModal officer={officer} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}
