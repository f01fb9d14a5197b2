import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { SHIFT_STATUS_LABELS } from '../../../../../shared/contracts/volunteering';
import { CODE_WINDOW_SECONDS } from '../../../../../shared/domain/checkin-code';
import { formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useElderMode } from '../../../../hooks/use-elder-mode';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { qrDataUrl } from '../../../../lib/qr';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useShiftCode } from '../../api/use-shift-code';
import { useMyShiftOn } from '../../api/volunteering';
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';
import './index.scss';

/** While the code is on screen, the shift is re-read this often so a scan shows 已签到 / 已签退. */
const STATUS_POLL_MS = 10_000;

function spaced(shortCode: string): string {
  return `${shortCode.slice(0, 3)} ${shortCode.slice(3)}`;
}

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

/**
 * A volunteer's shift code: scanned once at arrival (签到) and once at departure (签退). A large
 * rotating QR code, the same code as 6 digits, and the shift's state in words.
 */
export default function ShiftCodePage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const elder = useElderMode();
  const shifts = useMyShiftOn(activityId);
  const shift = shifts.data ?? undefined;
  const finished = shift?.status === 'checked_out';
  const code = useShiftCode(activityId, !finished);
  const secondsLeft = useSecondsUntil(code.nextRefreshAt);
  const qr = useMemo(() => (code.code ? qrDataUrl(code.code.code) : null), [code.code]);
  useLiveReload(finished ? () => Promise.resolve() : shifts.reload, STATUS_POLL_MS);

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState
          title="没有找到这个岗位"
          actionText="查看我的岗位"
          onAction={() => openPage(ROUTES.volunteerShifts)}
        />
      </PageShell>
    );
  }
  if (finished && shift) {
    return (
      <PageShell>
        <View className="card shift-code__done" id="shift-done">
          <Text className="shift-code__done-mark">✓</Text>
          <Text className="shift-code__done-title">已签退</Text>
          <Text className="shift-code__activity">{shift.activity.title}</Text>
          {shift.minutes !== null ? <Text className="hint">本次服务时长：{hoursText(shift.minutes)}</Text> : null}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="open-hours-button"
              onClick={() => openPage(ROUTES.volunteerHours)}
            >
              查看服务时长
            </Button>
          </View>
        </View>
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
          <Text className="state__title shift-code__refusal">暂时不能出示签到码</Text>
          <Text className="status-line status-line--warn" id="code-refusal">
            ！{code.error.userMessage}
          </Text>
          <View className="actions">
            <Button type="primary" id="back-to-shifts-button" onClick={() => openPage(ROUTES.volunteerShifts)}>
              返回我的岗位
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card shift-code" id="shift-code">
        <Text className="shift-code__activity" id="code-activity-title">
          {code.code.activityTitle}
        </Text>
        {shift ? (
          <Text className="status-line" id="shift-status">
            {shift.status === 'checked_in'
              ? `✓ 已签到 ${shift.checkInAt ? formatTime(shift.checkInAt) : ''}，离开时请再扫一次签退`
              : `${SHIFT_STATUS_LABELS[shift.status]}：到场后请社工扫码签到`}
          </Text>
        ) : null}
        <Text className="hint shift-code__how">志愿者签到码：到场和离开时各请社工扫一次</Text>
        <View className="shift-code__qr-box">
          {qr ? (
            <Image
              id="shift-code-qr"
              className={`shift-code__qr${elder ? ' shift-code__qr--elder' : ''}`}
              src={qr}
              mode="aspectFit"
              showMenuByLongpress={false}
            />
          ) : null}
        </View>
        <Text className="shift-code__label">扫不了时，请把下面的数字告诉社工</Text>
        <Text className="shift-code__short" id="shift-short-code">
          {spaced(code.code.shortCode)}
        </Text>
        <Text className="shift-code__refresh" id="code-refresh">
          二维码每{CODE_WINDOW_SECONDS}秒自动刷新
          {secondsLeft !== null ? `（${secondsLeft} 秒后刷新）` : code.loading ? '（正在刷新…）' : ''}
        </Text>
        {code.error ? (
          <Text className="status-line status-line--warn" id="code-stale">
            ！网络不畅，签到码暂未更新，正在重试
          </Text>
        ) : null}
      </View>
    </PageShell>
  );
}
