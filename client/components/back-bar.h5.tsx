import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ROUTES, isTabRoute } from '../lib/routes';

/** The route of the page this bar sits on (read once: the bar belongs to one page). */
function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return route.startsWith('/') ? route : `/${route}`;
}

/**
 * H5 sub-pages: a "‹ 返回" control at the top of the page, because a phone's WebView does not
 * always show the browser's own. It goes back when there is a page to go back to, and to 首页
 * when the page was opened directly (a shared link, a reload). Tab pages have the tab bar instead.
 */
export function BackBar() {
  const [route] = useState(currentRoute);
  if (isTabRoute(route)) return null;
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.switchTab({ url: ROUTES.home });
  };
  return (
    <View className="back-bar" id="page-back" onClick={back}>
      <Text className="back-bar__label">‹ 返回</Text>
    </View>
  );
}
