import { Button, Tabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { PledgeQueueView } from '../../../../../shared/domain/donation';
import { canAnywhere } from '../../../../../shared/domain/policy';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useDonationDesk } from '../../api/use-donation-desk';
import { type ActiveAction, StaffActionDialog } from '../../components/staff-action-dialog';
import { StaffNeeds } from '../../components/staff-needs';
import { StaffPledgeCard } from '../../components/staff-pledge-card';
import { StationChips } from '../../components/station-chips';
import { initialStation, managedStations, STAFF_ACTION_TEXT, STAFF_VIEWS, viewOfFilter } from '../../lib/staff-rules';
import '../../components/donation.scss';

/** 捐赠管理: the pledge queues of a managed station — arrival, distribution, thanks — and its needs. */
export default function DonationStaffPage() {
  const me = useMe();
  const stations = useMemo(() => managedStations(me.data?.roles ?? []), [me.data]);
  const { params } = useRouter();
  const [stationId, setStationId] = useState<string | undefined>();
  // The console links here with ?stationId=&filter=week|overdue; an unmanaged station falls back.
  useEffect(() => {
    if (!stationId && stations.length) setStationId(initialStation(stations, readParam(params.stationId)));
  }, [stations, stationId, params.stationId]);
  const [view, setView] = useState<PledgeQueueView>(() => viewOfFilter(readParam(params.filter)));
  const desk = useDonationDesk(stationId, view);
  const { queue } = desk;
  const [active, setActive] = useState<ActiveAction | null>(null);

  usePullDownRefresh(async () => {
    await desk.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void queue.loadMore());

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stations.length) {
    return (
      <PageShell>
        <EmptyState title="没有可管理的站点" description="捐赠管理仅对站点社工开放" />
      </PageShell>
    );
  }
  const centerId = me.data.roles.find((r) => r.role === 'admin' && r.stationTier === 'center')?.stationId;

  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setStationId} />
      <View className="actions">
        <Button type="primary" id="new-need-button" onClick={() => openPage(ROUTES.donationNeedEdit, { stationId })}>
          发布物资需求
        </Button>
        <Button
          type="primary"
          fill="outline"
          id="open-ledger-button"
          onClick={() => openPage(ROUTES.donationLedger, { stationId })}
        >
          查看公示账本
        </Button>
        {canAnywhere({ grants: me.data.roles }, 'station:manage') ? (
          <Button
            type="primary"
            fill="outline"
            id="open-charities-button"
            onClick={() => openPage(ROUTES.donationCharities, { centerId })}
          >
            慈善组织名录
          </Button>
        ) : null}
      </View>

      <Tabs value={view} onChange={(v) => setView(v as PledgeQueueView)} activeType="line">
        {STAFF_VIEWS.map((v) => (
          <Tabs.TabPane key={v.key} title={v.label} value={v.key} />
        ))}
      </Tabs>

      {queue.loading && !queue.loaded ? (
        <LoadingState />
      ) : queue.error && !queue.loaded ? (
        <ErrorState error={queue.error} onRetry={() => void queue.reload()} />
      ) : queue.items.length === 0 ? (
        <EmptyState title="这里没有认捐" />
      ) : (
        <View id="staff-queue">
          {queue.items.map((p) => (
            <StaffPledgeCard key={p.pledgeId} pledge={p} onAction={(mode) => setActive({ mode, pledge: p })} />
          ))}
          <LoadMore list={queue} />
        </View>
      )}

      <StaffNeeds
        needs={desk.needs.items}
        loaded={desk.needs.loaded}
        closing={desk.closing}
        onClose={async (needId, reason) => {
          const closed = await desk.closeNeed(needId, reason);
          if (closed) showSuccess('需求已关闭');
          return closed;
        }}
      />

      <StaffActionDialog
        active={active}
        activities={desk.activities.data?.items ?? []}
        pending={desk.acting}
        onSubmit={async (action) => {
          const done = await desk.act(action);
          if (done) {
            setActive(null);
            showSuccess(STAFF_ACTION_TEXT[action.mode].done);
          }
          return done;
        }}
        onCancel={() => setActive(null)}
      />
    </PageShell>
  );
}
