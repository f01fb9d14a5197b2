import Taro from '@tarojs/taro';
import { CloudError } from './cloud-error';
import { ROUTES, currentPageUrl, urlOf } from './routes';

let redirecting = 0;

/**
 * On H5 a missing or expired local session means "sign in locally first". On weapp the platform
 * always carries the caller, so `UNAUTHENTICATED` there is a real error and is shown as such.
 */
export function needsSignIn(error: unknown): boolean {
  return process.env.TARO_ENV === 'h5' && error instanceof CloudError && error.code === 'UNAUTHENTICATED';
}

/** Opens the local sign-in page, which comes back here afterwards. Several failing calls open it once. */
export function goToSignIn(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  const here = currentPageUrl();
  if (here?.startsWith(ROUTES.devSignIn)) return;
  const now = Date.now();
  if (now - redirecting < 1500) return;
  redirecting = now;
  void Taro.navigateTo({ url: urlOf(ROUTES.devSignIn, { redirect: here ?? undefined }) });
}
