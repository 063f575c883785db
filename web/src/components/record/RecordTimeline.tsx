import { DownOutlined, RightOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RecordEntry } from '../../api/types';
import { chinaTime } from '../../lib/format';
import { Hash } from '../common';
import { PayloadView } from './PayloadView';
import { ProofModal } from './ProofModal';

const colorOf = (eventType: string) => {
  if (eventType === 'certificate.statusChanged') return 'orange';
  if (eventType.startsWith('evidence.')) return 'purple';
  if (eventType.endsWith('.created') || eventType.endsWith('.opened') || eventType === 'certificate.issued') return 'green';
  if (eventType === 'matter.transitioned') return 'geekblue';
  return 'blue';
};

/**
 * A matter's history (执法全过程记录), the same on every page that shows a record: one line per entry — time in
 * 北京时间, actor, event, a one-line summary — with the details and a 验证 button on demand.
 */
export function RecordTimeline({ entries }: { entries: RecordEntry[] }) {
  const [verifying, setVerifying] = useState<number | null>(null);
  const [newestFirst, setNewestFirst] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const ordered = useMemo(() => (newestFirst ? [...entries].reverse() : entries), [entries, newestFirst]);
  const allOpen = entries.length > 0 && open.size === entries.length;
  const toggle = (seq: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (!n.delete(seq)) n.add(seq);
      return n;
    });

  if (!entries.length) return <Empty description="暂无记录" />;

  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: 8 }}>
        <Space wrap>
          <Typography.Text type="secondary">共 {entries.length} 条，时间为北京时间</Typography.Text>
          <Button size="small" data-testid="record-expand-all" onClick={() => setOpen(allOpen ? new Set() : new Set(entries.map((e) => e.seq)))}>
            {allOpen ? '全部收起' : '全部展开'}
          </Button>
          <Switch size="small" checked={newestFirst} onChange={setNewestFirst} />
          <span>最新在前</span>
        </Space>
      </div>
      <div style={{ borderTop: '1px solid #f0f0f0' }}>
        {ordered.map((e) => {
          const expanded = open.has(e.seq);
          return (
            <div
              key={e.seq}
              data-testid={`record-entry-${e.seq}`}
              data-event-type={e.eventType}
              style={{ borderBottom: '1px solid #f0f0f0', padding: '4px 0' }}
            >
              {/* one line on a desk; on a phone the summary and 验证 wrap below the time, actor and event */}
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 8, minWidth: 0 }}>
                <Button
                  type="text"
                  size="small"
                  aria-expanded={expanded}
                  aria-label={expanded ? '收起详情' : '展开详情'}
                  data-testid="record-entry-toggle"
                  icon={expanded ? <DownOutlined /> : <RightOutlined />}
                  onClick={() => toggle(e.seq)}
                />
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {chinaTime(e.recordedAt, false)}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>{e.actorName ?? '系统'}</Typography.Text>
                <Tag color={colorOf(e.eventType)} style={{ marginInlineEnd: 0 }}>
                  {e.eventLabel}
                </Tag>
                <Typography.Text ellipsis={{ tooltip: e.display.summary }} style={{ flex: '1 1 160px', minWidth: 0 }}>
                  {e.display.summary}
                </Typography.Text>
                <Button size="small" type="link" icon={<SafetyOutlined />} onClick={() => setVerifying(e.seq)}>
                  验证
                </Button>
              </div>
              {expanded && (
                <div data-testid="record-entry-details" style={{ padding: '4px 0 8px 32px' }}>
                  <PayloadView display={e.display} />
                  <div style={{ marginTop: 4, fontSize: 12 }}>
                    <Typography.Text type="secondary">
                      第 {e.seq} 条；内容哈希（{e.hashAlg.toUpperCase()}）：
                    </Typography.Text>
                    <Hash value={e.payloadHash} />
                  </div>
                </div>
              )}
            </div>
          );
        })}
      </div>
      <ProofModal seq={verifying} onClose={() => setVerifying(null)} />
    </>
  );
}
