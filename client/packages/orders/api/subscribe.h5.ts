/** H5 has no subscription messages: the in-app 消息 list is the only notice. */
export function requestOrderNotice(): Promise<void> {
  return Promise.resolve();
}
