/** H5 has no subscription messages: the in-app 消息 list is the only notice. */
export function requestWaitlistNotice(): Promise<void> {
  return Promise.resolve();
}

/** H5 has no subscription messages: the in-app 消息 list is the only notice. */
export function requestDonationNotice(): Promise<void> {
  return Promise.resolve();
}
