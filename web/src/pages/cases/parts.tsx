/** Small pieces of the case pages: deadline tags in their colours, the dashboard's deadline card, the landing page by role. */
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { useSession } from '../../auth/session';
import { ProvisionalTag } from '../calendar/ProvisionalTag';
import { matterPages } from '../../../../src/domain/vocabulary';
import { useMyDeadlines } from './api';

/** A due date: red when overdue, orange once its warning period has begun. */
export function DeadlineTag({ due, overdue, warning, label }: { due: string | null; overdue: boolean; warning: boolean; label?: string }) {
  if (!due) return <span>—</span>;
  const text = `${label ? `${label} ` : ''}${due}${overdue ? ' 已逾期' : warning ? ' 即将到期' : ''}`;
  return (
    <Tag color={overdue ? 'red' : warning ? 'orange' : 'default'} data-deadline={overdue ? 'overdue' : warning ? 'warning' : 'ok'}>
      {text}
    </Tag>
  );
}

/** 期限提醒: the open deadlines of the user's units that are overdue or in their warning period. */
export function MyDeadlinesCard() {
  const q = useMyDeadlines();
  const items = q.data ?? [];
  if (q.error) return <Alert type="error" showIcon title="期限提醒加载失败" description={q.error.message} style={{ marginBottom: 16 }} />;
  if (!items.length) return null;
  const overdue = items.filter((d) => d.overdue).length;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="my-deadlines"
      title={
        <Space>
          期限提醒{overdue > 0 && <Tag color="red">{overdue} 项已逾期</Tag>}
          <Tag color="orange">{items.length - overdue} 项即将到期</Tag>
        </Space>
      }
    >
      <List
        size="small"
        dataSource={items.slice(0, 8)}
        renderItem={(d) => (
          <List.Item>
            <Space wrap>
              <DeadlineTag due={d.due} overdue={d.overdue} warning />
              <Typography.Text>{d.label}</Typography.Text>
              <ProvisionalTag provisional={d.provisional} />
              {d.matterType in matterPages ? (
                <Link to={`${matterPages[d.matterType]}/${d.matterId}`}>{d.title}</Link>
              ) : (
                <Typography.Text type="secondary">{d.title}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {items.length > 8 && <Typography.Text type="secondary">另有 {items.length - 8} 项，见案件列表</Typography.Text>}
    </Card>
  );
}

/** The landing page: case handlers start at their 待办, everyone else at the officers. */
export function HomeRedirect() {
  const { user } = useSession();
  const handles = user.roles.some((r) => r === 'officer' || r === 'legalReviewer' || r === 'leader');
  return <Navigate to={handles ? '/todo' : '/officers'} replace />;
}
