/**
 * 待办: one list across every matter type (the server computes it from the workflows): what I can act on now, what is
 * mine but waits (with the reason), what waits for others in my units, and the deadlines overdue or due soon —
 * nearest legal deadline first. A new matter type needs no change here: the item carries its type's name and page.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { TodoItem, TodoList, ZReminders } from '../../../src/modules/todo/responses';
import { chinaTime } from '../lib/format';
import { api } from '../api/client';
import { PageTitle, QueryError } from '../components/common';
import { ProvisionalTag } from './calendar/ProvisionalTag';
import { DeadlineTag } from './cases/parts';

export const todoKeys = { list: ['todo', 'list'] as const, count: ['todo', 'count'] as const };

export const useTodo = () => useQuery({ queryKey: todoKeys.list, queryFn: () => api.get<TodoList>('/api/todo') });
type Reminder = z.infer<typeof ZReminders>['items'][number];
const useReminders = () =>
  useQuery({ queryKey: ['todo', 'reminders'], queryFn: () => api.get<{ items: Reminder[] }>('/api/todo/reminders').then((r) => r.items) });
const channelLabels: Record<string, string> = { app: '平台', email: '邮件', sms: '短信' };

const title = (i: TodoItem) => (i.href ? <Link to={i.href}>{i.title}</Link> : <Typography.Text>{i.title}</Typography.Text>);

/** One matter: its type, state and nearest deadline; the steps (mine in bold, each with who or why not). */
function Item({ item, testId }: { item: TodoItem; testId: string }) {
  const steps = item.steps.filter((s) => s.required);
  return (
    <List.Item data-testid={testId} data-matter={item.matterId}>
      <div style={{ width: '100%', minWidth: 0 }}>
        <Space wrap size={[8, 4]}>
          <Tag>{item.typeLabel}</Tag>
          {title(item)}
          <Tag color="blue">{item.stateLabel}</Tag>
          {item.due && <DeadlineTag due={item.due} overdue={item.overdue} warning={false} label="期限" />}
        </Space>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {steps.map((s) => (
            <li key={s.transition}>
              <Typography.Text strong={s.mine}>{s.label}</Typography.Text>
              <Typography.Text type="secondary">
                （{s.mine ? '由我办理' : s.roles.join('或')}
                {s.due ? `，期限至 ${s.due}` : ''}）
              </Typography.Text>
              {s.mine && s.blocked.length > 0 && (
                <Typography.Text type="warning" data-testid="todo-reason">
                  ：{s.blocked.join('；')}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      </div>
    </List.Item>
  );
}

const section = (items: TodoItem[], testId: string, empty: string) => (
  <List dataSource={items} locale={{ emptyText: <Empty description={empty} /> }} renderItem={(i) => <Item item={i} testId={testId} />} />
);

export default function TodoPage() {
  const q = useTodo();
  const reminders = useReminders();
  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  const d = q.data;
  return (
    <div>
      <PageTitle title="我的待办" sub="按法定期限排序：先办最早到期的事项" />
      {d?.truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="事项较多，仅列出期限最近的部分，请在各模块列表中查看其余事项" />}
      <Card loading={!d}>
        {d && (
          <Tabs
            items={[
              { key: 'now', label: `可办理（${d.actNow.length}）`, children: section(d.actNow, 'todo-now', '没有需要您现在办理的事项') },
              { key: 'waiting', label: `等待条件（${d.waiting.length}）`, children: section(d.waiting, 'todo-waiting', '没有等待期限或条件的事项') },
              { key: 'others', label: `本单位他人办理（${d.others.length}）`, children: section(d.others, 'todo-others', '本单位没有等待他人办理的事项') },
              {
                key: 'deadlines',
                label: `期限提醒（${d.deadlines.length}）`,
                children: (
                  <List
                    dataSource={d.deadlines}
                    locale={{ emptyText: <Empty description="没有逾期或即将到期的期限" /> }}
                    renderItem={(x) => (
                      <List.Item data-testid="todo-deadline">
                        <Space wrap>
                          <DeadlineTag due={x.due} overdue={x.overdue} warning />
                          <Typography.Text>{x.label}</Typography.Text>
                          <ProvisionalTag provisional={x.provisional} />
                          {x.href ? <Link to={x.href}>{x.title}</Link> : <Typography.Text type="secondary">{x.title}</Typography.Text>}
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'reminders',
                label: `提醒（${reminders.data?.length ?? 0}）`,
                children: (
                  <List
                    loading={reminders.isLoading}
                    dataSource={reminders.data ?? []}
                    locale={{ emptyText: <Empty description="近 30 日没有期限提醒" /> }}
                    renderItem={(r) => (
                      <List.Item data-testid="todo-reminder">
                        <Space wrap>
                          <Tag color={r.stage === 'overdue' ? 'red' : 'orange'}>{r.stage === 'overdue' ? '已逾期' : '即将到期'}</Tag>
                          {r.href ? <Link to={r.href}>{r.message}</Link> : <Typography.Text>{r.message}</Typography.Text>}
                          <Typography.Text type="secondary">
                            {chinaTime(r.createdAt, false)} · {r.channels.map((c) => channelLabels[c] ?? c).join('、')}
                          </Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
