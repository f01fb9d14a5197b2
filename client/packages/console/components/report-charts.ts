import { Axis, Chart, Interval, Line, Point, jsx } from '@antv/f2';
import type { ChartElement } from './f2-mount';

/** One mark of a chart: `key` identifies it, `label` names it on the axis. */
export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

/** `column`: vertical bars (a count per month); `line`: a line with dots; `bar`: horizontal bars. */
export type ChartKind = 'column' | 'line' | 'bar';

export interface ChartLook {
  kind: ChartKind;
  /** Bar or line colour (the figures are written out too: never colour alone). */
  color: string;
  /** 大字模式: larger axis labels. */
  elder: boolean;
  /** Plot size in CSS pixels, as measured on the page. */
  width: number;
  height: number;
}

/**
 * F2's `jsx(type, props, ...children)` without JSX syntax (the project's JSX is React's). Its
 * typings want each component's props generic spelled out; the props here are checked by F2 at
 * run time and by the H5 pixel test.
 */
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => ChartElement;

const TEXT = '#4d4d4d';
const GRID = '#d9d9d9';
const AXIS = '#8c8c8c';

/** Axis label size in CSS pixels (body text is 16 px, 19 px in 大字模式). */
export function labelSize(elder: boolean): number {
  return elder ? 16 : 12;
}

/** Canvas height in CSS pixels for a chart of `count` marks. */
export function chartHeight(kind: ChartKind, count: number, elder: boolean): number {
  if (kind === 'bar') return Math.max(2, count) * (elder ? 44 : 36) + 36;
  return elder ? 240 : 200;
}

/**
 * Which axis labels fit: every one when they do, else every second (then every third …), always
 * the last (the month being reported). Estimates a label as its characters × the font size.
 */
function visibleLabels(data: ChartDatum[], look: ChartLook): Set<number> {
  const size = labelSize(look.elder);
  const widest = Math.max(1, ...data.map((datum) => datum.label.length)) * size + 4;
  const slot = (look.width - 48) / Math.max(1, data.length);
  const step = Math.max(1, Math.ceil(widest / Math.max(1, slot)));
  const shown = new Set<number>();
  for (let i = data.length - 1; i >= 0; i -= step) shown.add(i);
  return shown;
}

/**
 * The value axis: from 0 to a round top at or above the largest value, in 3–4 round steps
 * (1, 2 or 5 × 10ⁿ). Counts step by whole numbers (no "0.4 人次"); hours may step by 0.5.
 */
export function valueTicks(max: number, whole: boolean): number[] {
  const target = Math.max(max, whole ? 1 : 0.5) / 3;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = Math.max(whole ? 1 : 0.5, ([1, 2, 5, 10].find((m) => m * power >= target) ?? 10) * power);
  const ticks = [0];
  while (ticks[ticks.length - 1] < max) ticks.push(Math.round((ticks[ticks.length - 1] + step) * 10) / 10);
  if (ticks.length === 1) ticks.push(step);
  return ticks;
}

function valueScale(data: ChartDatum[]) {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  const ticks = valueTicks(
    max,
    data.every((datum) => Number.isInteger(datum.value)),
  );
  return { min: 0, max: ticks[ticks.length - 1], ticks };
}

/** An F2 element tree for `data` drawn as `look.kind`. Values start at 0. */
export function buildChart(data: ChartDatum[], look: ChartLook): ChartElement {
  const size = labelSize(look.elder);
  // A transposed category axis runs bottom-up: reverse it so the chart reads in the list's order.
  const ordered = look.kind === 'bar' ? [...data].reverse() : data;
  const rows = ordered.map((datum) => ({ ...datum, series: 'value' }));
  const label = { fill: TEXT, fontSize: size };
  const shown = visibleLabels(data, look);
  const byKey = new Map(data.map((datum, index) => [datum.key, { label: datum.label, index }]));
  const categoryAxis = h(Axis, {
    field: 'key',
    formatter: (key: string) => {
      const found = byKey.get(key);
      return found && (look.kind === 'bar' || shown.has(found.index)) ? found.label : '';
    },
    style: { label, line: { stroke: AXIS, lineWidth: 1 }, labelOffset: 6 },
  });
  const valueAxis = h(Axis, {
    field: 'value',
    style: { label, grid: { stroke: GRID, lineWidth: 1, lineDash: [3, 3] }, labelOffset: 6 },
  });
  const color = ['series', [look.color]];
  const scale = {
    key: { type: 'cat', range: look.kind === 'line' ? [0.04, 0.96] : undefined },
    value: valueScale(data),
  };
  const marks =
    look.kind === 'line'
      ? [
          h(Line, { x: 'key', y: 'value', color, style: { lineWidth: 3 } }),
          h(Point, { x: 'key', y: 'value', color, size: look.elder ? 5 : 4 }),
        ]
      : [h(Interval, { x: 'key', y: 'value', color, sizeRatio: look.kind === 'bar' ? 0.6 : 0.55 })];
  return h(
    Chart,
    {
      data: rows,
      scale,
      coord: look.kind === 'bar' ? { transposed: true } : undefined,
      style: { padding: [size, size, 4, 4] },
    },
    categoryAxis,
    valueAxis,
    ...marks,
  );
}
