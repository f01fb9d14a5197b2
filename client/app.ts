import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { followProfileElderMode } from './hooks/use-me';
import { initElderMode } from './lib/elder-mode';
import { configureNutuiIcons } from './lib/nutui-icons';
import { onSessionChanged } from './lib/session-events';
import { initTransport } from './lib/transport';
import './app.scss';

// Before any page renders (useLaunch would be too late for the first page's spinners).
configureNutuiIcons();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    initElderMode();
    followProfileElderMode();
    onSessionChanged(followProfileElderMode);
  });
  // Taro renders the current page as `children`.
  return children;
}

export default App;
