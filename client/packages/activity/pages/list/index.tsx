import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
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
import { useDebounced } from '../../../../hooks/use-debounced';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivityList } from '../../api/use-activity-list';
import './index.scss';

/** Why the list is empty, in words, for the filters in use. */
function emptyTitle(filter: { search: string; category?: ActivityCategory; volunteers: boolean }): string {
  if (filter.search) return `没有找到“${filter.search}”`;
  if (filter.volunteers) return '暂时没有空缺的志愿岗位';
  return filter.category ? `暂无${ACTIVITY_CATEGORIES[filter.category]}活动` : '近期暂无活动';
}

/**
 * Upcoming activities — `?stationId=&stationName=` narrows to one 站 and its rooms — searched by
 * title, filtered by category or by free volunteer slots (志愿者找岗位), each card with the
 * caller's own state ("✓ 已报名", "候补第 2 位").
 */
export default function ActivityListPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const stationName = readParam(params.stationName);
  const [category, setCategory] = useState<ActivityCategory | undefined>(undefined);
  const [volunteers, setVolunteers] = useState(readParam(params.volunteers) === '1');
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 400);
  const list = useActivityList({ stationId, category, search, volunteerSlotsOpen: volunteers });

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  const chips: { key: ActivityCategory | undefined; label: string }[] = [
    { key: undefined, label: '全部' },
    ...ACTIVITY_CATEGORY_KEYS.map((key) => ({ key, label: ACTIVITY_CATEGORIES[key] })),
  ];
  const filtered = Boolean(search || category || volunteers);

  return (
    <PageShell>
      {stationName ? (
        <Text className="section-title" id="activity-list-scope">
          {stationName}及下属社工室的活动
        </Text>
      ) : null}
      <View className="form-input activity-list__search">
        <Input
          id="activity-search"
          value={searchText}
          placeholder="搜索活动名称"
          maxLength={20}
          clearable
          onChange={(value) => setSearchText(value)}
        />
      </View>
      <ScrollView scrollX className="filter-bar" id="category-filter">
        <View
          id="volunteer-slots-filter"
          className={`filter-chip${volunteers ? ' filter-chip--active' : ''}`}
          onClick={() => setVolunteers(!volunteers)}
        >
          {volunteers ? '✓ 有志愿岗位' : '有志愿岗位'}
        </View>
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
          title={emptyTitle({ search, category, volunteers })}
          description={filtered ? '换个条件看看' : '社工站发布新活动后会显示在这里'}
          actionText={filtered ? '显示全部活动' : undefined}
          actionId="clear-category-button"
          onAction={
            filtered
              ? () => {
                  setCategory(undefined);
                  setVolunteers(false);
                  setSearchText('');
                }
              : undefined
          }
        />
      ) : (
        <View id="activity-list">
          <Text className="list-summary" id="activity-list-total">
            共 {list.total} 个活动
          </Text>
          {list.items.map((activity) => (
            <ActivityCard
              key={activity.activityId}
              activity={activity}
              mine={activity.mine}
              showVolunteerSlots={volunteers}
              onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
            />
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
