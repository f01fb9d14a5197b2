import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BookingStatus } from '../../../../../shared/domain/booking';
import { formatSpan } from '../../../../../shared/domain/time';
import { ratingText } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { useDebounced } from '../../../../hooks/use-debounced';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useCheckIn, useCorrectAttendance, useRoster } from '../../api/use-attendance';
import { useStaffActivity } from '../../api/use-staff-activity';
import { BehalfForm } from '../../components/behalf-form';
import { ReasonDialog } from '../../components/reason-dialog';
import { RosterCounts } from '../../components/roster-counts';
import { type RowAction, RosterRow } from '../../components/roster-row';
import { COUNTED, ROSTER_LABELS, emptyRosterText, rosterPageActions } from '../../lib/roster-rules';
import './index.scss';

const PROXY_PRESETS = ['未带手机', '不会使用手机', '手机没电'] as const;
const CORRECT_PRESETS = ['签到时漏扫', '实际未到场', '登记有误'] as const;

/**
 * Staff: who booked, who waits, who came. Counts per status, filters, search by name or phone
 * tail, and per person 代签到 (with a reason) or, after the activity, 更正 已签到 ↔ 未到场; plus 代报名.
 * The page composes the parts; what each row and the page may offer is `roster-rules`.
 */
export default function StaffRosterPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useStaffActivity(activityId);
  const [status, setStatus] = useState<BookingStatus | undefined>(undefined);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 400);
  const roster = useRoster(activityId, status, search);
  const [action, setAction] = useState<RowAction | null>(null);
  const [behalfOpen, setBehalfOpen] = useState(false);
  const refresh = async () => {
    await Promise.all([roster.reload(), activity.reload()]);
  };
  const reloadAfterError = (error: { code: string }) => {
    if (error.code !== 'UNAUTHENTICATED') void roster.reload();
    return false;
  };
  const checkIn = useCheckIn({ onError: reloadAfterError });
  const correct = useCorrectAttendance({ onError: reloadAfterError });

  usePullDownRefresh(async () => {
    await refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void roster.loadMore());

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState title="没有指定活动" actionText="返回活动管理" onAction={() => openPage(ROUTES.staffActivities)} />
      </PageShell>
    );
  }

  const data = activity.data;
  const allowed = rosterPageActions(data, new Date());
  const rating = data ? ratingText(data) : null;

  const confirmAction = async (reason: string) => {
    if (!action) return;
    const result =
      action.kind === 'proxy'
        ? await checkIn.run({ activityId, bookingId: action.entry.bookingId, reason })
        : await correct.run(activityId, action.entry.bookingId, action.to, reason);
    setAction(null);
    if (!result.ok) return;
    showSuccess(
      action.kind === 'correct'
        ? '已更正'
        : 'result' in result.value && result.value.result === 'checked_in'
          ? '代签到成功'
          : '此前已签到',
    );
    await roster.reload();
  };

  const chips: { key: BookingStatus | undefined; label: string }[] = [
    { key: undefined, label: '全部' },
    ...COUNTED.map((key) => ({ key, label: ROSTER_LABELS[key] })),
    ...(roster.counts?.expired ? [{ key: 'expired' as const, label: ROSTER_LABELS.expired }] : []),
  ];
  const proxy = action?.kind === 'proxy';

  return (
    <PageShell>
      <View className="card">
        <Text className="roster-page__title" id="roster-activity-title">
          {roster.activityTitle || data?.title || '报名名单'}
        </Text>
        {data ? <Text className="hint">活动时间：{formatSpan(data)}</Text> : null}
        {rating ? <Text className="hint">评价：★ {rating}</Text> : null}
        {roster.counts ? <RosterCounts counts={roster.counts} /> : null}
        <View className="actions">
          {allowed.scan ? (
            <Button type="primary" id="open-scan-button" onClick={() => openPage(ROUTES.staffScan, { activityId })}>
              扫码签到
            </Button>
          ) : null}
          {allowed.bookOnBehalf && !behalfOpen ? (
            <Button type="primary" fill="outline" id="book-on-behalf-button" onClick={() => setBehalfOpen(true)}>
              代报名
            </Button>
          ) : null}
          <Button fill="outline" id="open-ratings-button" onClick={() => openPage(ROUTES.staffRatings, { activityId })}>
            查看评价
          </Button>
          {data && data.volunteerSlots > 0 ? (
            <Button
              fill="outline"
              id="open-volunteers-button"
              onClick={() => openPage(ROUTES.staffVolunteers, { activityId })}
            >
              志愿者名单
            </Button>
          ) : null}
        </View>
      </View>

      {behalfOpen ? (
        <BehalfForm
          activityId={activityId}
          onClose={() => setBehalfOpen(false)}
          onBooked={(entry) => {
            setBehalfOpen(false);
            showSuccess(entry.status === 'waitlisted' ? '已加入候补' : '代报名成功');
            void refresh();
          }}
        />
      ) : null}

      <ScrollView scrollX className="filter-bar" id="roster-filter">
        {chips.map((chip) => {
          const active = chip.key === status;
          return (
            <View
              key={chip.key ?? 'all'}
              id={`roster-status-${chip.key ?? 'all'}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => setStatus(chip.key)}
            >
              {active ? `✓ ${chip.label}` : chip.label}
            </View>
          );
        })}
      </ScrollView>

      <View className="form-input roster-page__search">
        <Input
          id="roster-search"
          value={searchText}
          placeholder="搜索姓名或手机尾号"
          maxLength={20}
          clearable
          onChange={(value) => setSearchText(value)}
        />
      </View>

      {roster.loading && !roster.loaded ? (
        <LoadingState />
      ) : roster.error && !roster.loaded ? (
        <ErrorState error={roster.error} onRetry={() => void roster.reload()} />
      ) : roster.items.length === 0 ? (
        <EmptyState
          title={emptyRosterText({ search, status })}
          description={search ? '可以输入姓名中的字，或手机号后四位' : undefined}
          actionText={search || status ? '显示全部' : undefined}
          actionId="clear-roster-filter-button"
          onAction={
            search || status
              ? () => {
                  setSearchText('');
                  setStatus(undefined);
                }
              : undefined
          }
        />
      ) : (
        <View id="roster-list">
          <Text className="list-summary">共 {roster.total} 人</Text>
          {roster.items.map((entry) => (
            <RosterRow key={entry.bookingId} entry={entry} activity={data} onAction={setAction} />
          ))}
          <LoadMore list={roster} />
        </View>
      )}

      <ReasonDialog
        visible={action !== null}
        title={
          proxy
            ? `为 ${action.entry.name} 代签到？`
            : `更正为${action?.kind === 'correct' && action.to === 'checked_in' ? '“已签到”' : '“未到场”'}？`
        }
        description={
          proxy
            ? '用于没有手机、无法出示签到码的居民。请填写原因，会留档备查。'
            : `${action?.entry.name ?? ''} 当前：${action ? ROSTER_LABELS[action.entry.status] : ''}。更正会留档备查，请填写原因。`
        }
        placeholder="原因（最多100字）"
        presets={proxy ? PROXY_PRESETS : CORRECT_PRESETS}
        confirmText={proxy ? '确认代签到' : '确认更正'}
        pending={checkIn.pending || correct.pending}
        inputId={proxy ? 'proxy-reason-input' : 'correct-reason-input'}
        confirmId={proxy ? 'confirm-proxy-check-in-button' : 'confirm-correct-button'}
        cancelId={proxy ? 'cancel-proxy-check-in-button' : 'cancel-correct-button'}
        onConfirm={(reason) => void confirmAction(reason)}
        onCancel={() => setAction(null)}
      />
    </PageShell>
  );
}
