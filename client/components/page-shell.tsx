import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/use-elder-mode';
import { BackBar } from './back-bar';

/**
 * The root of every page: background, padding and the 大字模式 class that raises text sizes,
 * line height and tap targets for everything inside (NutUI included, via its CSS variables); on
 * H5 sub-pages an in-page back control first (`BackBar`).
 */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const elder = useElderMode();
  const classes = ['page-shell', elder ? 'page-shell--elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <BackBar />
      {children}
    </View>
  );
}
