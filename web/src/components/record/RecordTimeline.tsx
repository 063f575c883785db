import { SafetyOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RecordEntry } from '../../api/types';
import { chinaTime } from '../../lib/format';
import { Hash } from '../common';
import { PayloadView } from './PayloadView';
import { ProofModal } from './ProofModal';

const colorOf = (eventType: string) => {
  if (eventType === 'certificate.statusChanged') return 'orange';
  if (eventType.startsWith('evidence.')) return 'purple';
  if (eventType.endsWith('.created') || eventType === 'certificate.issued') return 'green';
  return 'blue';
};

/** A matter's history (执法全过程记录) with a 验证 button per entry. */
export function RecordTimeline({ entries }: { entries: RecordEntry[] }) {
  const [verifying, setVerifying] = useState<number | null>(null);
  const [newestFirst, setNewestFirst] = useState(false);
  const ordered = useMemo(() => (newestFirst ? [...entries].reverse() : entries), [entries, newestFirst]);

  if (!entries.length) return <Empty description="暂无记录" />;

  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: 12 }}>
        <Space>
          <Typography.Text type="secondary">共 {entries.length} 条，时间为北京时间</Typography.Text>
          <Switch size="small" checked={newestFirst} onChange={setNewestFirst} />
          <span>最新在前</span>
        </Space>
      </div>
      <Timeline
        items={ordered.map((e) => ({
          key: e.seq,
          color: colorOf(e.eventType),
          content: (
            <div data-testid={`record-entry-${e.seq}`} data-event-type={e.eventType} style={{ paddingBottom: 8 }}>
              <Space wrap size={[8, 4]} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{e.eventLabel}</Typography.Text>
                <Tag>#{e.seq}</Tag>
                <Typography.Text type="secondary">{chinaTime(e.recordedAt)}</Typography.Text>
                <Typography.Text type="secondary">操作人：{e.actorName ?? '系统'}</Typography.Text>
                <Button size="small" icon={<SafetyOutlined />} onClick={() => setVerifying(e.seq)}>
                  验证
                </Button>
              </Space>
              <PayloadView eventType={e.eventType} payload={e.payload} />
              <div style={{ marginTop: 4, fontSize: 12 }}>
                <Typography.Text type="secondary">内容哈希（{e.hashAlg.toUpperCase()}）：</Typography.Text>
                <Hash value={e.payloadHash} />
              </div>
            </div>
          ),
        }))}
      />
      <ProofModal seq={verifying} onClose={() => setVerifying(null)} />
    </>
  );
}
