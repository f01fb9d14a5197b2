import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { TActivityDetail, TRosterEntry } from '../../../../../shared/contracts/activities';
import { canCorrectAttendance, type AttendanceOutcome, type BookingStatus } from '../../../../../shared/domain/booking';
import { formatDateTime, formatSpan, formatTime } from '../../../../../shared/domain/time';
import { ratingText } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import {
  type RosterCounts,
  useBookOnBehalf,
  useCheckIn,
  useCorrectAttendance,
  useRoster,
} from '../../api/use-attendance';
import { useStaffActivity } from '../../api/use-staff-activity';
import { FormField } from '../../../../components/form-field';
import { ReasonDialog } from '../../components/reason-dialog';
import { type BehalfErrors, type BehalfFormValues, behalfErrorsFrom, validateBehalfForm } from '../../lib/behalf-form';
import './index.scss';

/** Status words at the door (shorter than the resident's own labels). */
const ROSTER_LABELS: Record<BookingStatus, string> = {
  confirmed: '已报名',
  checked_in: '已签到',
  waitlisted: '候补',
  offered: '待确认',
  no_show: '未到场',
  cancelled: '已取消',
  expired: '已失效',
};
/** The counts at the top and the filter chips, in this order. */
const COUNTED: readonly BookingStatus[] = ['confirmed', 'checked_in', 'waitlisted', 'offered', 'no_show', 'cancelled'];

const PROXY_PRESETS = ['未带手机', '不会使用手机', '手机没电'] as const;
const CORRECT_PRESETS = ['签到时漏扫', '实际未到场', '登记有误'] as const;
const BEHALF_PRESETS = ['现场报名，没有手机', '电话报名', '家属代为报名'] as const;

/** The debounced search text: the list reloads once typing pauses. */
function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function statusText(entry: TRosterEntry): string {
  switch (entry.status) {
    case 'waitlisted':
      return entry.waitlistPosition ? `候补第 ${entry.waitlistPosition} 位` : '候补中';
    case 'offered':
      return entry.offerExpiresAt ? `待确认（${formatDateTime(entry.offerExpiresAt)} 前）` : '待确认';
    case 'checked_in':
      return entry.checkedInAt ? `✓ 已签到 ${formatTime(entry.checkedInAt)}` : '✓ 已签到';
    case 'confirmed':
    case 'no_show':
    case 'cancelled':
    case 'expired':
      return ROSTER_LABELS[entry.status];
  }
}

