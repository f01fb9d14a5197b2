import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TStationSummary } from '../../../shared/contracts/stations';
import { TIER_LABELS, childTier, type StationTier } from '../../../shared/domain/station';
import { PageShell } from '../../components/page-shell';
import { NearbyStationCard } from '../../components/nearby-station-card';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../components/states';
import { StationCard } from '../../components/station-card';
import { useMe, useUpdateProfile } from '../../hooks/use-me';
import { useNearbyStations } from '../../hooks/use-nearby-stations';
import { useStationChildren, useStationSearch } from '../../hooks/use-stations';
import { showSuccess } from '../../lib/feedback';
import { ROUTES, openPage } from '../../lib/routes';
import './index.scss';

interface Crumb {
  stationId: string;
  name: string;
  tier: StationTier;
}

/**
 * "离我最近" first: with the person's location, the nearest stations with distance, tier, hours,
 * a map, a call and 设为我的社工站. Without it (refused, or no fix), a search by name or address.
 */
function NearbySection() {
  const nearby = useNearbyStations();
  const me = useMe({ signInOnDemand: false });
  const update = useUpdateProfile();
  const [settingId, setSettingId] = useState<string | null>(null);
  const setHome = async (stationId: string) => {
    setSettingId(stationId);
    const result = await update.run({ homeStationId: stationId });
    setSettingId(null);
    if (result.ok) {
      showSuccess('已设为我的社工站');
      await me.reload();
    }
  };

  if (nearby.status === 'locating' || nearby.status === 'loading')
    return <LoadingState text={nearby.status === 'locating' ? '正在获取您的位置…' : '正在查找离您最近的社工站…'} />;
  if (nearby.status === 'denied' || nearby.status === 'unavailable') {
    return (
      <View className="card" id="nearby-fallback">
        <EmptyState
          title={nearby.status === 'denied' ? '没有获得您的位置' : '暂时无法获取您的位置'}
          description={
            nearby.status === 'denied'
              ? nearby.canOpenSettings
                ? '您可以在下方按名称或地址搜索社工站，或点下方按钮在设置中允许使用位置'
                : '您可以在下方按名称或地址搜索社工站，或在浏览器设置中允许本网站使用位置'
              : '您可以在下方按名称或地址搜索社工站，或稍后再试'
          }
          actionText={nearby.status === 'denied' && nearby.canOpenSettings ? '允许使用位置' : '重新定位'}
          actionId="nearby-retry-button"
          onAction={() => void (nearby.status === 'denied' ? nearby.turnOnLocation() : nearby.retry())}
        />
      </View>
    );
  }
  if (nearby.status === 'error' && nearby.error)
    return (
      <View className="card">
        <ErrorState error={nearby.error} onRetry={() => void nearby.retry()} />
      </View>
    );
  if (nearby.items.length === 0)
    return (
      <View className="card" id="nearby-empty">
        <EmptyState title="您附近 50 公里内没有社工站" description="可以在下方按名称或地址搜索，或按区域查找" />
      </View>
    );
  return (
    <View id="nearby-list">
      {nearby.items.map((station) => (
        <NearbyStationCard
          key={station.stationId}
          station={station}
          isHome={me.data?.homeStationId === station.stationId}
          settingHome={settingId === station.stationId}
          onOpen={() => openPage(ROUTES.stationDetail, { stationId: station.stationId })}
          onSetHome={() => void setHome(station.stationId)}
        />
      ))}
    </View>
  );
}

/** Search the whole network by part of a name or an address. */
function SearchSection() {
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useStationSearch(q);
  const submit = () => setQ(text.trim() ? text.trim().slice(0, 20) : null);
  return (
    <View>
      <View className="card station-search">
        <View className="form-input">
          <Input
            id="station-search-input"
            value={text}
            maxLength={20}
            placeholder="输入名称或地址，如：江滨、滨江路"
            confirmType="search"
            onChange={setText}
            onConfirm={submit}
          />
        </View>
        <View className="actions">
          <Button type="primary" id="station-search-button" onClick={submit}>
            搜索
          </Button>
          {q ? (
            <Button
              fill="outline"
              id="station-search-clear"
              onClick={() => {
                setText('');
                setQ(null);
              }}
            >
              清除搜索
            </Button>
          ) : null}
        </View>
      </View>
      {q === null ? null : results.loading && !results.loaded ? (
        <LoadingState />
      ) : results.error && !results.loaded ? (
        <ErrorState error={results.error} onRetry={() => void results.reload()} />
      ) : results.items.length === 0 ? (
        <View className="card" id="station-search-empty">
          <EmptyState title={`没有找到“${q}”`} description="换个说法试试，比如街道、社区或路名" />
        </View>
      ) : (
        <View id="station-search-results">
          <Text className="list-summary">找到 {results.total} 个</Text>
          {results.items.map((station) => (
            <StationCard
              key={station.stationId}
              station={station}
              onClick={() => openPage(ROUTES.stationDetail, { stationId: station.stationId })}
            >
              <View className="actions">
                <Button
                  type="primary"
                  id={`search-detail-${station.stationId}`}
                  onClick={(event) => {
                    event?.stopPropagation?.();
                    openPage(ROUTES.stationDetail, { stationId: station.stationId });
                  }}
                >
                  查看详情
                </Button>
              </View>
            </StationCard>
          ))}
          <LoadMore list={results} />
        </View>
      )}
    </View>
  );
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
      <Text className="section-title" id="nearby-title">
        离我最近
      </Text>
      <NearbySection />

      <Text className="section-title">搜索社工站</Text>
      <SearchSection />

      <Text className="section-title">按区域查找</Text>
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
