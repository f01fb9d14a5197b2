import { Button, Tabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TMyShift } from '../../../../../shared/contracts/volunteering';
import { SHIFT_STATUS_LABELS } from '../../../../../shared/domain/shift';
import { formatDateTime, formatSpan, formatTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { TimeText } from '../../../../components/time-text';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useCancelShift, useMyShifts } from '../../api/volunteering';

type MyShift = TMyShift;

/** Whether the volunteer may still give the slot back: signed up, published, before the deadline. */
function cancellable(shift: MyShift, now: number): boolean {
  return (
    shift.status === 'signed_up' && shift.activity.status === 'published' && now < Date.parse(shift.cancelDeadline)
  );
}
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';

function ShiftList({ when }: { when: 'upcoming' | 'past' }) {
  const shifts = useMyShifts(when);
  const [cancelling, setCancelling] = useState<MyShift | null>(null);
  const cancel = useCancelShift({
    onError: (error) => {
      if (error.code !== 'UNAUTHENTICATED') void shifts.reload();
      return false;
    },
  });
  useReachBottom(() => void shifts.loadMore());
  const confirmCancel = async () => {
    if (!cancelling) return;
    const answer = await cancel.run(cancelling.activityId);
    setCancelling(null);
    if (!answer.ok) return;
    showSuccess('已取消志愿岗位');
    await shifts.reload();
  };
  if (!shifts.loaded) {
    return shifts.error ? <ErrorState error={shifts.error} onRetry={() => void shifts.reload()} /> : <LoadingState />;
  }
  if (!shifts.items.length) {
    return (
      <EmptyState
        title={when === 'upcoming' ? '还没有报名的志愿岗位' : '还没有完成的志愿服务'}
        description="在活动详情页点“报名志愿岗位”即可报名"
        actionText="去看看活动"
        actionId="browse-activities-button"
        onAction={() => openPage(ROUTES.activityList)}
      />
    );
  }
  return (
    <View>
      <Text className="list-summary">共 {shifts.total} 个岗位</Text>
      {shifts.items.map((shift) => (
        <View className="card" key={shift.shiftId} id={`shift-${shift.activityId}`}>
          <Text className="vol-title" onClick={() => openPage(ROUTES.activityDetail, { activityId: shift.activityId })}>
            {shift.activity.title}
          </Text>
          <TimeText className="vol-row__line" text={formatSpan(shift.activity)} />
          <Text className="vol-row__line" id={`shift-status-${shift.activityId}`}>
            状态：{SHIFT_STATUS_LABELS[shift.status]}
            {shift.checkInAt ? ` · 签到 ${formatTime(shift.checkInAt)}` : ''}
            {shift.checkOutAt ? ` · 签退 ${formatTime(shift.checkOutAt)}` : ''}
            {shift.autoClosed ? ' · 系统自动签退' : ''}
          </Text>
          {shift.minutes !== null ? <Text className="vol-row__line">服务时长：{hoursText(shift.minutes)}</Text> : null}
          {shift.status === 'signed_up' ? (
            cancellable(shift, Date.now()) ? (
              <TimeText
                className="vol-row__line"
                id={`shift-cancel-deadline-${shift.activityId}`}
                text={`取消截止：${formatDateTime(shift.cancelDeadline)}`}
              />
            ) : (
              <Text className="vol-row__line" id={`shift-cancel-deadline-${shift.activityId}`}>
                已过取消截止时间，如需取消请联系社工站
              </Text>
            )
          ) : null}
          {shift.status === 'signed_up' || shift.status === 'checked_in' ? (
            <View className="actions">
              <Button
                type="primary"
                size="large"
                block
                id={`show-shift-code-${shift.activityId}`}
                onClick={() => openPage(ROUTES.volunteerShiftCode, { activityId: shift.activityId })}
              >
                出示签到码
              </Button>
              {cancellable(shift, Date.now()) ? (
                <Button
                  type="danger"
                  fill="outline"
                  size="large"
                  block
                  id={`cancel-shift-${shift.activityId}`}
                  onClick={() => setCancelling(shift)}
                >
                  取消志愿岗位
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={shifts} />
      <ConfirmDialog
        visible={cancelling !== null}
        title="确认取消志愿岗位？"
        content={`取消后岗位会让给其他志愿者，如需参加要重新报名。\n活动：${cancelling?.activity.title ?? ''}`}
        confirmText="确认取消"
        danger
        pending={cancel.pending}
        confirmId="confirm-cancel-shift-button"
        cancelId="keep-shift-button"
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancelling(null)}
      />
    </View>
  );
}

/** 我的岗位: upcoming and past shifts with their status; a big 出示签到码 where it applies. */
export default function VolunteerShiftsPage() {
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming');
  return (
    <PageShell>
      <Tabs value={tab} onChange={(value) => setTab(value as 'upcoming' | 'past')}>
        <Tabs.TabPane title="即将开始" value="upcoming" />
        <Tabs.TabPane title="已结束" value="past" />
      </Tabs>
      <ShiftList key={tab} when={tab} />
    </PageShell>
  );
}
