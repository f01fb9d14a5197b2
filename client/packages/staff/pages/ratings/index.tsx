import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ratingText } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useRatings } from '../../api/use-ratings';
import { useStaffActivity } from '../../api/use-staff-activity';
import './index.scss';

const SCORE_WORDS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };

function stars(score: number): string {
  return '★★★★★'.slice(0, score) + '☆☆☆☆☆'.slice(0, 5 - score);
}

/** Staff: an activity's ratings and comments, newest first, raters masked (`activities.ratings`). */
export default function StaffRatingsPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useStaffActivity(activityId);
  const list = useRatings(activityId);

  usePullDownRefresh(async () => {
    await Promise.all([list.reload(), activity.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState title="没有指定活动" actionText="返回活动管理" onAction={() => openPage(ROUTES.staffActivities)} />
      </PageShell>
    );
  }
  const summary = activity.data ? ratingText(activity.data) : null;

  return (
    <PageShell>
      <View className="card">
        <Text className="ratings-page__title" id="ratings-activity-title">
          {activity.data?.title ?? '活动评价'}
        </Text>
        <Text className="ratings-page__summary" id="ratings-summary">
          {summary ? `★ ${summary}` : activity.data ? '还没有人评价' : ''}
        </Text>
      </View>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="还没有评价" description="居民签到后可以给活动打分，评价会显示在这里" />
      ) : (
        <View id="ratings-list">
          <Text className="list-summary">共 {list.total} 条评价</Text>
          {list.items.map((rating, index) => (
            <View className="card" key={`${rating.raterName}-${rating.updatedAt}-${index}`}>
              <Text className="ratings-page__score">
                {stars(rating.score)} {rating.score} 分 · {SCORE_WORDS[rating.score] ?? ''}
              </Text>
              {rating.comment ? <Text className="ratings-page__comment">{rating.comment}</Text> : null}
              <Text className="ratings-page__meta">
                {rating.raterName} · {formatDateTime(rating.updatedAt)}
              </Text>
            </View>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
