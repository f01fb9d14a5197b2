import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { TMessage } from '../../../../../shared/contracts/accounts';
import { messageTarget } from '../../../../../shared/domain/message';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMessages } from '../../api/use-messages';
import './index.scss';

/** Where tapping a message goes, and the words that say so; null when it leads nowhere. */
function linkOf(message: TMessage): { open: () => void; text: string } | null {
  const activityId = message.activityId;
  switch (messageTarget(message)) {
    case 'order':
      return {
        open: () => openPage(ROUTES.orderDetail, { orderId: message.orderId ?? undefined }),
        text: '查看服务单 ›',
      };
    case 'activity':
      return {
        open: () => openPage(ROUTES.activityDetail, { activityId: activityId ?? undefined }),
        text: '查看活动 ›',
      };
    case 'pledges':
      return { open: () => openPage(ROUTES.myPledges), text: '查看我的捐赠 ›' };
    case null:
      return null;
  }
}

/**
 * 消息: notices about the caller's bookings (moved up from the waitlist, a seat offered, an offer
 * lapsed, an activity cancelled), service orders and pledges (received, given out, thanked), newest
 * first. Opening the page marks them read; a message opens its order, its activity or 我的捐赠.
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
        <EmptyState title="暂无消息" description="候补转正、活动取消、服务单进展、捐赠进展等通知会显示在这里" />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 条消息</Text>
          {list.items.map((message) => {
            const fresh = list.freshIds.has(message.messageId);
            const link = linkOf(message);
            return (
              <View
                key={message.messageId}
                id={`message-${message.messageId}`}
                className={`card message${link ? ' message--link' : ''}`}
                onClick={link?.open}
              >
                <View className="message__head">
                  {fresh ? <Text className="message__new">新</Text> : null}
                  <Text className="message__title">{message.title}</Text>
                </View>
                <Text className="message__body">{message.body}</Text>
                <Text className="message__time">{formatDateTime(message.createdAt)}</Text>
                {link ? <Text className="message__open">{link.text}</Text> : null}
              </View>
            );
          })}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
