import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TActivitySummary } from '../../../../../shared/contracts/activities';
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS, type ActivityStatus } from '../../../../../shared/domain/activity';
import { ActivityCard } from '../../../../components/activity-card';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { usePublishActivity } from '../../api/use-activity-editor';
import { useManagedActivities } from '../../api/use-managed-activities';
import { useManagedStations } from '../../api/use-managed-stations';
import { ManageActions } from '../../components/manage-actions';

/**
 * Staff: every activity of a station they manage (drafts too), with create; a draft offers 编辑,
 * 查看 and 发布; a published one 扫码签到 (while on) and 名单, the rest behind 更多 (ManageActions).
 */
export default function StaffActivitiesPage() {
  const { me, stations } = useManagedStations();
  const [chosenStationId, setChosenStationId] = useState<string | undefined>(undefined);
  const stationId = chosenStationId ?? stations[0]?.stationId;
  const [status, setStatus] = useState<ActivityStatus | undefined>(undefined);
  const list = useManagedActivities(stationId, status);
  const [publishing, setPublishing] = useState<TActivitySummary | null>(null);
  const publish = usePublishActivity();

  usePullDownRefresh(async () => {
    await Promise.all([me.reload(), list.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="您还没有管理活动的权限" description="如需开通，请联系区级指导中心" />
      </PageShell>
    );
  }

  const confirmPublish = async () => {
    if (!publishing) return;
    const result = await publish.run(publishing.activityId);
    setPublishing(null);
    if (result.ok) {
      showSuccess('已发布');
      await list.reload();
    }
  };

  return (
    <PageShell>
      {stations.length > 1 ? (
        <View>
          <Text className="section-title">选择站点</Text>
          <ScrollView scrollX className="filter-bar" id="staff-station-filter">
            {stations.map((station) => (
              <View
                key={station.stationId}
                id={`staff-station-${station.stationId}`}
                className={`filter-chip${station.stationId === stationId ? ' filter-chip--active' : ''}`}
                onClick={() => setChosenStationId(station.stationId)}
              >
                {station.stationId === stationId ? `✓ ${station.stationName}` : station.stationName}
              </View>
            ))}
          </ScrollView>
        </View>
      ) : (
        <Text className="section-title">{stations[0]?.stationName}</Text>
      )}

      <View className="actions">
        <Button type="primary" id="new-activity-button" onClick={() => openPage(ROUTES.staffEdit, { stationId })}>
          新建活动
        </Button>
      </View>

      <ScrollView scrollX className="filter-bar" id="status-filter">
        {[undefined, ...ACTIVITY_STATUSES].map((key) => {
          const active = key === status;
          const label = key ? ACTIVITY_STATUS_LABELS[key] : '全部';
          return (
            <View
              key={key ?? 'all'}
              id={`status-${key ?? 'all'}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => setStatus(key)}
            >
              {active ? `✓ ${label}` : label}
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
          title={status ? `没有${ACTIVITY_STATUS_LABELS[status]}的活动` : '还没有活动'}
          description="点“新建活动”填写活动信息，保存为草稿后再发布"
        />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 个活动</Text>
          {list.items.map((activity) => (
            <ActivityCard key={activity.activityId} activity={activity}>
              {activity.status === 'draft' ? (
                <View className="actions">
                  <Button
                    type="primary"
                    fill="outline"
                    id={`edit-${activity.activityId}`}
                    onClick={() => openPage(ROUTES.staffEdit, { activityId: activity.activityId })}
                  >
                    编辑
                  </Button>
                  <Button
                    fill="outline"
                    id={`view-${activity.activityId}`}
                    onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
                  >
                    查看
                  </Button>
                  <Button type="primary" id={`publish-${activity.activityId}`} onClick={() => setPublishing(activity)}>
                    发布
                  </Button>
                </View>
              ) : (
                <ManageActions activity={activity} onChanged={() => void list.reload()} />
              )}
            </ActivityCard>
          ))}
          <LoadMore list={list} />
        </View>
      )}

      <ConfirmDialog
        visible={publishing !== null}
        title="确认发布活动？"
        content={`发布后居民即可看到并报名，活动类别、形式和时间将不能再修改。\n活动：${publishing?.title ?? ''}`}
        confirmText="确认发布"
        cancelText="再检查一下"
        pending={publish.pending}
        confirmId="confirm-publish-button"
        cancelId="cancel-publish-button"
        onConfirm={() => void confirmPublish()}
        onCancel={() => setPublishing(null)}
      />
    </PageShell>
  );
}
