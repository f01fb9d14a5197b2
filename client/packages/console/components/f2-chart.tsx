import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useElderMode } from '../../../hooks/use-elder-mode';
import { F2Canvas } from './f2-canvas';
import { buildChart, chartHeight, type ChartKind } from './report-charts';

export interface ChartFigure {
  /** Identifies the mark; the figure's element id is `<chart id>-<key>`. */
  key: string;
  /** Axis and list label (`11月`, `养老服务`). */
  label: string;
  value: number;
  /** The figure written out (`3 人次`, `1.5 小时`, `2 场 · 5 人次`). */
  text: string;
}

export interface F2ChartProps {
  id: string;
  title: string;
  unit: string;
  kind: ChartKind;
  color: string;
  figures: ChartFigure[];
  /** Shown instead of the chart when every value is 0 (default 暂无数据). */
  emptyText?: string;
}

/**
 * A titled chart card: an F2 chart (weapp canvas 2d / H5 canvas) and, under it, every figure
 * written out as text — what screen readers and people who would rather read get, and what is
 * left when no canvas is available. With nothing to show it says so and draws no canvas.
 * Larger axis labels and a taller plot in 大字模式.
 */
export function F2Chart({ id, title, unit, kind, color, figures, emptyText }: F2ChartProps) {
  const elder = useElderMode();
  const [canvasUnavailable, setCanvasUnavailable] = useState(false);
  const empty = figures.length === 0 || figures.every((figure) => figure.value === 0);
  const height = chartHeight(kind, figures.length, elder);
  /** Any change of data or 大字模式 remounts the canvas: the old chart is destroyed, a new one drawn. */
  const drawKey = `${elder ? 'elder' : 'normal'}|${figures.map((figure) => `${figure.key}:${figure.value}`).join(',')}`;
  const data = figures.map(({ key, label, value }) => ({ key, label, value }));

  return (
    <View className="f2-chart" id={id}>
      <Text className="f2-chart__title">
        {title}（单位：{unit}）
      </Text>
      {empty ? (
        <Text className="f2-chart__empty" id={`${id}-empty`}>
          {emptyText ?? '暂无数据'}
        </Text>
      ) : (
        <View>
          {canvasUnavailable ? null : (
            <F2Canvas
              key={drawKey}
              id={`${id}-canvas`}
              height={height}
              render={(size) => buildChart(data, { kind, color, elder, ...size })}
              onUnavailable={() => setCanvasUnavailable(true)}
            />
          )}
          <View
            className={`f2-chart__figures f2-chart__figures--${kind === 'bar' ? 'rows' : 'grid'}`}
            id={`${id}-figures`}
          >
            {figures.map((figure) => (
              <View className="f2-chart__figure" key={figure.key} id={`${id}-${figure.key}`}>
                <Text className="f2-chart__figure-label">{figure.label}</Text>
                <Text className="f2-chart__figure-value">{figure.text}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
