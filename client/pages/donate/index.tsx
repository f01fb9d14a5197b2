import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { NEED_KINDS } from '../../../shared/domain/donation';
import { PageShell } from '../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../components/states';
import { useMe } from '../../hooks/use-me';
import { useOpenNeeds } from '../../hooks/use-open-needs';
import { useUnreadMessages } from '../../hooks/use-unread-messages';
import { ROUTES, openPage } from '../../lib/routes';
import './index.scss';

/** 公益 tab: open needs across the network or at the home station, with progress in words. */
export default function DonatePage() {
  const me = useMe({ signInOnDemand: false });
  useUnreadMessages(Boolean(me.data));
  const home = me.data?.homeStationId ?? undefined;
  const [scope, setScope] = useState<'all' | 'home'>('all');
  const stationId = scope === 'home' ? home : undefined;
  const list = useOpenNeeds(stationId);

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell>
      <View className="filter-bar" id="need-scope">
        <View
          id="need-scope-all"
          className={`filter-chip${scope === 'all' ? ' filter-chip--active' : ''}`}
          onClick={() => setScope('all')}
        >
          {scope === 'all' ? '✓ 全部站点' : '全部站点'}
        </View>
        {home ? (
          <View
            id="need-scope-home"
            className={`filter-chip${scope === 'home' ? ' filter-chip--active' : ''}`}
            onClick={() => setScope('home')}
          >
            {scope === 'home' ? '✓ 我的社工站' : '我的社工站'}
          </View>
        ) : null}
      </View>
      <View className="actions">
        <Button type="primary" fill="outline" id="my-pledges-button" onClick={() => openPage(ROUTES.myPledges)}>
          我的捐赠
        </Button>
      </View>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="暂时没有征集中的需求" description="社工站发布物资需求后会显示在这里" />
      ) : (
        <View id="needs-list">
          <Text className="list-summary">共 {list.total} 项需求征集中</Text>
          {list.items.map((need) => (
            <View
              className="card"
              key={need.needId}
              id={`need-${need.needId}`}
              onClick={() => openPage(ROUTES.donationNeed, { needId: need.needId })}
            >
              <Text className="activity-card__title">{need.title}</Text>
              <Text className="meta-row">
                {NEED_KINDS[need.kind]} · {need.stationName}
              </Text>
              <Text className="meta-row">受益群体：{need.beneficiaryGroup}</Text>
              <View className="need-progress">
                <Text className="need-progress__text">
                  已接收 {need.receivedQuantity} / 目标 {need.targetQuantity} {need.unit}（{need.receivedPercent}%）
                </Text>
                <View className="need-progress__track">
                  <View className="need-progress__fill" style={{ width: `${need.receivedPercent}%` }} />
                </View>
                <Text className="text-secondary">
                  已认捐 {need.pledgedQuantity} {need.unit}
                </Text>
              </View>
              <Text className="tap-target">查看并认捐 ›</Text>
            </View>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
