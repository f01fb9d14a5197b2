import Taro from '@tarojs/taro';

/**
 * weapp: call `onBack` whenever the network comes back (`wx.onNetworkStatusChange`). Answers the
 * function that stops listening. The H5 build uses `network.h5.ts` (the browser's online event).
 */
export function onNetworkBack(onBack: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) onBack();
  };
  Taro.onNetworkStatusChange(listener);
  return () => Taro.offNetworkStatusChange(listener);
}
