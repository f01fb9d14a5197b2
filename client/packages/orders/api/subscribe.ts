import Taro from '@tarojs/taro';
import { accountsFn, callFunction } from '../../../lib/cloud';

/** The subscription template for service-order notices, fixed at build time; empty → never ask. */
function orderTemplateId(): string {
  try {
    return process.env.WX_TEMPLATE_ORDER || '';
  } catch {
    return '';
  }
}

/**
 * weapp: asks (from the tap itself — WeChat allows the prompt only inside a gesture) for one more
 * service-order notice; each acceptance lets the function send one WeChat message (docs/client.md
 * says which taps ask). Never fails: a refusal just means the in-app 消息 is the only notice.
 */
export function requestOrderNotice(): Promise<void> {
  const templateId = orderTemplateId();
  if (!templateId) return Promise.resolve();
  try {
    return Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option).then(
      async (res) => {
        if ((res as unknown as Record<string, string>)[templateId] !== 'accept') return;
        await callFunction(accountsFn, 'recordSubscription', { templateIds: [templateId] }).catch(() => undefined);
      },
      () => undefined,
    );
  } catch {
    return Promise.resolve();
  }
}
