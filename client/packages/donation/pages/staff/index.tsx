import { Button, Input, Tabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { ResponseOf } from '../../../../../shared/contracts/common';
import type { donationsContract, TNeed } from '../../../../../shared/contracts/donations';
import {
  BENEFICIARY_GROUPS,
  DELIVERY_METHODS,
  PLEDGE_STATUS_LABELS,
  formatFen,
  isValueSetByDonor,
  type PledgeQueueView,
} from '../../../../../shared/domain/donation';
import { canAnywhere, scopeRoots } from '../../../../../shared/domain/policy';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import {
  NEEDS_CHANGED,
  useCloseNeed,
  useConfirmArrival,
  useDistribute,
  useStaffQueue,
  useStationActivities,
  useStationNeeds,
  useThank,
  useVoidPledge,
} from '../../api/donations';
import { ArrivalPhoto, ArrivalPhotoField, type UploadedPhoto } from '../../components/arrival-photo';
import { ChoiceChips, FormField, Progress } from '../../components/fields';
import { FormDialog } from '../../components/form-dialog';
import { beijingDate, fenToYuanText, wholeNumber } from '../../lib/format';
import { yuanToFen } from '../../lib/forms';
import '../../components/donation.scss';

type StaffPledge = ResponseOf<typeof donationsContract, 'staffQueue'>['items'][number];
type Mode = 'receive' | 'distribute' | 'thank' | 'void';

const VIEWS: { key: PledgeQueueView; label: string }[] = [
  { key: 'expected', label: '本周待收' },
  { key: 'overdue', label: '已逾期' },
  { key: 'partial', label: '部分到达' },
  { key: 'received', label: '已接收' },
  { key: 'pledged', label: '全部待收' },
];

const TITLES: Record<Mode, string> = {
  receive: '确认接收',
  distribute: '登记发放',
  thank: '感谢捐赠人',
  void: '作废认捐',
};
const CONFIRMS: Record<Mode, string> = {
  receive: '确认接收',
  distribute: '登记发放',
  thank: '发送感谢',
  void: '确认作废',
};
const DONE: Record<Mode, string> = {
  receive: '已确认接收',
  distribute: '已登记发放',
  thank: '已发送感谢',
  void: '已作废',
};
const NOTE_LABELS: Record<Mode, string> = {
  receive: '备注',
  distribute: '备注',
  thank: '感谢语',
  void: '作废原因（将告知捐赠人）',
};

/** The console's queue links (`filter=`) and the tab each opens. */
const FILTER_VIEWS: Record<string, PledgeQueueView> = {
  week: 'expected',
  expected: 'expected',
  overdue: 'overdue',
  partial: 'partial',
  received: 'received',
  pledged: 'pledged',
};

/** Staff: the pledge queues of a managed station, arrival, distribution, thanks, needs. */
export default function DonationStaffPage() {
  const me = useMe();
  const stations = useMemo(() => {
    const roots = me.data ? scopeRoots({ grants: me.data.roles }, 'donation:manage') : [];
    return (me.data?.roles ?? []).filter((r) => roots.includes(r.stationId));
  }, [me.data]);
  const { params } = useRouter();
  const [stationId, setStationId] = useState<string | undefined>();
  useEffect(() => {
    if (stationId || !stations.length) return;
    // The console links here with ?stationId=&filter=week|overdue; an unmanaged station falls back.
    const asked = readParam(params.stationId);
    setStationId(stations.some((s) => s.stationId === asked) ? asked : stations[0].stationId);
  }, [stations, stationId, params.stationId]);
  const [view, setView] = useState<PledgeQueueView>(() => FILTER_VIEWS[readParam(params.filter) ?? ''] ?? 'expected');
  const queue = useStaffQueue(stationId, view);
  const needs = useStationNeeds(stationId);
  const activities = useStationActivities(stationId);
  const [activityId, setActivityId] = useState('');
  const reloadNeeds = needs.reload;
  useEffect(() => {
    const listener = () => void reloadNeeds();
    Taro.eventCenter.on(NEEDS_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(NEEDS_CHANGED, listener);
    };
  }, [reloadNeeds]);

  const [active, setActive] = useState<{ mode: Mode; pledge: StaffPledge } | null>(null);
  const [quantity, setQuantity] = useState('');
  const [unitYuan, setUnitYuan] = useState('');
  const [note, setNote] = useState('');
  const [group, setGroup] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);
  const [closing, setClosing] = useState<TNeed | null>(null);
  const [closeReason, setCloseReason] = useState('');
  const [closeProblem, setCloseProblem] = useState<string | null>(null);

  const receive = useConfirmArrival();
  const distribute = useDistribute();
  const thank = useThank();
  const voidPledge = useVoidPledge();
  const close = useCloseNeed();

  usePullDownRefresh(async () => {
    await Promise.all([queue.reload(), needs.reload()]);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void queue.loadMore());

  const start = (mode: Mode, pledge: StaffPledge) => {
    setActive({ mode, pledge });
    setProblem(null);
    setPhoto(null);
    setNote('');
    setGroup('');
    setActivityId('');
    setUnitYuan(fenToYuanText(pledge.unitValueFen));
    setQuantity(
      String(mode === 'receive' ? pledge.quantity : Math.max(0, pledge.receivedQuantity - pledge.distributedQuantity)),
    );
  };

  const submit = async () => {
    if (!active) return;
    const { mode, pledge } = active;
    const n = wholeNumber(quantity);
    let ok = false;
    if (mode === 'receive') {
      if (!n || n < 1) return setProblem('请填写实际接收数量（整数）');
      // A donor's own figure is confirmed (or corrected) here; a need's value stands.
      const unitValueFen = isValueSetByDonor(pledge) ? yuanToFen(unitYuan) : undefined;
      if (unitValueFen === null) return setProblem('每单位价值请填写金额，如 35 或 35.50');
      ok = (
        await receive.run({
          pledgeId: pledge.pledgeId,
          receivedQuantity: n,
          ...(unitValueFen !== undefined ? { unitValueFen } : {}),
          note: note.trim(),
          ...(photo ? { photoFileId: photo.fileId } : {}),
        })
      ).ok;
    } else if (mode === 'distribute') {
      const left = pledge.receivedQuantity - pledge.distributedQuantity;
      if (!n || n < 1 || n > left) return setProblem(`发放数量须为 1 到 ${left} 之间的整数`);
      if (!group) return setProblem('请选择受益群体');
      ok = (
        await distribute.run({
          pledgeId: pledge.pledgeId,
          quantity: n,
          beneficiaryGroup: group,
          note: note.trim(),
          ...(activityId ? { activityId } : {}),
        })
      ).ok;
    } else if (mode === 'void') {
      if (!note.trim()) return setProblem('请填写作废原因（将告知捐赠人）');
      ok = (await voidPledge.run(pledge.pledgeId, note.trim())).ok;
    } else {
      if (!note.trim()) return setProblem('请填写感谢语');
      ok = (await thank.run(pledge.pledgeId, note.trim())).ok;
    }
    if (ok) {
      setActive(null);
      showSuccess(DONE[mode]);
      await queue.reload();
    }
  };

  const confirmClose = async () => {
    if (!closing) return;
    if (!closeReason.trim()) return setCloseProblem('请选择关闭原因');
    const result = await close.run(closing.needId, closeReason.trim());
    if (result.ok) {
      setClosing(null);
      showSuccess('需求已关闭');
      await needs.reload();
    }
  };

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

  const pending = receive.pending || distribute.pending || thank.pending || voidPledge.pending;
  return (
    <PageShell>
      <View className="choice-chips" id="donation-station-picker">
        {stations.map((s) => (
          <View
            key={s.stationId}
            id={`donation-station-${s.stationId}`}
            className={`filter-chip${s.stationId === stationId ? ' filter-chip--active' : ''}`}
            onClick={() => setStationId(s.stationId)}
          >
            {s.stationId === stationId ? `✓ ${s.stationName}` : s.stationName}
          </View>
        ))}
      </View>
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
            onClick={() =>
              openPage(ROUTES.donationCharities, {
                centerId: me.data?.roles.find((r) => r.role === 'admin' && r.stationTier === 'center')?.stationId,
              })
            }
          >
            慈善组织名录
          </Button>
        ) : null}
      </View>

      <Tabs value={view} onChange={(v) => setView(v as PledgeQueueView)} activeType="line">
        {VIEWS.map((v) => (
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
            <View className="card" key={p.pledgeId} id={`staff-pledge-${p.pledgeId}`}>
              <Text className="activity-card__title">{p.needTitle ?? '站点统筹捐赠'}</Text>
              <Text className="status-line">
                {PLEDGE_STATUS_LABELS[p.status]}
                {p.overdue ? ' · ！已逾期' : ''}
              </Text>
              <Text className="row-block">
                {p.donorName}（{p.contactMasked}）认捐 {p.quantity} {p.unit}，{DELIVERY_METHODS[p.deliveryMethod]}，预计{' '}
                {beijingDate(p.expectedDate)}
              </Text>
              <Text className="row-block">
                已接收 {p.receivedQuantity}，已发放 {p.distributedQuantity} {p.unit}
              </Text>
              {p.message ? <Text className="row-block">留言：{p.message}</Text> : null}
              {p.thankYouNote ? <Text className="row-block">已致谢：{p.thankYouNote}</Text> : null}
              {p.arrivalPhotoUrl ? <ArrivalPhoto id={`staff-photo-${p.pledgeId}`} url={p.arrivalPhotoUrl} /> : null}
              <View className="actions">
                {p.status === 'pledged' ? (
                  <Button type="primary" id={`confirm-arrival-${p.pledgeId}`} onClick={() => start('receive', p)}>
                    确认接收
                  </Button>
                ) : null}
                {p.status === 'pledged' ? (
                  <Button
                    type="danger"
                    fill="outline"
                    id={`void-pledge-${p.pledgeId}`}
                    onClick={() => start('void', p)}
                  >
                    作废
                  </Button>
                ) : null}
                {p.status === 'received' && p.receivedQuantity > p.distributedQuantity ? (
                  <Button type="primary" id={`distribute-${p.pledgeId}`} onClick={() => start('distribute', p)}>
                    登记发放
                  </Button>
                ) : null}
                {(p.status === 'received' || p.status === 'distributed') && !p.thankYouNote ? (
                  <Button type="primary" fill="outline" id={`thank-${p.pledgeId}`} onClick={() => start('thank', p)}>
                    感谢捐赠人
                  </Button>
                ) : null}
              </View>
            </View>
          ))}
          <LoadMore list={queue} />
        </View>
      )}

      <Text className="section-title">征集中的需求</Text>
      <View id="staff-needs">
        {needs.items.length === 0 && needs.loaded ? <Text className="row-block">暂无征集中的需求</Text> : null}
        {needs.items.map((need) => (
          <View className="card" key={need.needId} id={`staff-need-${need.needId}`}>
            <Text className="activity-card__title">{need.title}</Text>
            <Progress
              received={need.receivedQuantity}
              target={need.targetQuantity}
              pledged={need.pledgedQuantity}
              unit={need.unit}
              percent={need.receivedPercent}
            />
            <Button
              type="danger"
              fill="outline"
              id={`close-need-${need.needId}`}
              onClick={() => {
                setClosing(need);
                setCloseReason('');
              }}
            >
              关闭需求
            </Button>
          </View>
        ))}
      </View>

      <FormDialog
        visible={active !== null}
        title={active ? TITLES[active.mode] : ''}
        confirmText={active ? CONFIRMS[active.mode] : ''}
        danger={active?.mode === 'void'}
        confirmId="submit-staff-action-button"
        cancelId="cancel-staff-action-button"
        pending={pending}
        problem={problem}
        onConfirm={() => void submit()}
        onCancel={() => setActive(null)}
      >
        {active?.mode === 'void' ? (
          <Text className="confirm-dialog__content">
            作废后这份认捐不再占用需求数量，捐赠人会在“消息”中收到通知和原因。
          </Text>
        ) : null}
        {active && (active.mode === 'receive' || active.mode === 'distribute') ? (
          <FormField
            name="staff-quantity"
            label={`${active.mode === 'receive' ? '实际接收数量' : '发放数量'}（${active.pledge.unit}）`}
            hint={
              active.mode === 'receive'
                ? `认捐 ${active.pledge.quantity} ${active.pledge.unit}，实际到达多少填多少`
                : `可发放 ${active.pledge.receivedQuantity - active.pledge.distributedQuantity} ${active.pledge.unit}`
            }
          >
            <View className="form-input">
              <Input
                id="staff-quantity-input"
                type="number"
                value={quantity}
                onChange={(v) => {
                  setQuantity(v);
                  setProblem(null);
                }}
              />
            </View>
          </FormField>
        ) : null}
        {active?.mode === 'receive' && isValueSetByDonor(active.pledge) ? (
          <FormField
            name="staff-unit-value"
            label={`每${active.pledge.unit}价值（元）`}
            hint={`捐赠人填写 ${formatFen(active.pledge.unitValueFen)}，请按实物核对，计入月报和公示账本`}
          >
            <View className="form-input">
              <Input
                id="staff-unit-value-input"
                type="digit"
                value={unitYuan}
                onChange={(v) => {
                  setUnitYuan(v);
                  setProblem(null);
                }}
              />
            </View>
          </FormField>
        ) : null}
        {active?.mode === 'distribute' ? (
          <FormField name="staff-group" label="受益群体">
            <ChoiceChips
              name="group"
              options={BENEFICIARY_GROUPS.map((g) => ({ key: g as string, label: g as string }))}
              value={group}
              onChange={(g) => {
                setGroup(g);
                setProblem(null);
              }}
            />
          </FormField>
        ) : null}
        {active?.mode === 'distribute' && activities.data?.items.length ? (
          <FormField name="staff-activity" label="关联活动（可不选）">
            <ChoiceChips
              name="activity"
              options={[
                { key: 'none', label: '不关联活动' },
                ...activities.data.items.map((a) => ({ key: a.activityId, label: a.title })),
              ]}
              value={activityId || 'none'}
              onChange={(key) => setActivityId(key === 'none' ? '' : key)}
            />
          </FormField>
        ) : null}
        {active?.mode === 'receive' ? (
          <ArrivalPhotoField pledgeId={active.pledge.pledgeId} value={photo} onChange={setPhoto} />
        ) : null}
        <FormField name="staff-note" label={active ? NOTE_LABELS[active.mode] : '备注'}>
          <View className="form-input">
            <Input
              id="staff-note-input"
              value={note}
              maxLength={200}
              onChange={(v) => {
                setNote(v);
                setProblem(null);
              }}
            />
          </View>
        </FormField>
      </FormDialog>

      <FormDialog
        visible={closing !== null}
        title="关闭这项需求？"
        confirmText="确认关闭"
        danger
        confirmId="confirm-close-need-button"
        cancelId="keep-need-button"
        pending={close.pending}
        problem={closeProblem}
        onConfirm={() => void confirmClose()}
        onCancel={() => setClosing(null)}
      >
        <Text className="confirm-dialog__content">关闭后「{closing?.title ?? ''}」不再接受认捐，请选择原因。</Text>
        <ChoiceChips
          name="close-reason"
          options={['已足够', '需求取消', '信息有误'].map((r) => ({ key: r, label: r }))}
          value={closeReason}
          onChange={(r) => {
            setCloseReason(r);
            setCloseProblem(null);
          }}
        />
      </FormDialog>
    </PageShell>
  );
}
