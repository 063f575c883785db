/** 统计：覆盖率，按行业和信用风险分类的问题发现率（ECharts）. */
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/EChart';
import { QueryError } from '../../components/common';
import { useStats, type Stats } from './api';

function RateChart({ rows, title }: { rows: Stats['byIndustry']; title: string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['抽中', '已检查', '发现问题', '问题发现率'] },
      grid: { left: 40, right: 50, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: [
        { type: 'value', name: '户' },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        { name: '抽中', type: 'bar', data: rows.map((r) => r.drawn) },
        { name: '已检查', type: 'bar', data: rows.map((r) => r.inspected) },
        { name: '发现问题', type: 'bar', data: rows.map((r) => r.problems) },
        { name: '问题发现率', type: 'bar', yAxisIndex: 1, data: rows.map((r) => (r.inspected ? Math.round((r.problems / r.inspected) * 1000) / 10 : 0)) },
      ],
    }),
    [rows],
  );
  return (
    <Card title={title} size="small">
      <EChart option={option} label={title} height={280} />
    </Card>
  );
}

export function StatsPanel() {
  const year = new Date().getFullYear();
  const { data, error, refetch } = useStats(year);
  if (error) return <QueryError error={error} retry={refetch} />;
  if (!data) return null;
  if (!data.tasks) return <Empty description={`${year} 年尚无抽查任务`} />;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title="抽查任务" value={data.tasks} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="名录库（存续）" value={data.pool} suffix="户" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="抽中" value={data.drawn} suffix="户" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="覆盖率" value={(data.coverage * 100).toFixed(1)} suffix="%" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="问题发现率" value={(data.problemRate * 100).toFixed(1)} suffix="%" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="转案件线索" value={data.leads} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <RateChart rows={data.byRiskClass} title="按信用风险分类" />
        </Col>
        <Col xs={24} lg={12}>
          <RateChart rows={data.byIndustry} title="按行业" />
        </Col>
      </Row>
    </>
  );
}
