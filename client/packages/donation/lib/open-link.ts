import Taro from '@tarojs/taro';

/** weapp: a mini-program cannot open outside pages, so copy the address for the browser. */
export function openProjectLink(url: string): void {
  void Taro.setClipboardData({ data: url }).then(() =>
    Taro.showModal({
      title: '网址已复制',
      content: `请在手机浏览器中粘贴打开，在慈善组织的项目页面完成捐赠：\n${url}`,
      showCancel: false,
      confirmText: '知道了',
    }),
  );
}

export const OPEN_LINK_LABEL = '复制项目网址';
