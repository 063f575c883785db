/** The 行政处罚裁量 card of the case page: the frozen discretion result and the live calculator. */
import { Button, Card, List, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { penaltyKinds } from '../../../../src/domain/discretion/vocabulary';
import { QueryError } from '../../components/common';
import { CalculatorPanel } from '../discretion/CalculatorPanel';
import { useViolation } from '../discretion/api';
import { discretionRules } from '../../../../src/domain/discretion/tiers';
import { ApplyTag, ArticleLinks, DecidingRuleView, MitigationTag, RangeText, TierTag, lawVersionText } from '../discretion/parts';
import type { CaseDetail } from './api';

/** The discretion result frozen on the case when the investigation closed, and the live calculator for its violation. */
export function DiscretionCard({ c }: { c: CaseDetail }) {
  const [live, setLive] = useState(false);
  const d = c.discretion;
  return (
    <Card
      title="行政处罚裁量"
      data-testid="case-discretion"
      extra={
        c.violationId && (
          <Button size="small" onClick={() => setLive(!live)}>
            {live ? '收起计算器' : '裁量计算器'}
          </Button>
        )
      }
    >
      {!d && <Typography.Paragraph type="secondary">调查终结时按裁量基准计算并固定在案件中。</Typography.Paragraph>}
      {d && (
        <div data-testid="frozen-discretion">
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{d.violationName}</Typography.Text>
            <TierTag tier={d.tier} />
            {d.exempt && <Tag color="green">不予处罚</Tag>}
            <MitigationTag m={d.mitigation} />
            {d.statuteVersion && <Typography.Text type="secondary">处罚依据：{lawVersionText(d.statuteVersion)}</Typography.Text>}
            <Typography.Text type="secondary">
              按 {d.decisionDate} 计算，规则摘要 <span className="fz-mono">{d.rulesDigest.slice(0, 16)}</span>
            </Typography.Text>
          </Space>
          {d.decidingRule && (
            <div style={{ marginBottom: 8 }}>
              <DecidingRuleView rule={d.decidingRule} />
            </div>
          )}
          <List
            size="small"
            bordered
            dataSource={d.penalties.filter((p) => p.applies !== 'none')}
            locale={{ emptyText: '不予处罚' }}
            style={{ marginBottom: 8 }}
            renderItem={(p) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text strong>{p.label}</Typography.Text>
                  <ApplyTag p={p} />
                  {p.range ? <RangeText range={p.range} /> : p.amountFen !== null ? <span className="fz-mono">{formatYuan(p.amountFen)}</span> : null}
                  <ArticleLinks ids={[p.articleId, ...(p.reservedTo ? [p.reservedTo.articleId] : [])]} />
                </Space>
              </List.Item>
            )}
          />
          <Space wrap style={{ marginBottom: 8 }}>
            <span>
              听证：{d.thresholds.hearing.crossed === 'no' ? '未达较大数额' : '达到较大数额'}（{formatYuan(d.thresholds.hearing.thresholdFen)}，
              {d.thresholds.hearing.source}）
            </span>
            <span>
              法制审核：{d.thresholds.majorDecision.crossed === 'no' ? '未达重大' : '达到重大执法决定数额'}（
              {formatYuan(d.thresholds.majorDecision.thresholdFen)}）
            </span>
          </Space>
          {c.proposed && (
            <div style={{ marginBottom: 8 }}>
              拟处罚：{c.proposed.map((p) => penaltyText(p)).join('；') || '不予处罚'}
              {c.deviationReason && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  超出建议：{c.deviationReason}
                </Tag>
              )}
            </div>
          )}
          <Timeline
            items={d.trace.map((s, i) => ({
              key: i,
              content: (
                <div>
                  <div>
                    {s.rule && discretionRules[s.rule as keyof typeof discretionRules] && (
                      <Tag color="purple" style={{ marginInlineEnd: 6 }}>
                        {discretionRules[s.rule as keyof typeof discretionRules].label}
                      </Tag>
                    )}
                    {s.text}
                  </div>
                  <ArticleLinks ids={s.articleIds} />
                </div>
              ),
            }))}
          />
        </div>
      )}
      {live && c.violationId && <LiveCalculator c={c} />}
    </Card>
  );
}

function LiveCalculator({ c }: { c: CaseDetail }) {
  const v = useViolation(c.violationId!);
  const initial = useMemo(
    () => ({
      violationDate: c.violationDate ?? undefined,
      partyType: c.partyType,
      ...(c.discretionInput
        ? {
            bases: c.discretionInput.bases as never,
            unreliable: c.discretionInput.unreliableBases as never,
            circumstances: c.discretionInput.circumstances as string[],
          }
        : {}),
    }),
    [c],
  );
  if (v.error) return <QueryError error={v.error} />;
  return v.data ? <CalculatorPanel violation={v.data} initial={initial} /> : <Skeleton active />;
}

const penaltyText = (p: { kind: string; amountFen?: number | null; note?: string | null }) =>
  `${penaltyLabel(p.kind)}${p.amountFen ? ` ${formatYuan(p.amountFen)}` : ''}${p.note ? `（${p.note}）` : ''}`;
const penaltyLabel = (k: string) => penaltyKinds[k as keyof typeof penaltyKinds] ?? k;
