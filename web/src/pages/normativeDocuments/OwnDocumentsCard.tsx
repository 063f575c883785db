/**
 * The bureau's own 规范性文件 beside the law library's sources: shown here with their status (现行有效 / 已修改 /
 * 已废止 / 已失效) from the normative-document module, not imported as library sources — their text, versions and
 * status live in that workflow (a library source's status is derived from repeal dates and newer versions, which
 * does not know 有效期届满 or 宣布失效), and the law library stays the source of higher law they cite.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ZPublicDocumentList } from '../../../../src/modules/normativeDocuments/responses';
import { api } from '../../api/client';

const color: Record<string, string> = { effective: 'green', amended: 'blue', repealed: 'red', invalid: 'default' };

export function OwnDocumentsCard() {
  const { data, isLoading } = useQuery({
    queryKey: ['normativeDocuments', 'library'],
    queryFn: () => api.get<z.infer<typeof ZPublicDocumentList>>('/api/public/normative-documents?limit=200'),
  });
  return (
    <Card size="small" title="本局规范性文件" style={{ marginTop: 16 }} extra={<Link to="/normative-documents?tab=library">规范性文件管理</Link>}>
      <Table
        size="small"
        rowKey="id"
        loading={isLoading}
        pagination={{ pageSize: 10 }}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '尚无公布的规范性文件' }}
        columns={[
          { title: '文件名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/normative-documents/${r.id}`}>{t}</Link> },
          { title: '文号', dataIndex: 'number', width: 180 },
          { title: '公布日期', dataIndex: 'publishedOn', width: 110 },
          { title: '有效期至', dataIndex: 'expiresOn', width: 110, render: (x: string | null) => x ?? '—' },
          { title: '效力状态', dataIndex: 'statusLabel', width: 100, render: (l: string, r) => <Tag color={color[r.status]}>{l}</Tag> },
        ]}
      />
    </Card>
  );
}
