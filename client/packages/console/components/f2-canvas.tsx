import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { mountChart, type ChartHandle, type ChartSurface, type F2CanvasProps } from './f2-mount';

/** The `<canvas type="2d">` node a selector query hands back (base library ≥ 2.9). */
interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

interface Found {
  node: CanvasNode;
  width: number;
  height: number;
}

/** How long to wait for the node before showing the figures alone. */
const QUERY_TIMEOUT_MS = 1500;
const QUERY_ATTEMPTS = 3;

/** The canvas node and its laid-out size, or undefined where the platform gives none. */
function queryCanvas(id: string): Promise<Found | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), QUERY_TIMEOUT_MS);
    const done = (found: Found | undefined) => {
      clearTimeout(timer);
      resolve(found);
    };
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: ({ node?: CanvasNode; width?: number; height?: number } | null)[]) => {
          const first = res?.[0];
          done(
            first?.node && first.width
              ? { node: first.node, width: first.width, height: first.height ?? 0 }
              : undefined,
          );
        });
    } catch {
      done(undefined);
    }
  });
}

async function findCanvas(id: string): Promise<Found | undefined> {
  for (let attempt = 0; attempt < QUERY_ATTEMPTS; attempt += 1) {
    const found = await queryCanvas(id);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

function pixelRatio(): number {
  try {
    const ratio = Taro.getSystemInfoSync().pixelRatio;
    return Number.isFinite(ratio) && ratio > 0 ? ratio : 2;
  } catch {
    return 2;
  }
}

/** A second canvas F2 measures text on (base library ≥ 2.16.1); undefined where there is none. */
function offscreenCanvas(): ChartSurface['offscreenCanvas'] {
  try {
    return Taro.createOffscreenCanvas({
      type: '2d',
      width: 16,
      height: 16,
    }) as unknown as ChartSurface['offscreenCanvas'];
  } catch {
    return undefined;
  }
}

/**
 * weapp: an F2 chart on `<Canvas type="2d">`. Once Taro has flushed the canvas to the page it
 * asks for the node (`createSelectorQuery … fields({ node, size })`), sizes its backing store by
 * the device pixel ratio and draws — once per mount: the parent remounts it when the data changes;
 * unmounting destroys the chart.
 * Where no node comes back it calls `onUnavailable` and the page keeps its written figures.
 */
export function F2Canvas({ id, height, render, onUnavailable }: F2CanvasProps) {
  const renderRef = useRef(render);
  renderRef.current = render;
  const unavailableRef = useRef(onUnavailable);
  unavailableRef.current = onUnavailable;

  useEffect(() => {
    let alive = true;
    let chart: ChartHandle | undefined;
    Taro.nextTick(() => {
      void findCanvas(id).then((found) => {
        if (!alive) return;
        if (!found) {
          unavailableRef.current?.();
          return;
        }
        try {
          const ratio = pixelRatio();
          const size = { width: found.width, height: found.height || height };
          found.node.width = Math.round(size.width * ratio);
          found.node.height = Math.round(size.height * ratio);
          const node = found.node;
          chart = mountChart(
            {
              context: node.getContext('2d'),
              ...size,
              pixelRatio: ratio,
              requestAnimationFrame: (callback) => node.requestAnimationFrame(callback),
              cancelAnimationFrame: (frame) => node.cancelAnimationFrame(frame),
              offscreenCanvas: offscreenCanvas(),
            },
            renderRef.current(size),
          );
        } catch {
          unavailableRef.current?.();
        }
      });
    });
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, [id, height]);

  return <Canvas type="2d" id={id} className="f2-chart__canvas" style={{ width: '100%', height: `${height}px` }} />;
}
