import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { TActivityDetail } from '../../../../../shared/contracts/activities';
import { CODE_WINDOW_SECONDS } from '../../../../../shared/domain/checkin-code';
import { formatDateTime, formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useElderMode } from '../../../../hooks/use-elder-mode';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { useCheckInCode } from '../../api/use-check-in-code';
import { qrDataUrl } from '../../../../lib/qr';
import './index.scss';

/** While the code is on screen, the booking is re-read this often so a scan flips the page to 签到成功. */
const STATUS_POLL_MS = 10_000;

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

function opensText(activity: TActivityDetail): string {
  const opens = new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
  return `签到时间：${formatDateTime(opens)} 起，至活动结束`;
}

function CheckedIn({ activity }: { activity: TActivityDetail }) {
  const at = activity.myBooking?.checkedInAt;
  return (
    <View className="card check-in-code__done" id="check-in-done">
      <Text className="check-in-code__done-mark">✓</Text>
      <Text className="check-in-code__done-title">签到成功</Text>
      <Text className="check-in-code__activity">{activity.title}</Text>
      {at ? <Text className="hint">签到时间：{formatTime(at)}</Text> : null}
      <Text className="hint">欢迎参加！在活动页可以给这次活动打个分。</Text>
      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="back-to-activity-button"
          onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
        >
          返回活动详情
        </Button>
      </View>
    </View>
  );
}

/**
 * The resident's check-in code for one confirmed booking: a large QR code (rotating every 30
 * seconds, so a screenshot is stale within a minute), the same code as 6 digits to read out when
 * a camera fails, and the activity's title. Screen brightness is left alone.
 */
export default function CheckInCodePage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const elder = useElderMode();
  const activity = useActivity(activityId);
  const checkedIn = activity.data?.myBooking?.status === 'checked_in';
  const code = useCheckInCode(activityId, !checkedIn);
  const secondsLeft = useSecondsUntil(code.nextRefreshAt);
  const qr = useMemo(() => (code.code ? qrDataUrl(code.code.code) : null), [code.code]);
  useLiveReload(checkedIn ? () => Promise.resolve() : activity.reload, STATUS_POLL_MS);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: checkedIn ? '签到成功' : '签到码' });
  }, [checkedIn]);

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState title="没有找到这个活动" actionText="查看我的报名" onAction={() => openPage(ROUTES.myBookings)} />
      </PageShell>
    );
  }
  if (checkedIn && activity.data) {
    return (
      <PageShell>
        <CheckedIn activity={activity.data} />
      </PageShell>
    );
  }
  if (!code.code) {
    if (!code.error) {
      return (
        <PageShell>
          <LoadingState text="正在生成签到码…" />
        </PageShell>
      );
    }
    if (code.error.code === 'INTERNAL' || code.error.code === 'UNAUTHENTICATED') {
      return (
        <PageShell>
          <ErrorState error={code.error} onRetry={code.retry} />
        </PageShell>
      );
    }
    return (
      <PageShell>
        <View className="card" id="error-state">
          <Text className="state__title check-in-code__refusal">暂时不能出示签到码</Text>
          <Text className="status-line status-line--warn" id="code-refusal">
            ！{code.error.userMessage}
          </Text>
          <View className="actions">
            <Button
              type="primary"
              id="back-to-activity-button"
              onClick={() => openPage(ROUTES.activityDetail, { activityId })}
            >
              返回活动详情
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  const title = code.code.activityTitle;
  return (
    <PageShell>
      <View className="card check-in-code" id="check-in-code">
        <Text className="check-in-code__activity" id="code-activity-title">
          {title}
        </Text>
        <Text className="hint check-in-code__how">请把这个页面给社工扫一扫</Text>
        <View className="check-in-code__qr-box">
          {qr ? (
            <Image
              id="check-in-qr"
              className={`check-in-code__qr${elder ? ' check-in-code__qr--elder' : ''}`}
              src={qr}
              mode="aspectFit"
              showMenuByLongpress={false}
            />
          ) : null}
        </View>
        <Text className="check-in-code__label">扫不了时，请把下面的数字告诉社工</Text>
        <Text className="check-in-code__short" id="short-code">
          {spaced(code.code.shortCode)}
        </Text>
        <Text className="check-in-code__refresh" id="code-refresh">
          二维码每{CODE_WINDOW_SECONDS}秒自动刷新
          {secondsLeft !== null ? `（${secondsLeft} 秒后刷新）` : code.loading ? '（正在刷新…）' : ''}
        </Text>
        {code.error ? (
          <Text className="status-line status-line--warn" id="code-stale">
            ！网络不畅，签到码暂未更新，正在重试
          </Text>
        ) : null}
        {activity.data ? <Text className="hint">{opensText(activity.data)}</Text> : null}
      </View>
    </PageShell>
  );
}
