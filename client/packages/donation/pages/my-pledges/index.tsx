import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TPledge } from '../../../../../shared/contracts/donations';
import { DELIVERY_METHODS, NEED_KINDS, PLEDGE_STATUS_LABELS, formatFen } from '../../../../../shared/domain/donation';
import { formatDate, formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import '../../../../components/timeline.scss';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useCancelPledge, useMyPledges } from '../../api/donations';
import { ArrivalPhoto } from '../../components/arrival-photo';
import { CharityReceiptForm } from '../../components/charity';
import '../../components/donation.scss';

function PledgeCard({ pledge, onCancel, onChanged }: { pledge: TPledge; onCancel: () => void; onChanged: () => void }) {
  return (
    <View className="card" id={`pledge-${pledge.pledgeId}`}>
      <Text className="activity-card__title">{pledge.needTitle ?? `向${pledge.stationName}的捐赠`}</Text>
      <Text className="status-line" id={`pledge-status-${pledge.pledgeId}`}>
        状态：{PLEDGE_STATUS_LABELS[pledge.status]}
      </Text>
      <View className="meta-row">
        <Text className="meta-label">站点</Text>
        <Text className="meta-value">{pledge.stationName}</Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">认捐</Text>
        <Text className="meta-value">
          {NEED_KINDS[pledge.kind]} {pledge.quantity} {pledge.unit}
          {pledge.estimatedValueFen > 0 ? `（估值 ${formatFen(pledge.estimatedValueFen)}）` : ''}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">方式</Text>
        <Text className="meta-value">
          {DELIVERY_METHODS[pledge.deliveryMethod]}，预计 {formatDate(pledge.expectedDate)}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">接收/发放</Text>
        <Text className="meta-value">
          {pledge.receivedQuantity} / {pledge.distributedQuantity} {pledge.unit}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">公开显示</Text>
        <Text className="meta-value">{pledge.anonymous ? '爱心人士（匿名）' : '显示捐赠人名称'}</Text>
      </View>
      {pledge.charity ? (
        <Text className="row-block">
          经「{pledge.charity.name}」的「{pledge.charity.projectName}」捐赠
          {pledge.receiptNo ? `，电子捐赠票据号：${pledge.receiptNo}` : '，尚未填写票据号'}
        </Text>
      ) : null}

      <Text className="section-title">进展</Text>
      <View className="timeline" id={`pledge-timeline-${pledge.pledgeId}`}>
        {pledge.timeline.map((event, index) => (
          <View className="timeline__item" key={`${event.at}-${index}`}>
            <Text className="timeline__dot">{index === pledge.timeline.length - 1 ? '●' : '○'}</Text>
            <View className="timeline__body">
              <Text>{event.label}</Text>
              <Text className="timeline__time">{formatDateTime(event.at)}</Text>
            </View>
          </View>
        ))}
      </View>

      {pledge.arrivalPhotoUrl ? (
        <ArrivalPhoto id={`pledge-photo-${pledge.pledgeId}`} url={pledge.arrivalPhotoUrl} />
      ) : null}

      {pledge.distributions.length ? (
        <View id={`pledge-distributions-${pledge.pledgeId}`}>
          <Text className="section-title">去向</Text>
          {pledge.distributions.map((d) => (
            <Text className="row-block" key={d.distributionId}>
              {formatDate(d.at)} 发放 {d.quantity} {pledge.unit} 给「{d.beneficiaryGroup}」
              {d.activityTitle ? `（活动：${d.activityTitle}）` : ''}
              {d.note ? `：${d.note}` : ''}
            </Text>
          ))}
        </View>
      ) : null}

      {pledge.thankYouNote ? (
        <Text className="notice" id={`thank-you-${pledge.pledgeId}`}>
          站点的感谢：{pledge.thankYouNote}
        </Text>
      ) : null}

      {pledge.charity && !pledge.receiptNo && pledge.status !== 'cancelled' ? (
        <CharityReceiptForm pledgeId={pledge.pledgeId} onDone={onChanged} />
      ) : null}

      {pledge.status === 'pledged' ? (
        <View className="actions">
          <Button type="danger" fill="outline" id={`cancel-pledge-${pledge.pledgeId}`} onClick={onCancel}>
            取消认捐
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 我的捐赠: every pledge with its status, timeline, where it went and the station's thanks. */
export default function MyPledgesPage() {
  const list = useMyPledges();
  const [cancelling, setCancelling] = useState<TPledge | null>(null);
  const cancel = useCancelPledge({
    onError: () => {
      setCancelling(null);
      void list.reload();
      return false;
    },
  });

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  const confirmCancel = async () => {
    if (!cancelling) return;
    const result = await cancel.run(cancelling.pledgeId);
    if (result.ok) {
      setCancelling(null);
      showSuccess('已取消认捐');
      await list.reload();
    }
  };

  return (
    <PageShell>
      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title="还没有捐赠记录"
          description="看看社工站需要什么，一件物资也是一份心意"
          actionText="去公益看看"
          actionId="browse-needs-button"
          onAction={() => openPage(ROUTES.donate)}
        />
      ) : (
        <View id="pledge-timeline">
          <Text className="list-summary">共 {list.total} 条捐赠记录</Text>
          {list.items.map((pledge) => (
            <PledgeCard
              key={pledge.pledgeId}
              pledge={pledge}
              onCancel={() => setCancelling(pledge)}
              onChanged={() => void list.reload()}
            />
          ))}
          <LoadMore list={list} />
        </View>
      )}
      <ConfirmDialog
        visible={cancelling !== null}
        title="取消这次认捐？"
        content={
          cancelling
            ? `「${cancelling.needTitle ?? '捐赠'}」${cancelling.quantity} ${cancelling.unit}，取消后站点将不再等待这批物资。`
            : ''
        }
        confirmText="确认取消"
        danger
        pending={cancel.pending}
        confirmId="confirm-cancel-pledge-button"
        cancelId="keep-pledge-button"
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancelling(null)}
      />
    </PageShell>
  );
}
