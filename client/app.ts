import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { initElderMode } from './lib/elder-mode';
import { initTransport } from './lib/transport';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    initElderMode();
  });
  // Taro renders the current page as `children`.
  return children;
}

export default App;
