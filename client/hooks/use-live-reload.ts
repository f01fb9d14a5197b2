import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * Calls `reload` every `intervalMs` while the page is on screen (e.g. live remaining seats);
 * stops when the page is hidden so a page left in the stack costs no requests.
 */
export function useLiveReload(reload: () => Promise<void>, intervalMs: number): void {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(() => void reloadRef.current(), intervalMs);
    return () => clearInterval(timer);
  }, [visible, intervalMs]);
}
