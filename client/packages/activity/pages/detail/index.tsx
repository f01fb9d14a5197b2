import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import type { TActivityDetail } from '../../../../../shared/contracts/activities';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_METHODS,
  ACTIVITY_STATUS_LABELS,
  cancelRefusal,
  isFull,
  signUpRefusal,
  type ActivitySchedule,
} from '../../../../../shared/domain/activity';
import { formatDateTime, formatSpan } from '../../../../../shared/domain/time';
import { ERROR_MESSAGES } from '../../../../../shared/errors';
import { seatsText } from '../../../../components/activity-card';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { useCancelBooking, useSignUp } from '../../api/use-booking';
import './index.scss';

/** Remaining seats are refreshed this often while the page is on screen. */
const LIVE_SEATS_MS = 30_000;

/** A phone number inside free text ("王社工 13800138000" or "021-65432100"), for tap-to-call. */
function phoneIn(text: string): string | null {
  const match = /1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/.exec(text);
  return match ? match[0] : null;
}

function scheduleOf(activity: TActivityDetail): ActivitySchedule {
  return {
    status: activity.status,
    startAt: new Date(activity.startAt),
    endAt: new Date(activity.endAt),
    signUpOpensAt: new Date(activity.signUpOpensAt),
    signUpClosesAt: new Date(activity.signUpClosesAt),
    cancelDeadline: new Date(activity.cancelDeadline),
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="meta-row">
      <Text className="meta-label">{label}</Text>
      <View className="meta-value">{children}</View>
    </View>
  );
}

/** Book, or cancel (after a confirmation), with every refusal written out. */
function BookingPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const refreshOnRefusal = (error: { code: string }) => {
    // The activity changed under us (full, closed …): show why, and the fresh state behind it.
    if (error.code !== 'UNAUTHENTICATED') void onChanged();
  };
  const signUp = useSignUp({ onError: refreshOnRefusal });
  const cancel = useCancelBooking({ onError: refreshOnRefusal });
  const now = new Date();
  const schedule = scheduleOf(activity);
  const booked = activity.myBooking?.status === 'confirmed';

  const book = async () => {
    const result = await signUp.run(activity.activityId);
    if (result.ok) {
      showSuccess('报名成功');
      await onChanged();
    }
  };

  const confirmCancel = async () => {
    const result = await cancel.run(activity.activityId);
    setConfirmingCancel(false);
    if (result.ok) {
      showSuccess('已取消报名');
      await onChanged();
    }
  };

  if (booked) {
    const refusal = cancelRefusal(schedule, now);
    return (
      <View className="card" id="booking-panel">
        <Text className="status-line status-line--ok" id="booking-status">
          ✓ 您已报名成功
        </Text>
        <Text className="booking-panel__hint">请按时参加。取消截止：{formatDateTime(activity.cancelDeadline)}</Text>
        {refusal ? (
          <Text className="status-line status-line--warn">{ERROR_MESSAGES[refusal]}</Text>
        ) : (
          <View className="actions">
            <Button type="danger" fill="outline" id="cancel-booking-button" onClick={() => setConfirmingCancel(true)}>
              取消报名
            </Button>
          </View>
        )}
        <ConfirmDialog
          visible={confirmingCancel}
          title="确认取消报名？"
          content={`取消后名额会让给其他居民，如需参加要重新报名。\n活动：${activity.title}`}
          confirmText="确认取消"
          cancelText="再想想"
          danger
          pending={cancel.pending}
          confirmId="confirm-cancel-booking-button"
          cancelId="keep-booking-button"
          onConfirm={() => void confirmCancel()}
          onCancel={() => setConfirmingCancel(false)}
        />
      </View>
    );
  }

  const refusal = signUpRefusal(schedule, now);
  const full = refusal === null && isFull(activity);
  const reason = refusal
    ? ERROR_MESSAGES[refusal]
    : full
      ? activity.capacity === 0
        ? '暂不接受报名'
        : '名额已满'
      : null;
  return (
    <View className="card" id="booking-panel">
      {activity.myBooking?.status === 'cancelled' ? (
        <Text className="status-line status-line--warn" id="booking-status">
          您已取消过报名
        </Text>
      ) : null}
      {reason ? (
        <Text className="status-line status-line--warn" id="booking-refusal">
          {reason}
        </Text>
      ) : (
        <Text className="booking-panel__hint">报名截止：{formatDateTime(activity.signUpClosesAt)}</Text>
      )}
      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="book-button"
          disabled={Boolean(reason) || signUp.pending}
          loading={signUp.pending}
          onClick={() => void book()}
        >
          {reason ? '暂不能报名' : activity.myBooking?.status === 'cancelled' ? '重新报名' : '立即报名'}
        </Button>
      </View>
    </View>
  );
}

