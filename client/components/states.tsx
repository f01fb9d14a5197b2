import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { goToSignIn, needsSignIn } from '../lib/auth';
import type { PagedList } from '../hooks/use-paged';
import type { CloudError } from '../lib/cloud';
import './states.scss';

/** A list or page is loading; says so in words. */
export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state" id="loading-state">
      <Text className="state__text">{text}</Text>
    </View>
  );
}

/** Nothing to show, with what to do next when there is something to do. */
export function EmptyState(props: {
  title: string;
  description?: string;
  actionText?: string;
  actionId?: string;
  onAction?: () => void;
}) {
  return (
    <View className="state" id="empty-state">
      <Text className="state__mark">○</Text>
      <Text className="state__title">{props.title}</Text>
      {props.description ? <Text className="state__text">{props.description}</Text> : null}
      {props.actionText && props.onAction ? (
        <Button className="state__action" type="primary" id={props.actionId} onClick={props.onAction}>
          {props.actionText}
        </Button>
      ) : null}
    </View>
  );
}

/**
 * A failed load: the error's Chinese message and a retry button. On H5 a missing local session
 * offers the sign-in page instead. The request id lets staff quote the failure to support.
 */
export function ErrorState({ error, onRetry }: { error: CloudError; onRetry: () => void }) {
  if (needsSignIn(error)) {
    return (
      <View className="state" id="error-state">
        <Text className="state__mark">!</Text>
        <Text className="state__title">请先登录</Text>
        <Text className="state__text">登录后才能查看这里的内容</Text>
        <Button className="state__action" type="primary" id="sign-in-button" onClick={goToSignIn}>
          去登录
        </Button>
      </View>
    );
  }
  return (
    <View className="state" id="error-state">
      <Text className="state__mark">!</Text>
      <Text className="state__title">没有加载成功</Text>
      <Text className="state__text">{error.userMessage}</Text>
      {error.requestId ? <Text className="state__ref">问题编号：{error.requestId}</Text> : null}
      <Button className="state__action" type="primary" id="retry-button" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** What a page shows before its first answer: the error with a retry, or 正在加载…. */
export function PendingState({ remote }: { remote: { error: CloudError | null; reload: () => unknown } }) {
  return remote.error ? <ErrorState error={remote.error} onRetry={() => void remote.reload()} /> : <LoadingState />;
}

/**
 * The foot of a paged list: a "加载更多" button while more pages exist (pages also load more on
 * reaching the bottom), a retry when a further page failed, and "已显示全部" at the end.
 */
export function LoadMore({
  list,
}: {
  list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'loadMoreError' | 'total' | 'loadMore'>;
}) {
  const loadMore = () => void list.loadMore();
  if (list.loadMoreError) {
    return (
      <View className="load-more">
        <Text className="load-more__text">{list.loadMoreError.userMessage}</Text>
        <Button type="primary" fill="outline" id="load-more-button" onClick={loadMore}>
          重新加载
        </Button>
      </View>
    );
  }
  if (list.loadingMore) {
    return (
      <View className="load-more">
        <Text className="load-more__text">正在加载更多…</Text>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className="load-more">
        <Button type="primary" fill="outline" id="load-more-button" onClick={loadMore}>
          加载更多
        </Button>
      </View>
    );
  }
  return (
    <View className="load-more">
      <Text className="load-more__text">已显示全部 {list.total} 条</Text>
    </View>
  );
}