function Counts({ counts }: { counts: RosterCounts }) {
  return (
    <View className="roster-counts" id="roster-counts">
      {COUNTED.map((status) => (
        <View className="roster-counts__cell" key={status} id={`count-${status}`}>
          <Text className="roster-counts__number">{counts[status]}</Text>
          <Text className="roster-counts__label">{ROSTER_LABELS[status]}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * 代报名 as a form on the page (big fields, no scrolling dialog): name, phone and reason, checked
 * with the contract's own request schema before sending.
 */
function BehalfForm({
  activityId,
  onClose,
  onBooked,
}: {
  activityId: string;
  onClose: () => void;
  onBooked: (entry: TRosterEntry) => void;
}) {
  const [values, setValues] = useState<BehalfFormValues>({ name: '', phone: '', reason: '' });
  const [errors, setErrors] = useState<BehalfErrors>({});
  const book = useBookOnBehalf({
    onError: (error) => {
      const fields = behalfErrorsFrom(error.fields);
      if (Object.keys(fields).length) {
        setErrors(fields);
        return true;
      }
      return false;
    },
  });

  const set = (field: keyof BehalfFormValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const checked = validateBehalfForm(activityId, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const result = await book.run(checked.request);
    if (result.ok) onBooked(result.value);
  };

  return (
    <View className="card behalf-form" id="behalf-form">
      <Text className="section-title behalf-form__title">代报名</Text>
      <Text className="hint">为没有手机或不会操作的居民报名。名额已满时会加入候补。</Text>
      <FormField name="behalf-name" label="姓名" required error={errors.name}>
        <View className="form-input">
          <Input
            id="behalf-name-input"
            value={values.name}
            placeholder="居民姓名"
            maxLength={20}
            onChange={(value) => set('name', value)}
          />
        </View>
      </FormField>
      <FormField name="behalf-phone" label="手机号" required error={errors.phone}>
        <View className="form-input">
          <Input
            id="behalf-phone-input"
            type="tel"
            value={values.phone}
            placeholder="11位手机号"
            maxLength={11}
            onChange={(value) => set('phone', value)}
          />
        </View>
      </FormField>
      <FormField name="behalf-reason" label="代报名原因" required error={errors.reason}>
        <View className="choice-chips">
          {BEHALF_PRESETS.map((preset) => (
            <View
              key={preset}
              className={`filter-chip${values.reason === preset ? ' filter-chip--active' : ''}`}
              onClick={() => set('reason', preset)}
            >
              {values.reason === preset ? `✓ ${preset}` : preset}
            </View>
          ))}
        </View>
        <View className="form-input">
          <Input
            id="behalf-reason-input"
            value={values.reason}
            placeholder="或填写其他原因"
            maxLength={100}
            onChange={(value) => set('reason', value)}
          />
        </View>
      </FormField>
      <View className="actions">
        <Button id="cancel-behalf-button" onClick={onClose}>
          取消
        </Button>
        <Button
          type="primary"
          id="submit-behalf-button"
          loading={book.pending}
          disabled={book.pending}
          onClick={() => void submit()}
        >
          确认代报名
        </Button>
      </View>
    </View>
  );
}

type RowAction =
  { kind: 'proxy'; entry: TRosterEntry } | { kind: 'correct'; entry: TRosterEntry; to: AttendanceOutcome };

function RosterRow({
  entry,
  activity,
  onAction,
}: {
  entry: TRosterEntry;
  activity: TActivityDetail | undefined;
  onAction: (action: RowAction) => void;
}) {
  const ended = activity ? Date.parse(activity.endAt) <= Date.now() : false;
  const live = activity?.status === 'published' && !ended;
  const canProxy = live && entry.status === 'confirmed';
  const correctable = (to: AttendanceOutcome) =>
    activity !== undefined &&
    canCorrectAttendance({
      activity: { status: activity.status, endAt: new Date(activity.endAt) },
      from: entry.status,
      to,
      now: new Date(),
    });
  const canCorrectToCheckedIn = correctable('checked_in');
  const canCorrectToNoShow = correctable('no_show');
  const tone =
    entry.status === 'checked_in' || entry.status === 'confirmed'
      ? 'ok'
      : entry.status === 'cancelled' || entry.status === 'expired' || entry.status === 'no_show'
        ? 'danger'
        : 'warn';
  return (
    <View className="card roster-row" id={`roster-row-${entry.bookingId}`}>
      <View className="roster-row__head">
        <Text className="roster-row__name">{entry.name}</Text>
        {entry.phoneTail ? <Text className="roster-row__phone">尾号 {entry.phoneTail}</Text> : null}
        {entry.bookedByStaff ? <Text className="chip chip--muted">代报名</Text> : null}
      </View>
      <Text className={`status-line status-line--${tone}`}>{statusText(entry)}</Text>
      {canProxy || canCorrectToCheckedIn || canCorrectToNoShow ? (
        <View className="actions">
          {canProxy ? (
            <Button
              type="primary"
              fill="outline"
              id={`proxy-check-in-${entry.bookingId}`}
              onClick={() => onAction({ kind: 'proxy', entry })}
            >
              代签到
            </Button>
          ) : null}
          {canCorrectToCheckedIn ? (
            <Button
              fill="outline"
              id={`correct-checked_in-${entry.bookingId}`}
              onClick={() => onAction({ kind: 'correct', entry, to: 'checked_in' })}
            >
              更正为已签到
            </Button>
          ) : null}
          {canCorrectToNoShow ? (
            <Button
              fill="outline"
              id={`correct-no_show-${entry.bookingId}`}
              onClick={() => onAction({ kind: 'correct', entry, to: 'no_show' })}
            >
              更正为未到场
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * Staff: who booked, who waits, who came. Counts per status, filters, search by name or phone
 * tail, and per person 代签到 (with a reason) or, after the activity, 更正 已签到 ↔ 未到场; plus 代报名.
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
  const now = Date.now();
  const live = data?.status === 'published' && Date.parse(data.endAt) > now;
  const canBookOnBehalf =
    data?.status === 'published' && Date.parse(data.signUpClosesAt) > now && Date.parse(data.startAt) > now;
  const rating = data ? ratingText(data) : null;

  const confirmAction = async (reason: string) => {
    if (!action) return;
    if (action.kind === 'proxy') {
      const result = await checkIn.run({ activityId, bookingId: action.entry.bookingId, reason });
      setAction(null);
      if (result.ok) {
        showSuccess(result.value.result === 'checked_in' ? '代签到成功' : '此前已签到');
        await roster.reload();
      }
      return;
    }
    const result = await correct.run(activityId, action.entry.bookingId, action.to, reason);
    setAction(null);
    if (result.ok) {
      showSuccess('已更正');
      await roster.reload();
    }
  };

  const chips: { key: BookingStatus | undefined; label: string }[] = [
    { key: undefined, label: '全部' },
    ...COUNTED.map((key) => ({ key, label: ROSTER_LABELS[key] })),
    ...(roster.counts?.expired ? [{ key: 'expired' as const, label: ROSTER_LABELS.expired }] : []),
  ];

  return (
    <PageShell>
      <View className="card">
        <Text className="roster-page__title" id="roster-activity-title">
          {roster.activityTitle || data?.title || '报名名单'}
        </Text>
        {data ? <Text className="hint">活动时间：{formatSpan(data)}</Text> : null}
        {rating ? <Text className="hint">评价：★ {rating}</Text> : null}
        {roster.counts ? <Counts counts={roster.counts} /> : null}
        <View className="actions">
          {live ? (
            <Button type="primary" id="open-scan-button" onClick={() => openPage(ROUTES.staffScan, { activityId })}>
              扫码签到
            </Button>
          ) : null}
          {canBookOnBehalf && !behalfOpen ? (
            <Button type="primary" fill="outline" id="book-on-behalf-button" onClick={() => setBehalfOpen(true)}>
              代报名
            </Button>
          ) : null}
          <Button fill="outline" id="open-ratings-button" onClick={() => openPage(ROUTES.staffRatings, { activityId })}>
            查看评价
          </Button>
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
          title={search ? `没有找到“${search}”` : status ? `没有${ROSTER_LABELS[status]}的居民` : '还没有人报名'}
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
          action?.kind === 'proxy'
            ? `为 ${action.entry.name} 代签到？`
            : `更正为${action?.to === 'checked_in' ? '“已签到”' : '“未到场”'}？`
        }
        description={
          action?.kind === 'proxy'
            ? '用于没有手机、无法出示签到码的居民。请填写原因，会留档备查。'
            : `${action?.entry.name ?? ''} 当前：${action ? ROSTER_LABELS[action.entry.status] : ''}。更正会留档备查，请填写原因。`
        }
        placeholder="原因（最多100字）"
        presets={action?.kind === 'proxy' ? PROXY_PRESETS : CORRECT_PRESETS}
        confirmText={action?.kind === 'proxy' ? '确认代签到' : '确认更正'}
        pending={checkIn.pending || correct.pending}
        inputId={action?.kind === 'proxy' ? 'proxy-reason-input' : 'correct-reason-input'}
        confirmId={action?.kind === 'proxy' ? 'confirm-proxy-check-in-button' : 'confirm-correct-button'}
        cancelId={action?.kind === 'proxy' ? 'cancel-proxy-check-in-button' : 'cancel-correct-button'}
        onConfirm={(reason) => void confirmAction(reason)}
        onCancel={() => setAction(null)}
      />
    </PageShell>
  );
}
