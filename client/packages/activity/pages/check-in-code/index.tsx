import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { TActivityDetail } from '../../../../../shared/contracts/activities';

import { formatDateTime, formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState } from '../../../../components/states';

import { useLiveReload } from '../../../../hooks/use-live-reload';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { useCheckInCode } from '../../api/use-check-in-code';

import { RotatingCodeView } from '../../../../components/rotating-code';

/** While the code is on screen, the booking is re-read this often so a scan flips the page to 签到成功. */
const STATUS_POLL_MS = 10_000;

function opensText(activity: TActivityDetail): string {
  const opens = new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
  return `签到时间：${formatDateTime(opens)} 起，至活动结束`;
}

function CheckedIn({ activity }: { activity: TActivityDetail }) {
  const at = activity.myBooking?.checkedInAt;
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
 * The resident's check-in code for one confirmed booking: a large QR code (rotating every 30
 * seconds, so a screenshot is stale within a minute), the same code as 6 digits to read out when
 * a camera fails, and the activity's title. Screen brightness is left alone.
 */
export default function CheckInCodePage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useActivity(activityId);
  const checkedIn = activity.data?.myBooking?.status === 'checked_in';
  const code = useCheckInCode(activityId, !checkedIn);
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
      below={activity.data ? <Text className="hint">{opensText(activity.data)}</Text> : null}
    />
  );
}
