import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TActivitySummary } from '../../../../shared/contracts/activities';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { useCancelActivity } from '../api/use-activity-editor';
import { ReasonDialog } from './reason-dialog';

/**
 * What staff do with an activity once it is out: 扫码签到 (while it is on), 名单, 查看评价, and
 * 取消活动 (with a reason the residents are told, after a confirmation). Ids end in the activity id.
 */
export function ManageActions({
  activity,
  onCancelled,
}: {
  activity: Pick<TActivitySummary, 'activityId' | 'title' | 'status' | 'endAt' | 'confirmed' | 'waitlisted'>;
  onCancelled: () => void;
}) {
  const [cancelling, setCancelling] = useState(false);
  const cancel = useCancelActivity();
  const id = activity.activityId;
  const ended = Date.parse(activity.endAt) <= Date.now();
  if (activity.status === 'draft') return null;
  const live = activity.status === 'published' && !ended;

  const confirmCancel = async (reason: string) => {
    const result = await cancel.run(id, reason);
    setCancelling(false);
    if (result.ok) {
      showSuccess('活动已取消');
      onCancelled();
    }
  };

  const people = activity.confirmed + activity.waitlisted;
  return (
    <View className="actions">
      {live ? (
        <Button type="primary" id={`scan-${id}`} onClick={() => openPage(ROUTES.staffScan, { activityId: id })}>
          扫码签到
        </Button>
      ) : null}
      <Button
        type="primary"
        fill="outline"
        id={`roster-${id}`}
        onClick={() => openPage(ROUTES.staffRoster, { activityId: id })}
      >
        名单
      </Button>
      {activity.status !== 'cancelled' ? (
        <Button fill="outline" id={`ratings-${id}`} onClick={() => openPage(ROUTES.staffRatings, { activityId: id })}>
          查看评价
        </Button>
      ) : null}
      {activity.status === 'published' && !ended ? (
        <Button type="danger" fill="outline" id={`cancel-activity-${id}`} onClick={() => setCancelling(true)}>
          取消活动
        </Button>
      ) : null}
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
    </View>
  );
}
