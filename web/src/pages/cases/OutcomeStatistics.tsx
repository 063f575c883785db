/**
 * 决定结果统计 on the case list: decided cases by outcome, 给予、不予（按法定情形）、免予（按免罚清单） counted apart
 * (行政处罚法 第三十条、第三十一条、第三十三条 against the body's 免罚清单), for the cases the user may see.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { CaseStatistics } from '../../../../src/modules/cases/responses';
import { api } from '../../api/client';

export function OutcomeStatistics() {
  const q = useQuery({ queryKey: ['cases', 'statistics'], queryFn: () => api.get<CaseStatistics>('/api/cases/statistics') });
  if (!q.data?.total) return null;
  const outcomes = [q.data.outcomes.penalty, q.data.outcomes.noPenalty, q.data.outcomes.exempted];
  return (
    <Card size="small" title="决定结果统计" style={{ marginBottom: 16 }} data-testid="case-outcomes">
      <Row gutter={16}>
        {outcomes.map((o) => (
          <Col key={o.label} xs={24} sm={8}>
            <Statistic title={o.label} value={o.count} suffix="件" />
            {o.byDetail.map((d) => (
              <Typography.Text key={d.key} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {d.label}：{d.count} 件
              </Typography.Text>
            ))}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
