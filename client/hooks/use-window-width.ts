import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

function currentWidth(): number {
  try {
    return Taro.getWindowInfo().windowWidth || 375;
  } catch {
    return 375;
  }
}

/** The window's width in CSS px, kept current when it changes (H5 zoom, rotation, split screen). */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(currentWidth);
  useEffect(() => {
    const onResize = () => setWidth(currentWidth());
    try {
      Taro.onWindowResize(onResize);
    } catch {
      return undefined; // a platform without resize events keeps the first width
    }
    return () => {
      try {
        Taro.offWindowResize(onResize);
      } catch {
        // nothing to undo
      }
    };
  }, []);
  return width;
}
