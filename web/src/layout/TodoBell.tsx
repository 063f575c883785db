/** The header's 待办 count (issue 14): the matters the user holds a step of, red when one is overdue; a click opens the list. */
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client';

export function TodoBell() {
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['todo', 'count'],
    queryFn: () => api.get<{ count: number; overdue: number }>('/api/todo/count'),
    refetchInterval: 60_000,
  });
  const n = q.data?.count ?? 0;
  const overdue = q.data?.overdue ?? 0;
  return (
    <Tooltip title={overdue ? `待办 ${n} 项，其中 ${overdue} 项已逾期` : `待办 ${n} 项`}>
      <Button type="text" aria-label="我的待办" data-testid="todo-count" onClick={() => navigate('/todo')} style={{ color: '#fff' }}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        <span
          style={{ marginInlineStart: 4, padding: '0 6px', borderRadius: 10, lineHeight: '18px', background: overdue ? '#f5222d' : '#faad14', color: '#fff' }}
        >
          {n}
        </span>
      </Button>
    </Tooltip>
  );
}
