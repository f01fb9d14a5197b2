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
 * weapp: asks once (from the tap itself — WeChat allows the prompt only inside a gesture) for one
 * notice about this order (accepted, done, asked to rate …). Never fails: a refusal just means the
 * in-app 消息 is the only notice.
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
