import { configure } from '@nutui/icons-react-taro';

/**
 * NutUI's icons (the Button/Loading spinner among them) render as `<i>` by default, which has no
 * template in Taro's weapp `base.wxml`: WeChat logs `Template tmpl_0_i not found` and draws
 * nothing. On weapp render them as `view`; H5 keeps `<i>` (a real HTML element).
 */
export function configureNutuiIcons(): void {
  if (process.env.TARO_ENV === 'weapp') configure({ tag: 'view' });
}
