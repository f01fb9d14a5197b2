import Taro from '@tarojs/taro';
import { accountsFn, callFunction } from './cloud';

/**
 * The subscription-message template for "your waitlist place became a seat", fixed at build time
 * (`WX_TEMPLATE_WAITLIST=<template id> npm run build:weapp`). Empty means "do not ask". Read
 * defensively: a build without the constant leaves `process` undefined in the mini-program.
 */
function waitlistTemplateId(): string {
  try {
    return process.env.WX_TEMPLATE_WAITLIST || '';
  } catch {
    return '';
  }
}

/**
 * weapp: asks once to send one "候补转正" notice. Must be called from the tap itself (before any
 * await), as WeChat allows the prompt only inside a user gesture. Never fails: a refusal or an
 * old base library just means no notice — the in-app 消息 still tells the person.
 */
export function requestWaitlistNotice(): Promise<void> {
  const templateId = waitlistTemplateId();
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
