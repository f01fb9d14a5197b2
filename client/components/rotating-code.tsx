import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { CODE_WINDOW_SECONDS } from '../../shared/domain/checkin-code';
import { useElderMode } from '../hooks/use-elder-mode';
import { useWindowWidth } from '../hooks/use-window-width';
import type { RotatingCode, RotatingCodeState } from '../hooks/use-rotating-code';
import { qrDataUrl } from '../lib/qr';
import { qrSide } from '../lib/qr-size';
import { PageShell } from './page-shell';
import { ErrorState, LoadingState } from './states';
import './rotating-code.scss';

/** "123 456": two groups of three are easier to read out to staff. */
function spaced(shortCode: string): string {
  return `${shortCode.slice(0, 3)} ${shortCode.slice(3)}`;
}

/** Seconds left until `at`, ticking once a second while the page is on screen. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (at === null || !visible) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at, visible]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What a code page shows: the QR payload, its six digits, and the activity it admits to. */
export interface ShownCode extends RotatingCode {
  code: string;
  shortCode: string;
  activityTitle: string;
}

/**
 * A rotating code on screen, whole page: loading, network error with retry, a refusal in words
 * with a way back, or the card — activity title, a large QR code (bigger in 大字模式), the same
 * code as 6 digits to read out, and a countdown to the next rotation. `ids` keep each feature's
 * element ids stable for tests; `above`/`below` add the feature's own lines to the card.
 */
export function RotatingCodeView<T extends ShownCode>(props: {
  state: RotatingCodeState<T>;
  ids: { card: string; qr: string; shortCode: string };
  how: string;
  back: { id: string; label: string; onClick: () => void };
  above?: ReactNode;
  below?: ReactNode;
}) {
  const { state } = props;
  const elder = useElderMode();
  const side = qrSide(useWindowWidth(), elder);
  const secondsLeft = useSecondsUntil(state.nextRefreshAt);
  const qr = useMemo(() => (state.code ? qrDataUrl(state.code.code) : null), [state.code]);

  if (!state.code) {
    if (!state.error) {
      return (
        <PageShell>
          <LoadingState text="正在生成签到码…" />
        </PageShell>
      );
    }
    if (state.error.code === 'INTERNAL' || state.error.code === 'UNAUTHENTICATED') {
      return (
        <PageShell>
          <ErrorState error={state.error} onRetry={state.retry} />
        </PageShell>
      );
    }
    return (
      <PageShell>
        <View className="card" id="error-state">
          <Text className="state__title rotating-code__refusal">暂时不能出示签到码</Text>
          <Text className="status-line status-line--warn" id="code-refusal">
            ！{state.error.userMessage}
          </Text>
          <View className="actions">
            <Button type="primary" id={props.back.id} onClick={props.back.onClick}>
              {props.back.label}
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card rotating-code" id={props.ids.card}>
        <Text className="rotating-code__activity" id="code-activity-title">
          {state.code.activityTitle}
        </Text>
        {props.above}
        <View className="rotating-code__qr-box">
          {qr ? (
            <Image
              id={props.ids.qr}
              className="rotating-code__qr"
              style={{ width: `${side}px`, height: `${side}px` }}
              src={qr}
              mode="aspectFit"
              showMenuByLongpress={false}
            />
          ) : null}
        </View>
        {/* The six digits right under the code, so both fit one screen even at 200 %. */}
        <Text className="rotating-code__short" id={props.ids.shortCode}>
          {spaced(state.code.shortCode)}
        </Text>
        <Text className="rotating-code__label">扫不了时，请把这串数字告诉社工</Text>
        <Text className="hint rotating-code__how">{props.how}</Text>
        <Text className="rotating-code__refresh" id="code-refresh">
          二维码每{CODE_WINDOW_SECONDS}秒自动刷新
          {secondsLeft !== null ? `（${secondsLeft} 秒后刷新）` : state.loading ? '（正在刷新…）' : ''}
        </Text>
        {state.error ? (
          <Text className="status-line status-line--warn" id="code-stale">
            ！网络不畅，签到码暂未更新，正在重试
          </Text>
        ) : null}
        {props.below}
      </View>
    </PageShell>
  );
}
