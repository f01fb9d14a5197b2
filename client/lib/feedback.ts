import Taro from '@tarojs/taro';
import { toCloudError } from './cloud-error';

/**
 * Shows an error's Chinese message in a dialog the person closes themselves: no time limit, as
 * the elder-friendly rules ask (a toast would vanish before some readers finish).
 */
export function showError(error: unknown, title = '操作未完成'): void {
  const { userMessage } = toCloudError(error);
  void Taro.showModal({ title, content: userMessage, showCancel: false, confirmText: '知道了' });
}

/** A short success notice; the page also shows the new state in words, so nothing depends on it. */
export function showSuccess(message: string): void {
  void Taro.showToast({ title: message, icon: 'success', duration: 2000 });
}
