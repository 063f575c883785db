/** One published version of a publication: its status and its public content. */
import { Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import type { PublicationVersion } from './api';

const versionStatus: Record<PublicationVersion['status'], { label: string; color: string }> = {
  current: { label: '现行版本', color: 'green' },
  superseded: { label: '已更正', color: 'default' },
  withdrawn: { label: '已撤回', color: 'red' },
  ended: { label: '已停止公示', color: 'default' },
};

export function VersionView({ v, open }: { v: PublicationVersion; open: boolean }) {
  const c = v.content;
  return (
    <div data-testid={`version-${v.version}`}>
      <Space wrap>
        <Typography.Text strong>第 {v.version} 版</Typography.Text>
        <Tag color={versionStatus[v.status].color}>{versionStatus[v.status].label}</Tag>
        <Typography.Text type="secondary">
          公示于 {v.publishedOn} · 记录第 {v.ledgerSeq} 条
        </Typography.Text>
        {v.statusOn && (
          <Typography.Text type="secondary">
            {v.statusOn}
            {v.statusReason ? `：${v.statusReason}` : ''}
          </Typography.Text>
        )}
      </Space>
      <Collapse
        size="small"
        style={{ marginTop: 8 }}
        defaultActiveKey={open ? ['summary'] : []}
        items={
          c.kind === 'inspectionResult'
            ? [
                {
                  key: 'summary',
                  label: '公示内容',
                  children: (
                    <Descriptions size="small" column={1} bordered>
                      <Descriptions.Item label="检查对象">
                        {c.party.name}
                        {c.party.uscc ? ` ${c.party.uscc}` : ''}
                      </Descriptions.Item>
                      <Descriptions.Item label="抽查任务">
                        {c.task.name}（{c.task.periodStart} 至 {c.task.periodEnd}）
                      </Descriptions.Item>
                      <Descriptions.Item label="抽查事项">{c.items.map((i) => `${i.code} ${i.name}`).join('；') || '—'}</Descriptions.Item>
                      <Descriptions.Item label="检查日期">{c.inspectedOn}</Descriptions.Item>
                      <Descriptions.Item label="检查结果">{c.findingLabel}</Descriptions.Item>
                      {c.description && <Descriptions.Item label="情况说明">{c.description}</Descriptions.Item>}
                      <Descriptions.Item label="检查实施机关">{c.body.name}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
              ]
            : [
                {
                  key: 'summary',
                  label: '公示内容',
                  children: (
                    <Descriptions size="small" column={1} bordered>
                      <Descriptions.Item label="当事人">
                        {c.party.name}（{c.party.typeLabel}）{c.party.uscc ? ` ${c.party.uscc}` : ''}
                        {c.party.idNumber ? ` ${c.party.idNumber}` : ''}
                      </Descriptions.Item>
                      {c.party.legalRep && <Descriptions.Item label="法定代表人">{c.party.legalRep}</Descriptions.Item>}
                      {c.party.address && <Descriptions.Item label="住所">{c.party.address}</Descriptions.Item>}
                      <Descriptions.Item label="违法行为类型">{c.violation}</Descriptions.Item>
                      <Descriptions.Item label="主要违法事实">{c.facts}</Descriptions.Item>
                      <Descriptions.Item label="处罚依据">{c.basis}</Descriptions.Item>
                      <Descriptions.Item label="处罚内容">{c.penaltyText}</Descriptions.Item>
                      <Descriptions.Item label="处罚机关">{c.body.name}</Descriptions.Item>
                      <Descriptions.Item label="决定日期">{c.decidedOn}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
                {
                  key: 'text',
                  label: '决定书全文（公示文本）',
                  children: (
                    <div className="fz-instrument-text">
                      {c.text.map((t, i) => (
                        <p key={i} style={{ margin: '0 0 6px' }}>
                          {t}
                        </p>
                      ))}
                    </div>
                  ),
                },
              ]
        }
      />
    </div>
  );
}
