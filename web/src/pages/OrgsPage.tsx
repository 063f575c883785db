import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Card, Skeleton, Space, Table, Tag, Typography, Button } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useOrgs } from '../api/queries';
import { PageTitle, QueryError } from '../components/common';
import { OrgFormModal, type OrgFormTarget } from '../components/orgs/OrgFormModal';
import { buildOrgTree, type OrgNode } from '../lib/orgTree';

/** 机构管理: the org tree in the caller's scope. */
export default function OrgsPage() {
  const orgs = useOrgs();
  const tree = useMemo(() => buildOrgTree(orgs.data ?? []), [orgs.data]);
  const [target, setTarget] = useState<OrgFormTarget>(null);

  return (
    <div>
      <PageTitle title="机构管理" sub="管辖范围内的机构。执法主体须有法定依据。" />
      {orgs.error && <QueryError error={orgs.error} retry={() => orgs.refetch()} />}
      <Card>
        {orgs.isPending ? (
          <Skeleton active />
        ) : (
          <Table<OrgNode>
            rowKey="id"
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: '机构名称',
                dataIndex: 'name',
                width: 280,
                render: (v: string, o) => (
                  <span>
                    {v}
                    {o.shortName && <Typography.Text type="secondary">（{o.shortName}）</Typography.Text>}
                  </span>
                ),
              },
              { title: '类型', dataIndex: 'kindLabel', width: 120, render: (v: string) => <Tag>{v}</Tag> },
              {
                title: '执法主体',
                dataIndex: 'isEnforcementBody',
                width: 100,
                render: (v: boolean) => (v ? <Tag color="red">执法主体</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
              },
              {
                title: '法定依据',
                dataIndex: 'legalBasis',
                render: (v: string | null) =>
                  v ? (
                    <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
                      {v}
                    </Typography.Paragraph>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '代码',
                key: 'codes',
                width: 200,
                render: (_, o) => (
                  <div style={{ fontSize: 12 }}>
                    {o.divisionCode && <div>区划：{o.divisionCode}</div>}
                    {o.uscc && <div>信用代码：{o.uscc}</div>}
                    {!o.divisionCode && !o.uscc && '—'}
                  </div>
                ),
              },
              {
                title: '操作',
                key: 'op',
                width: 260,
                fixed: 'right',
                render: (_, o) => (
                  <Space size={0} wrap>
                    {o.abilities.createChild && (
                      <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parent: o })}>
                        新建下级
                      </Button>
                    )}
                    {o.abilities.update && (
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', org: o })}>
                        编辑
                      </Button>
                    )}
                    {o.abilities.viewRecord && (
                      <Link to={`/record/org/${o.id}`} style={{ padding: '0 7px', whiteSpace: 'nowrap' }}>
                        <HistoryOutlined /> 全过程记录
                      </Link>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <OrgFormModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
