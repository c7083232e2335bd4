/**
 * @module Charts rendered on the server as SVG with ECharts (no JavaScript in the browser): a waterfall of the
 * split of spending growth and a line chart of history and forecasts. Each page shows the numbers in a table
 * beside the chart; the SVG carries a text alternative.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

// ECharts is the largest module Ramme uses (about 0.4 s to load): it is loaded at the first chart, not at start-up.
const require = createRequire(import.meta.url);
let echartsModule: typeof Echarts | undefined;
const echarts = (): typeof Echarts => {
  echartsModule ??= require('echarts') as typeof Echarts;
  return echartsModule;
};

const COLORS = { up: '#c2410c', down: '#15803d', total: '#1f4e79', line: ['#1f4e79', '#c2410c', '#15803d', '#6b21a8'] };
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function render(option: Echarts.EChartsCoreOption, width: number, height: number, label: string): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'IBM Plex Sans, Arial, sans-serif' }, ...option });
    return chart
      .renderToSVGString()
      .replace('<svg ', `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" style="max-width:100%;height:auto" `);
  } finally {
    chart.dispose();
  }
}

/** Kroner as "1,2 mio." for axis and bar labels. */
const short = (v: number) => `${(v / 1e6).toLocaleString('da-DK', { maximumFractionDigits: 1 })} mio.`;

/**
 * Waterfall: the first year's spending, the three effects as floating bars (up red, down green), the last year's
 * spending. Amounts in kroner (numbers only for drawing; the table beside it has the exact figures).
 */
export function waterfallSvg(p: {
  label: string;
  fromLabel: string;
  toLabel: string;
  start: number;
  effects: { name: string; value: number }[];
  width?: number;
  height?: number;
}): string {
  const categories = [p.fromLabel, ...p.effects.map((e) => e.name), p.toLabel];
  const base: (number | string)[] = [0];
  const bars: { value: number; itemStyle: { color: string } }[] = [{ value: p.start, itemStyle: { color: COLORS.total } }];
  let level = p.start;
  for (const e of p.effects) {
    const next = level + e.value;
    base.push(Math.min(level, next));
    bars.push({ value: Math.abs(e.value), itemStyle: { color: e.value >= 0 ? COLORS.up : COLORS.down } });
    level = next;
  }
  base.push(0);
  bars.push({ value: level, itemStyle: { color: COLORS.total } });
  const lowest = Math.min(...base.map(Number).filter((_, i) => i > 0 && i < categories.length - 1), p.start, level);
  return render(
    {
      grid: { left: 90, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', min: Math.max(0, Math.floor((lowest * 0.9) / 1e6) * 1e6), axisLabel: { formatter: short } },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base },
        { type: 'bar', stack: 'w', data: bars, label: { show: true, position: 'top', formatter: (x: { value: number }) => short(x.value) } },
      ],
    },
    p.width ?? 640,
    p.height ?? 320,
    p.label,
  );
}

/** Lines over years: history and one line per forecast method. `null` leaves a gap. */
export function linesSvg(p: {
  label: string;
  years: (number | string)[];
  lines: { name: string; values: (number | null)[]; isDashed?: boolean }[];
  width?: number;
  height?: number;
}): string {
  return render(
    {
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: p.years.map(String) },
      yAxis: { type: 'value' },
      series: p.lines.map((l, i) => ({
        name: l.name,
        type: 'line',
        data: l.values,
        connectNulls: false,
        lineStyle: { type: l.isDashed ? 'dashed' : 'solid', color: COLORS.line[i % COLORS.line.length] },
        itemStyle: { color: COLORS.line[i % COLORS.line.length] },
      })),
    },
    p.width ?? 640,
    p.height ?? 300,
    p.label,
  );
}

/**
 * Horizontal stacked bars: one bar per category (e.g. a buyer), one segment per series (e.g. where it buys), in
 * per cent of the bar. Values are shares 0–100 (numbers only for drawing; the table beside it has the exact figures).
 */
export function stackedBarsSvg(p: {
  label: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  width?: number;
  height?: number;
}): string {
  return render(
    {
      grid: { left: 150, right: 20, top: 40, bottom: 30 },
      legend: { top: 0 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: p.categories, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
      series: p.series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        stack: 'share',
        data: s.values,
        itemStyle: { color: COLORS.line[i % COLORS.line.length] },
      })),
    },
    p.width ?? 640,
    p.height ?? Math.max(160, 70 + p.categories.length * 22),
    p.label,
  );
}
