import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { DELIVERY_METHODS, PLEDGE_STATUS_LABELS } from '../../../../shared/domain/donation';
import { formatDate } from '../../../../shared/domain/time';
import { STAFF_ACTION_TEXT, staffActions, type StaffMode, type StaffPledge } from '../lib/staff-rules';
import { ArrivalPhoto } from './arrival-photo';
import './donation.scss';

/** One pledge in the staff queue: who, what, when, what arrived and went out, and its next steps. */
export function StaffPledgeCard({ pledge: p, onAction }: { pledge: StaffPledge; onAction: (mode: StaffMode) => void }) {
  return (
    <View className="card" id={`staff-pledge-${p.pledgeId}`}>
      <Text className="activity-card__title">{p.needTitle ?? '站点统筹捐赠'}</Text>
      <Text className="status-line">
        {PLEDGE_STATUS_LABELS[p.status]}
        {p.overdue ? ' · ！已逾期' : ''}
      </Text>
      <Text className="row-block">
        {`${p.donorName}（${p.contactMasked}）认捐 ${p.quantity} ${p.unit}，${DELIVERY_METHODS[p.deliveryMethod]}，预计 ${formatDate(p.expectedDate)}`}
      </Text>
      <Text className="row-block" id={`staff-pledge-progress-${p.pledgeId}`}>
        {`已接收 ${p.receivedQuantity} ${p.unit}，已发放 ${p.distributedQuantity} ${p.unit}`}
      </Text>
      {p.message ? <Text className="row-block">留言：{p.message}</Text> : null}
      {p.thankYouNote ? <Text className="row-block">已致谢：{p.thankYouNote}</Text> : null}
      {p.arrivalPhotoUrl ? <ArrivalPhoto id={`staff-photo-${p.pledgeId}`} url={p.arrivalPhotoUrl} /> : null}
      <View className="actions">
        {staffActions(p).map((mode) => (
          <Button
            key={mode}
            type={mode === 'void' ? 'danger' : 'primary'}
            fill={mode === 'thank' || mode === 'void' ? 'outline' : undefined}
            id={`${ACTION_IDS[mode]}-${p.pledgeId}`}
            onClick={() => onAction(mode)}
          >
            {STAFF_ACTION_TEXT[mode].button}
          </Button>
        ))}
      </View>
    </View>
  );
}

/** Element ids of the action buttons (tests and docs/client.md name them). */
const ACTION_IDS: Record<StaffMode, string> = {
  receive: 'confirm-arrival',
  distribute: 'distribute',
  thank: 'thank',
  void: 'void-pledge',
};
