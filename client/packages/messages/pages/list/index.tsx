import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMessages } from '../../api/use-messages';
import './index.scss';

/**
 * 消息: notices about the caller's bookings (moved up from the waitlist, a seat offered, an offer
 * lapsed, an activity cancelled), newest first. Opening the page marks them read; a message about
 * an activity opens it.
 */
export default function MessagesPage() {
  const list = useMessages();

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell>
      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="暂无消息" description="候补转正、活动取消、服务单进展等通知会显示在这里" />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 条消息</Text>
          {list.items.map((message) => {
            const fresh = list.freshIds.has(message.messageId);
            const activityId = message.activityId;
            const orderId = message.orderId;
            const open = orderId
              ? () => openPage(ROUTES.orderDetail, { orderId })
              : activityId
                ? () => openPage(ROUTES.activityDetail, { activityId })
                : undefined;
            return (
              <View
                key={message.messageId}
                id={`message-${message.messageId}`}
                className={`card message${open ? ' message--link' : ''}`}
                onClick={open}
              >
                <View className="message__head">
                  {fresh ? <Text className="message__new">新</Text> : null}
                  <Text className="message__title">{message.title}</Text>
                </View>
                <Text className="message__body">{message.body}</Text>
                <Text className="message__time">{formatDateTime(message.createdAt)}</Text>
                {orderId ? (
                  <Text className="message__open">查看服务单 ›</Text>
                ) : activityId ? (
                  <Text className="message__open">查看活动 ›</Text>
                ) : null}
              </View>
            );
          })}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
