import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TStationSummary } from '../../../shared/contracts/stations';
import { TIER_LABELS, childTier, type StationTier } from '../../../shared/domain/station';
import { PageShell } from '../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../components/states';
import { StationCard } from '../../components/station-card';
import { useStationChildren } from '../../hooks/use-stations';
import { ROUTES, openPage } from '../../lib/routes';
import './index.scss';

interface Crumb {
  stationId: string;
  name: string;
  tier: StationTier;
}

/** Browse the network top-down: 指导中心 → 社工站 → 社工室, one level per screen. */
export default function StationsPage() {
  const [trail, setTrail] = useState<Crumb[]>([]);
  const parent = trail.length ? trail[trail.length - 1] : null;
  const list = useStationChildren(parent?.stationId ?? null);
  const levelTier = parent ? childTier(parent.tier) : 'center';
  const levelLabel = levelTier ? TIER_LABELS[levelTier] : '下级站点';

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  const drillInto = (station: TStationSummary) =>
    setTrail((current) => [...current, { stationId: station.stationId, name: station.name, tier: station.tier }]);

  return (
    <PageShell>
      <View className="breadcrumb" id="station-breadcrumb">
        {trail.length === 0 ? (
          <Text className="breadcrumb__current">全部{TIER_LABELS.center}</Text>
        ) : (
          <Text className="breadcrumb__item tap-target" onClick={() => setTrail([])}>
            全部{TIER_LABELS.center}
          </Text>
        )}
        {trail.map((crumb, index) => (
          <View key={crumb.stationId} className="breadcrumb">
            <Text className="breadcrumb__sep">›</Text>
            {index === trail.length - 1 ? (
              <Text className="breadcrumb__current">{crumb.name}</Text>
            ) : (
              <Text className="breadcrumb__item tap-target" onClick={() => setTrail(trail.slice(0, index + 1))}>
                {crumb.name}
              </Text>
            )}
          </View>
        ))}
      </View>

      {parent ? (
        <View className="actions">
          <Button fill="outline" id="station-up-button" onClick={() => setTrail(trail.slice(0, -1))}>
            返回上一级
          </Button>
          <Button
            type="primary"
            fill="outline"
            id="station-parent-detail-button"
            onClick={() => openPage(ROUTES.stationDetail, { stationId: parent.stationId })}
          >
            查看{parent.name}详情
          </Button>
        </View>
      ) : null}

      <Text className="section-title">{parent ? `${parent.name}下设的${levelLabel}` : `各区${levelLabel}`}</Text>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title={`暂无${levelLabel}`} description="站点信息由区级指导中心维护，如有疑问请致电社工站" />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 个</Text>
          {list.items.map((station) => {
            const below = childTier(station.tier);
            return (
              <StationCard
                key={station.stationId}
                station={station}
                onClick={() => openPage(ROUTES.stationDetail, { stationId: station.stationId })}
              >
                <View className="actions">
                  <Button
                    type="primary"
                    id={`station-detail-${station.stationId}`}
                    onClick={(event) => {
                      event?.stopPropagation?.();
                      openPage(ROUTES.stationDetail, { stationId: station.stationId });
                    }}
                  >
                    查看详情
                  </Button>
                  {below && station.childCount > 0 ? (
                    <Button
                      type="primary"
                      fill="outline"
                      id={`station-children-${station.stationId}`}
                      onClick={(event) => {
                        event?.stopPropagation?.();
                        drillInto(station);
                      }}
                    >
                      {`查看下设${TIER_LABELS[below]}（${station.childCount}）`}
                    </Button>
                  ) : null}
                </View>
              </StationCard>
            );
          })}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
