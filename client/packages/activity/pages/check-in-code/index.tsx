import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { TActivityDetail, TBooking } from '../../../../../shared/contracts/activities';
import { formatDateTime, formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { RotatingCodeView } from '../../../../components/rotating-code';
import { EmptyState } from '../../../../components/states';
import { TimeText } from '../../../../components/time-text';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { useCheckInCode } from '../../api/use-check-in-code';

/** While the code is on screen, the booking is re-read this often so a scan flips the page to 签到成功. */
const STATUS_POLL_MS = 10_000;

function opensText(activity: TActivityDetail): string {
  const opens = new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
  return `签到时间：${formatDateTime(opens)} 起，至活动结束`;
}

/** The booking this page shows a code for: the caller's own, or a family member's. */
function bookingShown(activity: TActivityDetail | undefined, memberId: string | undefined): TBooking | null {
  if (!activity) return null;
  if (!memberId) return activity.myBooking;
  return activity.familyBookings.find((m) => m.memberId === memberId)?.booking ?? null;
}

function CheckedIn({ activity, booking }: { activity: TActivityDetail; booking: TBooking | null }) {
  const at = booking?.checkedInAt;
  return (
    <View className="card rotating-code__done" id="check-in-done">
      <Text className="rotating-code__done-mark">✓</Text>
      <Text className="rotating-code__done-title">签到成功</Text>
      <Text className="rotating-code__activity">{activity.title}</Text>
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
 * The check-in code of one confirmed booking — the caller's, or with `?memberId=` the one they
 * made for a family member (the card then says whom it admits): a large QR code sized to the
 * screen (rotating every 30 seconds, so a screenshot is stale within a minute), the same code as 6
 * digits right under it, and the activity's title. Screen brightness is left alone.
 */
export default function CheckInCodePage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const memberId = readParam(params.memberId);
  const activity = useActivity(activityId);
  const booking = bookingShown(activity.data, memberId);
  const checkedIn = booking?.status === 'checked_in';
  const code = useCheckInCode(activityId, memberId, !checkedIn);
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
        <CheckedIn activity={activity.data} booking={booking} />
      </PageShell>
    );
  }
  const forName = code.code?.forName;
  return (
    <RotatingCodeView
      state={code}
      ids={{ card: 'check-in-code', qr: 'check-in-qr', shortCode: 'short-code' }}
      how="请把这个页面给社工扫一扫"
      back={{
        id: 'back-to-activity-button',
        label: '返回活动详情',
        onClick: () => openPage(ROUTES.activityDetail, { activityId }),
      }}
      above={
        forName ? (
          <Text className="rotating-code__for" id="code-for">
            为{forName}签到
          </Text>
        ) : null
      }
      below={activity.data ? <TimeText className="hint" id="code-opens" text={opensText(activity.data)} /> : null}
    />
  );
}
