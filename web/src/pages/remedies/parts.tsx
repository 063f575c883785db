/** What the two remedy pages share: the deadlines, the hearings, the subject's link. */
import { Card, Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { LawsuitDetail, ReconsiderationDetail } from './api';

export const options = (t: Readonly<Record<string, string | { label: string }>>) =>
  Object.entries(t).map(([value, v]) => ({ value, label: typeof v === 'string' ? v : v.label }));

export function Deadlines({ d }: { d: ReconsiderationDetail | LawsuitDetail }) {
  if (!d.deadlines.length) return null;
  return (
    <div style={{ marginTop: 12 }}>
      {d.deadlines.map((x) => (
        <Tag key={x.id} color={x.status !== 'open' ? 'default' : x.overdue ? 'error' : x.warning ? 'warning' : 'blue'}>
          {x.label}：{x.due}
          {x.status === 'met' ? '（已履行）' : x.status === 'cancelled' ? '（已取消）' : ''}
        </Tag>
      ))}
    </div>
  );
}

/** The items of the subject and of the outcome, for a Descriptions (antd reads its items' props: call as functions). */
export function subjectItems(d: ReconsiderationDetail | LawsuitDetail) {
  return [
    <Descriptions.Item key="subject" label="被申请（被诉）行为">
      {d.subjectHref ? (
        <Link to={d.subjectHref} data-testid="remedy-subject">
          {d.subjectTitle}
        </Link>
      ) : (
        d.subjectTitle
      )}
    </Descriptions.Item>,
    <Descriptions.Item key="subjectKind" label="类别">{`${d.subjectTypeLabel}（${d.subjectKindLabel}）`}</Descriptions.Item>,
  ];
}

export function outcomeItems(d: ReconsiderationDetail | LawsuitDetail) {
  if (!d.effect) return [];
  return [
    <Descriptions.Item key="effect" label="对原行政行为的效力">
      <Tag color={d.effect === 'stands' ? 'success' : d.effect === 'changed' ? 'warning' : 'error'} data-testid="remedy-effect">
        {d.effectLabel}
      </Tag>
      {d.publicationId && (
        <Link to={`/publicity/${d.publicationId}`} data-testid="remedy-publication">
          {d.publicationState === 'withdrawn' ? '公示已撤回' : d.publicationState === 'withdrawalDue' ? '公示待撤回（三个工作日内）' : '查看公示'}
        </Link>
      )}
    </Descriptions.Item>,
  ];
}

export function Hearings({ d }: { d: ReconsiderationDetail | LawsuitDetail }) {
  if (!d.hearings.length) return null;
  return (
    <Card size="small" title="听取意见、听证、调解和开庭" style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.hearings}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '方式', dataIndex: 'kindLabel', width: 90 },
          { title: '本机关人员', dataIndex: 'attendees' },
          {
            title: '负责人出庭应诉',
            key: 'appearance',
            render: (_: unknown, h) =>
              h.appearance ? (h.appearance === 'head' ? `${h.headName}（${h.headTitle}）出庭` : `${h.appearanceLabel}；理由：${h.absenceReason ?? ''}`) : '',
          },
          { title: '情况', dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
    </Card>
  );
}
