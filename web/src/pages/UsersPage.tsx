import { EditOutlined, HistoryOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUsers } from '../api/queries';
import type { User } from '../api/types';
import { useSession } from '../auth/session';
import { PageTitle, QueryError } from '../components/common';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { ResetPasswordModal } from '../components/users/ResetPasswordModal';
import { UserFormModal, type UserFormTarget } from '../components/users/UserFormModal';
import { roleLabels } from '../lib/labels';

/** 用户管理: accounts in the caller's scope. */
export default function UsersPage() {
  const { abilities } = useSession();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const users = useUsers({ orgId, q: q || undefined });
  const [target, setTarget] = useState<UserFormTarget>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <div>
      <PageTitle
        title="用户管理"
        extra={
          abilities.createUser && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
              新建用户
            </Button>
          )
        }
      />
      {users.error && <QueryError error={users.error} retry={() => users.refetch()} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect value={orgId} onChange={setOrgId} allowClear placeholder="全部机构" style={{ width: 240 }} />
          <Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 240 }} maxLength={50} />
        </Space>
        <Table<User>
          rowKey="id"
          loading={users.isFetching}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户`, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 140 },
            { title: '姓名', dataIndex: 'displayName', width: 120 },
            { title: '所属机构', dataIndex: 'orgName' },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (rs: User['roles']) =>
                rs.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
                    {roleLabels[r]}
                  </Tag>
                )),
            },
            { title: '状态', dataIndex: 'active', width: 90, render: (v: boolean) => <Badge status={v ? 'success' : 'default'} text={v ? '启用' : '停用'} /> },
            {
              title: '操作',
              key: 'op',
              width: 270,
              fixed: 'right',
              render: (_, u) => (
                <Space size={0} wrap>
                  {u.abilities.update && (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', user: u })}>
                      编辑
                    </Button>
                  )}
                  {u.abilities.resetPassword && (
                    <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                      重置密码
                    </Button>
                  )}
                  {u.abilities.viewRecord && (
                    <Link to={`/record/user/${u.id}`} style={{ padding: '0 7px', whiteSpace: 'nowrap' }}>
                      <HistoryOutlined /> 全过程记录
                    </Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormModal target={target} onClose={() => setTarget(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