export default function ActivityDetailPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useActivity(activityId);
  useLiveReload(activity.reload, LIVE_SEATS_MS);

  usePullDownRefresh(async () => {
    await activity.reload();
    Taro.stopPullDownRefresh();
  });

  if (!activity.data) {
    return (
      <PageShell>
        {activity.error ? (
          <ErrorState error={activity.error} onRetry={() => void activity.reload()} />
        ) : activityId ? (
          <LoadingState />
        ) : (
          <EmptyState
            title="没有找到这个活动"
            actionText="查看全部活动"
            onAction={() => openPage(ROUTES.activityList)}
          />
        )}
      </PageShell>
    );
  }

  const data = activity.data;
  const seats = seatsText(data);
  const contactPhone = phoneIn(data.contact);
  const call = (phoneNumber: string) =>
    // Rejects when the person closes the call sheet: nothing to report.
    Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

  return (
    <PageShell>
      <View className="card">
        <Text className="activity-detail__title" id="activity-title">
          {data.title}
        </Text>
        <View>
          <Text className="chip">{ACTIVITY_CATEGORIES[data.category]}</Text>
          <Text className="chip chip--muted">{ACTIVITY_METHODS[data.method]}</Text>
          <Text className="chip chip--muted">{ACTIVITY_STATUS_LABELS[data.status]}</Text>
        </View>
        <Row label="时间">
          <Text>{formatSpan(data)}</Text>
        </Row>
        <Row label="地点">
          <Text>{data.location}</Text>
        </Row>
        <Row label="站点">
          <Text
            className="activity-detail__link"
            onClick={() => openPage(ROUTES.stationDetail, { stationId: data.stationId })}
          >
            {data.stationName}
          </Text>
        </Row>
        <Row label="名额">
          <Text className={`status-line status-line--${seats.tone}`} id="remaining-seats">
            {seats.text}
          </Text>
          <Text className="text-secondary">共 {data.capacity} 个名额</Text>
        </Row>
        <Row label="报名时间">
          <Text>{`${formatDateTime(data.signUpOpensAt)} 至 ${formatDateTime(data.signUpClosesAt)}`}</Text>
        </Row>
        {data.contact ? (
          <Row label="联系方式">
            {contactPhone ? (
              <Text className="activity-detail__link" id="call-contact" onClick={() => void call(contactPhone)}>
                {data.contact}（点击拨打）
              </Text>
            ) : (
              <Text>{data.contact}</Text>
            )}
          </Row>
        ) : null}
      </View>

      <BookingPanel activity={data} onChanged={activity.reload} />

      {data.description ? (
        <View className="card">
          <Text className="section-title">活动介绍</Text>
          <Text className="activity-detail__description">{data.description}</Text>
        </View>
      ) : null}

      {data.canManage ? (
        <View className="actions">
          <Button
            type="primary"
            fill="outline"
            id="edit-activity-button"
            onClick={() => openPage(ROUTES.staffEdit, { activityId: data.activityId })}
          >
            编辑活动
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
