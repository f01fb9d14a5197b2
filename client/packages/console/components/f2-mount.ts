import { Canvas, type CanvasProps } from '@antv/f2';

/** An F2 element tree (`jsx(Chart, …)`), built by `report-charts.ts`. */
export type ChartElement = CanvasProps['children'];

/** What a platform hands over once it has a 2d context of the measured size. */
export interface ChartSurface {
  context: CanvasRenderingContext2D;
  /** CSS pixels; the canvas backing store must already be `width × pixelRatio` wide. */
  width: number;
  height: number;
  pixelRatio: number;
  /** weapp: the canvas node's own frame scheduler (there is no global one). */
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  /** weapp: F2 measures text on a second canvas; in a browser it makes its own. */
  offscreenCanvas?: CanvasProps['offscreenCanvas'];
}

export interface ChartHandle {
  destroy(): void;
}

/** F2 sizes written as `'24px'` are 750-wide design pixels, like our SCSS: half a CSS pixel. */
const px2hd = (px: number): number => px / 2;

/**
 * Draws an F2 chart on a surface. No animation: the figures appear at once (and a test reading
 * the pixels back sees the finished chart), and nothing moves for people who find motion hard.
 */
export function mountChart(surface: ChartSurface, children: ChartElement): ChartHandle {
  const props: CanvasProps = {
    context: surface.context,
    width: surface.width,
    height: surface.height,
    pixelRatio: surface.pixelRatio,
    animate: false,
    px2hd,
    offscreenCanvas: surface.offscreenCanvas,
    children,
  };
  // Read by F2's Canvas (`f-engine`) and handed to the G engine, though not in F2's typings.
  const frames = {
    requestAnimationFrame: surface.requestAnimationFrame,
    cancelAnimationFrame: surface.cancelAnimationFrame,
  };
  let canvas: Canvas | undefined = new Canvas({ ...props, ...frames } as CanvasProps);
  canvas.render().catch(() => undefined);
  return {
    destroy() {
      canvas?.destroy();
      canvas = undefined;
    },
  };
}

/** Props of the per-platform canvas (`f2-canvas.tsx` for weapp, `f2-canvas.h5.tsx` for H5). */
export interface F2CanvasProps {
  /** Element id of the canvas (tests and the weapp selector query find it by this). */
  id: string;
  /** CSS pixels; the width is the container's. */
  height: number;
  /**
   * Builds the chart for the measured size; called once per mount. The parent remounts the
   * canvas (a React `key`) whenever what it draws changes.
   */
  render: (size: { width: number; height: number }) => ChartElement;
  /** No canvas could be had (e.g. an old WeChat): the parent shows the figures alone. */
  onUnavailable?: () => void;
}
