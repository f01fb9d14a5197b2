import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { TIER_LABELS, childTier } from '../../../../../shared/domain/station';
import { ActivityCard } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { StationCard } from '../../../../components/station-card';
import { useStation } from '../../../../hooks/use-station';
import { showSuccess } from '../../../../lib/feedback';
import { openMap } from '../../../../lib/open-map';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useHomeStation } from '../../api/use-home-station';
import { useStationMenu } from '../../api/use-station-menu';
import './index.scss';

/**
 * A station: where and when to come, whom to call, who runs it, what it offers (服务清单, 一站一品),
 * its rooms and its next activities.
 */
export default function StationDetailPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const station = useStation(stationId);
  const home = useHomeStation(stationId);
  const menu = useStationMenu(stationId);

  usePullDownRefresh(async () => {
    await Promise.all([station.reload(), menu.reload()]);
    Taro.stopPullDownRefresh();
  });

  if (!station.data) {
    return (
      <PageShell>
        {station.error ? (
          <ErrorState error={station.error} onRetry={() => void station.reload()} />
        ) : stationId ? (
          <LoadingState />
        ) : (
          <EmptyState title="没有找到这个社工站" />
        )}
      </PageShell>
    );
  }

  const data = station.data;
  const roomTier = childTier(data.tier);
  const call = () => {
    // Rejects when the person closes the call sheet: nothing to report.
    Taro.makePhoneCall({ phoneNumber: data.phone }).catch(() => undefined);
  };
  const showMap = () => {
    if (!data.location) return;
    openMap({ ...data.location, name: data.name, address: data.address });
  };
  const setHome = async () => {
    if (await home.setHome()) showSuccess('已设为我的社工站');
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="station-detail__name" id="station-name">
          {data.name}
        </Text>
        <View>
          <Text className="chip">{TIER_LABELS[data.tier]}</Text>
          {data.tags.map((tag) => (
            <Text key={tag} className="chip chip--muted">
              {tag}
            </Text>
          ))}
        </View>
        {data.ancestors.length ? (
          <Text className="station-detail__path">所属：{data.ancestors.map((a) => a.name).join(' › ')}</Text>
        ) : null}
        <View className="meta-row">
          <Text className="meta-label">地址</Text>
          <Text className="meta-value">{data.address || '暂未填写'}</Text>
        </View>
        <View className="meta-row">
          <Text className="meta-label">开放时间</Text>
          <Text className="meta-value">{data.openingHours || '暂未填写'}</Text>
        </View>
        <View className="meta-row">
          <Text className="meta-label">联系电话</Text>
          <Text className="meta-value">{data.phone || '暂未填写'}</Text>
        </View>
        <View className="meta-row">
          <Text className="meta-label">承接机构</Text>
          <Text className="meta-value">{data.operator || '暂未填写'}</Text>
        </View>
        <View className="actions">
          {data.phone ? (
            <Button type="primary" id="call-station-button" onClick={call}>
              拨打电话
            </Button>
          ) : null}
          {data.location ? (
            <Button type="primary" fill="outline" id="station-map-button" onClick={showMap}>
              查看地图
            </Button>
          ) : null}
        </View>
        {home.isHome ? (
          <Text className="status-line status-line--ok" id="home-station-state">
            ✓ 这是我的社工站
          </Text>
        ) : (
          <View className="actions">
            <Button
              type="primary"
              fill="outline"
              id="set-home-station-button"
              loading={home.pending}
              disabled={home.pending}
              onClick={() => void setHome()}
            >
              设为我的社工站
            </Button>
          </View>
        )}
      </View>

      <Text className="section-title">服务清单</Text>
      <View className="card" id="station-services">
        {menu.data && menu.data.items.length ? (
          <View>
            <Text className="text-secondary">点一项服务即可下单，社工会尽快联系您</Text>
            {menu.data.items.map((item) => (
              <View
                className="service service--orderable tap-target"
                key={item.itemId}
                id={`station-menu-${item.itemId}`}
                onClick={() => openPage(ROUTES.orderForm, { stationId: data.stationId, itemId: item.itemId })}
              >
                <View className="service__body">
                  <Text className="service__name">{item.name}</Text>
                  {item.description ? <Text className="service__description">{item.description}</Text> : null}
                </View>
                <Text className="service__go">点单 ›</Text>
              </View>
            ))}
          </View>
        ) : menu.loading && !menu.data ? (
          <Text className="text-secondary">正在加载服务清单…</Text>
        ) : data.services.length ? (
          data.services.map((service) => (
            <View className="service" key={service.name}>
              <Text className="service__name">{service.name}</Text>
              {service.description ? <Text className="service__description">{service.description}</Text> : null}
            </View>
          ))
        ) : (
          <Text className="text-secondary">服务清单正在整理中</Text>
        )}
        <View className="actions">
          <Button
            type="primary"
            id="station-order-button"
            onClick={() => openPage(ROUTES.orderMenu, { stationId: data.stationId })}
          >
            按类别查看服务清单
          </Button>
        </View>
      </View>

      {data.brandProjects.length ? (
        <View>
          <Text className="section-title">品牌项目（一站一品）</Text>
          <View className="card" id="station-brand-projects">
            {data.brandProjects.map((project) => (
              <View className="service" key={project}>
                <Text className="service__name">{project}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {roomTier && data.children.length ? (
        <View id="station-children">
          <Text className="section-title">下设{TIER_LABELS[roomTier]}</Text>
          {data.children.map((child) => (
            <StationCard
              key={child.stationId}
              station={child}
              onClick={() => openPage(ROUTES.stationDetail, { stationId: child.stationId })}
            />
          ))}
        </View>
      ) : null}

      <Text className="section-title">近期活动</Text>
      {data.upcomingActivities.length ? (
        data.upcomingActivities.map((activity) => (
          <ActivityCard
            key={activity.activityId}
            activity={activity}
            showStation={activity.stationId !== data.stationId}
            onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
          />
        ))
      ) : (
        <View className="card">
          <EmptyState title="近期暂无活动" />
        </View>
      )}
      <View className="actions">
        <Button
          type="primary"
          fill="outline"
          id="station-activities-button"
          onClick={() => openPage(ROUTES.activityList, { stationId: data.stationId, stationName: data.name })}
        >
          查看本站全部活动
        </Button>
        <Button
          type="primary"
          fill="outline"
          id="station-needs-button"
          onClick={() => openPage(ROUTES.donationLedger, { stationId: data.stationId })}
        >
          物资需求与公示账本
        </Button>
        <Button
          type="primary"
          fill="outline"
          id="station-general-pledge-button"
          onClick={() => openPage(ROUTES.donationNeed, { stationId: data.stationId, stationName: data.name })}
        >
          向本站捐赠物资
        </Button>
      </View>
    </PageShell>
  );
}
