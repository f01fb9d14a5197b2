import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TActivitySummary } from '../../../../shared/contracts/activities';
import { cancelActivityRefusal } from '../../../../shared/domain/activity';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { useCancelActivity, useNotifyParticipants } from '../api/use-activity-editor';
import { type MoreItem, MoreSheet } from './more-sheet';
import { ReasonDialog } from './reason-dialog';

/** The activity fields the staff buttons read. */
export type ManagedActivity = Pick<
  TActivitySummary,
  'activityId' | 'stationId' | 'title' | 'status' | 'startAt' | 'endAt' | 'confirmed' | 'waitlisted' | 'volunteerSlots'
>;

/**
 * What staff do with an activity once it is out. On the card: 扫码签到 (while it is on) and 名单;
 * the rest behind 更多 — 查看活动, 编辑活动, 查看评价, 志愿者名单, 通知报名居民, 复制到新日期, and
 * 取消活动 (with a reason the residents are told, after a confirmation; not once it is under way,
 * `cancelActivityRefusal`). Ids end in the activity id.
 */
export function ManageActions({
  activity,
  onChanged,
  showEdit = true,
}: {
  activity: ManagedActivity;
  onChanged: () => void;
  /** Offer 编辑活动 in the sheet (not on the edit page itself). */
  showEdit?: boolean;
}) {
  const [sheet, setSheet] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [notifying, setNotifying] = useState(false);
  const [notified, setNotified] = useState<number | null>(null);
  const cancel = useCancelActivity();
  const notify = useNotifyParticipants();
  const id = activity.activityId;
  if (activity.status === 'draft') return null;
  const now = new Date();
  const live = activity.status === 'published' && Date.parse(activity.endAt) > now.getTime();
  const refusal = cancelActivityRefusal({ status: activity.status, startAt: new Date(activity.startAt) }, now);

  const confirmCancel = async (reason: string) => {
    const result = await cancel.run(id, reason);
    setCancelling(false);
    if (result.ok) {
      showSuccess('活动已取消');
      onChanged();
    }
  };
  const confirmNotify = async (message: string) => {
    const result = await notify.run(id, message);
    setNotifying(false);
    if (result.ok) {
      setNotified(result.value.notified);
      showSuccess(`已通知 ${result.value.notified} 位居民`);
    }
  };

  const items: MoreItem[] = [
    { id: `view-${id}`, label: '查看活动', onClick: () => openPage(ROUTES.activityDetail, { activityId: id }) },
    ...(showEdit
      ? [{ id: `edit-${id}`, label: '编辑活动', onClick: () => openPage(ROUTES.staffEdit, { activityId: id }) }]
      : []),
    ...(activity.status !== 'cancelled'
      ? [{ id: `ratings-${id}`, label: '查看评价', onClick: () => openPage(ROUTES.staffRatings, { activityId: id }) }]
      : []),
    ...(activity.volunteerSlots > 0
      ? [
          {
            id: `volunteers-${id}`,
            label: '志愿者名单',
            onClick: () => openPage(ROUTES.staffVolunteers, { activityId: id }),
          },
        ]
      : []),
    ...(live ? [{ id: `notify-${id}`, label: '通知报名居民', onClick: () => setNotifying(true) }] : []),
    {
      id: `copy-${id}`,
      label: '复制到新日期',
      onClick: () => openPage(ROUTES.staffEdit, { stationId: activity.stationId, copyFrom: id }),
    },
    ...(activity.status === 'published'
      ? refusal
        ? [{ id: `cancel-refusal-${id}`, note: `！${refusal.message}` }]
        : [{ id: `cancel-activity-${id}`, label: '取消活动', danger: true, onClick: () => setCancelling(true) }]
      : []),
  ];

  const people = activity.confirmed + activity.waitlisted;
  return (
    <View>
      <View className="actions">
        {live ? (
          <Button type="primary" id={`scan-${id}`} onClick={() => openPage(ROUTES.staffScan, { activityId: id })}>
            扫码签到
          </Button>
        ) : null}
        {activity.status !== 'cancelled' ? (
          <Button
            type="primary"
            fill="outline"
            id={`roster-${id}`}
            onClick={() => openPage(ROUTES.staffRoster, { activityId: id })}
          >
            名单
          </Button>
        ) : null}
        <Button fill="outline" id={`more-${id}`} onClick={() => setSheet(true)}>
          更多
        </Button>
      </View>
      {notified !== null ? (
        <Text className="status-line status-line--ok" id={`notified-${id}`}>
          ✓ 已通知 {notified} 位居民
        </Text>
      ) : null}
      <MoreSheet visible={sheet} title={activity.title} items={items} onClose={() => setSheet(false)} />
      <ReasonDialog
        visible={cancelling}
        title="确认取消活动？"
        description={`「${activity.title}」取消后不能恢复${people > 0 ? `，已报名和候补的 ${people} 位居民都会收到通知` : ''}。请写明原因，居民会看到。`}
        placeholder="取消原因（最多100字）"
        confirmText="确认取消活动"
        danger
        pending={cancel.pending}
        inputId="cancel-activity-reason-input"
        confirmId="confirm-cancel-activity-button"
        cancelId="keep-activity-button"
        onConfirm={(reason) => void confirmCancel(reason)}
        onCancel={() => setCancelling(false)}
      />
      <ReasonDialog
        visible={notifying}
        title="通知报名居民"
        description={`发给「${activity.title}」已报名、候补和已签到的居民，出现在他们的“消息”里，并留档备查。`}
        placeholder="例如：明天请带好水杯，活动改在二楼"
        confirmText="发送通知"
        maxLength={200}
        emptyMessage="请填写通知内容"
        fieldName="通知内容"
        pending={notify.pending}
        inputId="notify-message-input"
        confirmId="confirm-notify-button"
        cancelId="cancel-notify-button"
        onConfirm={(message) => void confirmNotify(message)}
        onCancel={() => setNotifying(false)}
      />
    </View>
  );
}
