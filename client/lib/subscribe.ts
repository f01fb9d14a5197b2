import Taro from '@tarojs/taro';
import { accountsFn, callFunction } from './cloud';

/**
 * The subscription-message templates, fixed at build time (`WX_TEMPLATE_WAITLIST=<id>` for "your
 * waitlist place became a seat", `WX_TEMPLATE_DONATION=<id>` for "the station received / gave out
 * your donation"). Empty means "do not ask". Read defensively: a build without the constants
 * leaves `process` undefined in the mini-program.
 */
function waitlistTemplateId(): string {
  try {
    return process.env.WX_TEMPLATE_WAITLIST || '';
  } catch {
    return '';
  }
}

function donationTemplateId(): string {
  try {
    return process.env.WX_TEMPLATE_DONATION || '';
  } catch {
    return '';
  }
}

/**
 * Asks once to send one message of `templateId`. Must be called from the tap itself (before any
 * await), as WeChat allows the prompt only inside a user gesture. Never fails: a refusal or an
 * old base library just means no message — the in-app 消息 still tells the person.
 */
function requestNotice(templateId: string): Promise<void> {
  if (!templateId) return Promise.resolve();
  try {
    return Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option).then(
      // Each acceptance allows the server to send one message: tell it which were accepted.
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

/** weapp: asks to send one "候补转正" notice (from the 加入候补 tap). */
export function requestWaitlistNotice(): Promise<void> {
  return requestNotice(waitlistTemplateId());
}

/** weapp: asks to send one "捐赠进展" notice — the station received or gave out the pledge (from the 提交认捐 tap). */
export function requestDonationNotice(): Promise<void> {
  return requestNotice(donationTemplateId());
}
