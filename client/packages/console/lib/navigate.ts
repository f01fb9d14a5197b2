import Taro from '@tarojs/taro';

/**
 * Opens a page of another feature by URL (subpackages never import each other). A page that is
 * not in this build yet (a feature still being built) answers with a plain dialog, not a crash.
 */
export function openUrl(url: string): void {
  void Taro.navigateTo({ url }).catch(() =>
    Taro.showModal({
      title: '暂时无法打开',
      content: '该功能即将上线，请稍后再试',
      showCancel: false,
      confirmText: '知道了',
    }),
  );
}

/** Pages other engineers are building; linked by URL only (see docs/client.md). */
export const EXTERNAL = {
  volunteerReview: '/packages/volunteer/pages/review/index',
  donationPledges: '/packages/donation/pages/staff/index',
} as const;
