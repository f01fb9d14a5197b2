import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_CATEGORY_KEYS,
  type ActivityCategory,
} from '../../../../../shared/domain/activity';
import { ActivityCard } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivityList } from '../../api/use-activity-list';

/** Upcoming activities, filtered by category; `?stationId=&stationName=` narrows to one station's subtree. */
export default function ActivityListPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const stationName = readParam(params.stationName);
  const [category, setCategory] = useState<ActivityCategory | undefined>(undefined);
  const list = useActivityList({ stationId, category });

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  const chips: { key: ActivityCategory | undefined; label: string }[] = [
    { key: undefined, label: '全部' },
    ...ACTIVITY_CATEGORY_KEYS.map((key) => ({ key, label: ACTIVITY_CATEGORIES[key] })),
  ];

  return (
    <PageShell>
      {stationName ? <Text className="section-title">{stationName}的活动</Text> : null}
      <ScrollView scrollX className="filter-bar" id="category-filter">
        {chips.map((chip) => {
          const active = chip.key === category;
          return (
            <View
              key={chip.key ?? 'all'}
              id={`category-${chip.key ?? 'all'}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => setCategory(chip.key)}
            >
              {active ? `✓ ${chip.label}` : chip.label}
            </View>
          );
        })}
      </ScrollView>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={category ? `暂无${ACTIVITY_CATEGORIES[category]}活动` : '近期暂无活动'}
          description={category ? '换个类别看看' : '社工站发布新活动后会显示在这里'}
          actionText={category ? '查看全部类别' : undefined}
          actionId="clear-category-button"
          onAction={category ? () => setCategory(undefined) : undefined}
        />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 个活动</Text>
          {list.items.map((activity) => (
            <ActivityCard
              key={activity.activityId}
              activity={activity}
              onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
            />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
