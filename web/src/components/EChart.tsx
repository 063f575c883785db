/**
 * One ECharts chart: the option drawn on a canvas, redrawn when it changes, resized with the window, disposed with
 * the component. The charts the console uses (bars and lines with grid, legend and tooltip) are registered here once,
 * so a page imports no ECharts module of its own.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

/** `label` is the chart's accessible name (role="img"); the option is redrawn when its identity changes. */
export function EChart({ option, label, height }: { option: EChartOption; label: string; height: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ height }} />;
}
