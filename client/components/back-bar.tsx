/**
 * WeChat draws its own back arrow in the navigation bar of every sub-page: nothing to add here.
 * The H5 build swaps in `back-bar.h5.tsx`, an in-page back control.
 */
export function BackBar(): null {
  return null;
}
