import { useEffect, useRef } from 'react';
import { mountChart, type ChartHandle, type F2CanvasProps } from './f2-mount';

/** The laid-out width of the canvas, waiting a few frames for a page that is still being shown. */
async function widthOf(canvas: HTMLCanvasElement): Promise<number> {
  for (let frame = 0; frame < 30; frame += 1) {
    const width = canvas.getBoundingClientRect().width || canvas.parentElement?.clientWidth || 0;
    if (width > 0) return width;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return 0;
}

/**
 * H5: an F2 chart on a DOM `<canvas>` (react-dom renders Taro's H5 pages), sized by
 * `devicePixelRatio`. Draws once per mount (the parent remounts it when the data changes);
 * unmounting destroys the chart. Hidden from screen readers: the figures are written out under it.
 */
export function F2Canvas({ id, height, render, onUnavailable }: F2CanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderRef = useRef(render);
  renderRef.current = render;
  const unavailableRef = useRef(onUnavailable);
  unavailableRef.current = onUnavailable;

  useEffect(() => {
    let alive = true;
    let chart: ChartHandle | undefined;
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) {
      unavailableRef.current?.();
      return undefined;
    }
    void widthOf(canvas).then((width) => {
      if (!alive) return;
      if (width === 0) {
        unavailableRef.current?.();
        return;
      }
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const size = { width, height };
      chart = mountChart({ context, ...size, pixelRatio: ratio }, renderRef.current(size));
    });
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, [id, height]);

  return (
    <canvas
      ref={canvasRef}
      id={id}
      className="f2-chart__canvas"
      aria-hidden="true"
      style={{ display: 'block', width: '100%', height: `${height}px` }}
    />
  );
}
