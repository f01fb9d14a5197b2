import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  CLOSE_REASON_KEYS,
  CLOSE_REASONS,
  CONSENT_BY,
  CONSENT_METHODS,
  GENDERS,
  MAJOR_EVENT_KEYS,
  MAJOR_EVENTS,
  NO_CONSENT_NOTICE,
  READ_REASON_KEYS,
  READ_REASONS,
  abnormalItems,
  checklistLabel,
  VISIT_METHODS,
  type CloseReason,
  type MajorEvent,
  type ReadReason,
} from '../../../../../shared/domain/targets';
import { formatDate, formatDateTime } from '../../../../../shared/domain/time';
import { VISIT_STATUS_LABELS } from '../../../../../shared/domain/visit';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { useStationChildren } from '../../../../hooks/use-stations';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import {
  TARGETS_CHANGED,
  useCloseTarget,
  useFlagEvent,
  useSetHomeLocation,
  useMoveTarget,
  usePairVolunteer,
  useTarget,
  useTargetVisits,
  useUnpairVolunteer,
} from '../../api/targets';
import { ChoiceChips, FormField } from '../../components/fields';
import { LinkCodeCard } from '../../components/link-code-card';
import { VisitOrderDialog, type VisitFinding } from '../../components/visit-order-dialog';
import { currentPlace } from '../../lib/location';
import { canAt } from '../../lib/stations';
import {
  ageWords,
  categoryWords,
  deadlineWords,
  dueTone,
  dueWords,
  lastVisitWords,
  tierWords,
  VISIT_PERIOD_LABELS,
} from '../../lib/text';
import '../../components/targets.scss';

type Dialog = 'flag' | 'pair' | 'move' | 'close' | 'home' | null;

const option = <K extends string>(labels: Record<K, string>, keys: readonly K[]) =>
  keys.map((key) => ({ key, label: labels[key] }));

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="meta-row">
      <Text className="meta-label">{label}</Text>
      <Text className="meta-value" id={id}>
        {value}
      </Text>
    </View>
  );
}

/** Destination of a move: a 站 of the district, then (optionally) one of its 室. */
function MovePicker(props: { centerId: string; value: string; onChange: (stationId: string, name: string) => void }) {
  const stations = useStationChildren(props.centerId);
  const [parent, setParent] = useState<string | null>(null);
  const rooms = useStationChildren(parent ?? props.centerId);
  return (
    <View>
      <Text className="hint">选择社工站</Text>
      <View className="choice-chips">
        {stations.items.map((s) => (
          <View
            key={s.stationId}
            id={`move-to-${s.stationId}`}
            className={`filter-chip${props.value === s.stationId ? ' filter-chip--active' : ''}`}
            onClick={() => {
              setParent(s.stationId);
              props.onChange(s.stationId, s.name);
            }}
          >
            {props.value === s.stationId ? `✓ ${s.name}` : s.name}
          </View>
        ))}
      </View>
      {parent ? (
        <View>
          <Text className="hint">或该站下的社工室</Text>
          <View className="choice-chips">
            {rooms.items.map((r) => (
              <View
                key={r.stationId}
                id={`move-to-${r.stationId}`}
                className={`filter-chip${props.value === r.stationId ? ' filter-chip--active' : ''}`}
                onClick={() => props.onChange(r.stationId, r.name)}
              >
                {props.value === r.stationId ? `✓ ${r.name}` : r.name}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

/**
 * One person's record (服务对象档案), for staff of the record's station subtree. Opening someone
 * else's caseload asks why first; the read and the reason are logged and visible to the station
 * head. Shows consent (or what is not kept without it), the visit history, and the actions:
 * record a visit, edit, major event (24 h), pair a volunteer, move, close.
 */
export default function RecordPage() {
  const { params } = useRouter();
  const targetId = readParam(params.targetId);
  const me = useMe();
  const [reason, setReason] = useState<ReadReason | undefined>(
    () => readParam(params.reason) as ReadReason | undefined,
  );
  const record = useTarget(targetId, reason);
  const t = record.data;
  const visits = useTargetVisits(targetId, reason, Boolean(t));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [event, setEvent] = useState<MajorEvent | ''>('');
  const [closeReason, setCloseReason] = useState<CloseReason | ''>('');
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [moveTo, setMoveTo] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [finding, setFinding] = useState<VisitFinding | null>(null);
  const flag = useFlagEvent({ onError: (e) => (setProblem(e.userMessage), true) });
  const pair = usePairVolunteer({ onError: (e) => (setProblem(e.fields?.phone ?? e.userMessage), true) });
  const unpair = useUnpairVolunteer();
  const move = useMoveTarget({ onError: (e) => (setProblem(e.userMessage), true) });
  const close = useCloseTarget({ onError: (e) => (setProblem(e.userMessage), true) });
  const setHome = useSetHomeLocation({ onError: (e) => (setProblem(e.userMessage), true) });
  const [locating, setLocating] = useState(false);

  const open = (which: Dialog) => {
    setDialog(which);
    setProblem(null);
    setNote('');
    setPhone('');
    setEvent('');
    setCloseReason('');
    setMoveTo(null);
  };
  const done = async (message: string) => {
    setDialog(null);
    showSuccess(message);
    Taro.eventCenter.trigger(TARGETS_CHANGED);
    await Promise.all([record.reload(), visits.reload()]);
  };

  if (record.error?.code === 'READ_REASON_REQUIRED') {
    return (
      <PageShell>
        <View className="card" id="read-reason">
          <Text className="text-strong">查看原因</Text>
          <Text className="hint">
            您不是该对象的责任社工。查看完整档案需要说明原因，查看记录会保存 3 年，站长和区级管理员可以看到。
          </Text>
          <ChoiceChips
            name="read-reason"
            options={option(READ_REASONS, READ_REASON_KEYS)}
            value={reason ?? ''}
            onChange={setReason}
          />
        </View>
      </PageShell>
    );
  }
  if (!t) {
    return (
      <PageShell>
        {record.error ? <ErrorState error={record.error} onRetry={() => void record.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }

  const stationPath = t.stationPath;
  const centerId = stationPath[0] ?? '';
  const canManage = canAt(me.data, 'targets:manage', stationPath);
  const active = t.status === 'active';
  const canOrder = active && canAt(me.data, 'order:manage', stationPath);

  return (
    <PageShell>
      <View className="card" id="target-record">
        <Text className="tg-row__name" id="record-name">
          {t.name}
        </Text>
        <Text className="hint">{`${GENDERS[t.gender]} · ${t.birthYear} 年生（${ageWords(t.birthYear)}）`}</Text>
        <View>
          <Text className="chip" id="record-tier">
            {tierWords(t.tier)}
          </Text>
          {t.caseload ? <Text className="chip chip--muted">我负责</Text> : null}
          {!active ? <Text className="chip chip--muted">已结案</Text> : null}
        </View>
        {active ? (
          <Text className={`status-line status-line--${dueTone(t.dueStatus)}`} id="record-due">
            {`${dueWords(t.dueStatus)} · ${lastVisitWords(t.lastVisitAt)}`}
          </Text>
        ) : null}
        {active && t.deadline ? (
          <Text className="hint">{`${deadlineWords(t.deadline)}（${VISIT_PERIOD_LABELS[t.visitPeriod]}）`}</Text>
        ) : null}
        {t.urgentEvent ? (
          <Text className="status-line status-line--danger" id="record-urgent">
            {`！${MAJOR_EVENTS[t.urgentEvent.event]}：请在 ${formatDateTime(t.urgentEvent.dueBy)} 前探访${t.urgentEvent.note ? `（${t.urgentEvent.note}）` : ''}`}
          </Text>
        ) : null}
        {t.close ? (
          <Text className="status-line status-line--warn" id="record-closed">
            {`已结案：${CLOSE_REASONS[t.close.reason]} · ${formatDateTime(t.close.at)}${t.close.note ? ` · ${t.close.note}` : ''}`}
          </Text>
        ) : null}
        {active ? (
          <View className="actions">
            <Button
              type="primary"
              size="large"
              id="record-visit-button"
              onClick={() =>
                openPage(ROUTES.targetsVisit, {
                  targetId: t.targetId,
                  name: t.name,
                  photos: t.consent.status === 'given' ? 1 : 0,
                })
              }
            >
              记录探访
            </Button>
          </View>
        ) : null}
      </View>

      <View className="card">
        <Text className="text-strong">基本信息</Text>
        <Row label="所属站点" value={t.stationName} id="record-station" />
        <Row label="住址" value={`${t.area} ${t.building} ${t.room}`.trim()} />
        <Row
          label="住址位置"
          id="record-home-location"
          value={
            t.homeLocationSetAt
              ? `已在住址处设定（${formatDate(t.homeLocationSetAt)}），上门探访位置与它相距较远时会提示`
              : '未设定：上门探访不核对位置。请在对象家中点“在住址处设定位置”'
          }
        />
        {canManage && active ? (
          <View className="actions">
            <Button fill="outline" id="set-home-location-button" onClick={() => open('home')}>
              {t.homeLocationSetAt ? '重新设定住址位置' : '在住址处设定位置'}
            </Button>
          </View>
        ) : null}
        <Row label="电话" value={t.phones.join('、') || '未填写'} />
        {t.guardian ? (
          <Row label="联系人" value={`${t.guardian.name}（${t.guardian.relation}）${t.guardian.phone}`} />
        ) : null}
        <Row label="身份证号" value={t.idMasked ?? '未登记'} id="record-id" />
        <Row label="对象类别" value={categoryWords(t.categories)} id="record-categories" />
        <Row label="评定理由" value={t.tierReason} />
        <Row label="责任社工" value={t.responsibleWorkerName ?? '待分配'} />
        {t.notes ? <Row label="备注" value={t.notes} /> : null}
        {t.phones[0] ? (
          <View className="actions">
            <Button
              fill="outline"
              id="call-target-button"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: t.phones[0]! })}
            >
              打电话
            </Button>
          </View>
        ) : null}
      </View>

      <View className="card" id="record-consent">
        <Text className="text-strong">个人信息单独同意</Text>
        {t.consent.status === 'given' ? (
          <View>
            <Row label="同意人" value={CONSENT_BY[t.consent.by]} />
            <Row label="方式" value={CONSENT_METHODS[t.consent.method]} />
            <Row label="时间" value={formatDateTime(t.consent.at)} />
            {t.consent.witness ? <Row label="见证人" value={t.consent.witness} /> : null}
            {t.consent.formPhotoUrl ? (
              <Text
                className="hint tap-target"
                id="consent-photo-link"
                onClick={() =>
                  t.consent.status === 'given' &&
                  t.consent.formPhotoUrl &&
                  void Taro.previewImage({ urls: [t.consent.formPhotoUrl] })
                }
              >
                查看同意书照片 ›
              </Text>
            ) : null}
          </View>
        ) : (
          <Text className="tg-notice" id="no-consent-notice">
            {NO_CONSENT_NOTICE}
          </Text>
        )}
      </View>

      <View className="card" id="record-volunteers">
        <Text className="text-strong">配对志愿者</Text>
        {t.pairedVolunteers.length ? (
          t.pairedVolunteers.map((v) => (
            <View className="tg-figure-row" key={v.userId}>
              <Text>{v.name}</Text>
              {canManage && active ? (
                <Text
                  className="tap-target"
                  id={`unpair-${v.userId}`}
                  onClick={async () => {
                    const r = await unpair.run({ targetId: t.targetId, userId: v.userId });
                    if (r.ok) await done('已解除配对');
                  }}
                >
                  解除配对
                </Text>
              ) : null}
            </View>
          ))
        ) : (
          <Text className="hint">暂无。志愿者只能看到对象的姓氏、村/楼栋、联系电话和探访任务。</Text>
        )}
      </View>

      {canManage && active ? (
        <View className="card">
          <Text className="text-strong">档案操作</Text>
          <View className="actions">
            <Button
              fill="outline"
              id="edit-target-button"
              onClick={() => openPage(ROUTES.targetsEdit, { targetId: t.targetId, reason })}
            >
              修改档案
            </Button>
            <Button fill="outline" id="flag-event-button" onClick={() => open('flag')}>
              突发情况（24小时内探访）
            </Button>
            <Button fill="outline" id="pair-volunteer-button" onClick={() => open('pair')}>
              配对志愿者
            </Button>
            <Button fill="outline" id="move-target-button" onClick={() => open('move')}>
              转到其他站点
            </Button>
            <Button fill="outline" type="danger" id="close-target-button" onClick={() => open('close')}>
              结案
            </Button>
          </View>
        </View>
      ) : null}

      {canManage && active ? <LinkCodeCard targetId={t.targetId} /> : null}

      <Text className="section-title">探访记录</Text>
      <View id="record-visits">
        {visits.items.length === 0 && visits.loaded ? <Text className="hint">还没有探访记录</Text> : null}
        {visits.items.map((v) => {
          const abnormal = abnormalItems(v.checklist);
          return (
            <View className="card" key={v.visitId} id={`visit-row-${v.visitId}`}>
              <Text className="text-strong">{`${formatDateTime(v.startAt)} · ${VISIT_METHODS[v.method]}`}</Text>
              <Text className="hint">{`${v.authorName}${v.byVolunteer ? '（志愿者）' : ''} · ${VISIT_STATUS_LABELS[v.status]}${v.draftedOffline ? ' · 离线记录' : ''}`}</Text>
              <Text className={`status-line status-line--${abnormal.length ? 'danger' : 'ok'}`}>
                {abnormal.length ? `！异常：${abnormal.map(checklistLabel).join('、')}` : '✓ 各项正常'}
              </Text>
              {v.followUp ? (
                <Text className="hint">{`跟进：${v.followUp.note}（${v.followUp.dueDate} 前）`}</Text>
              ) : null}
              {v.followUp?.orderId ? (
                <View className="actions">
                  <Text className="status-line status-line--ok" id={`visit-ordered-${v.visitId}`}>
                    ✓ 已转服务单
                  </Text>
                  <Button
                    fill="outline"
                    id={`visit-open-order-${v.visitId}`}
                    onClick={() => openPage(ROUTES.orderDetail, { orderId: v.followUp?.orderId ?? undefined })}
                  >
                    查看服务单
                  </Button>
                </View>
              ) : v.followUp && v.status === 'counted' && abnormal.length && canOrder ? (
                <View className="actions">
                  <Button
                    type="primary"
                    id={`visit-to-order-${v.visitId}`}
                    onClick={() =>
                      setFinding({
                        visitId: v.visitId,
                        stationId: t.stationId,
                        targetName: t.name,
                        abnormal,
                        note: v.followUp?.note ?? '',
                      })
                    }
                  >
                    转为服务单
                  </Button>
                </View>
              ) : null}
              {v.summary ? <Text className="hint">{v.summary}</Text> : null}
              {v.far ? <Text className="hint">{`！记录位置距住址约 ${v.distanceMeters} 米`}</Text> : null}
              {v.photoUrls.length ? (
                <Text className="hint tap-target" onClick={() => void Taro.previewImage({ urls: v.photoUrls })}>
                  {`查看 ${v.photoUrls.length} 张照片 ›`}
                </Text>
              ) : null}
            </View>
          );
        })}
        {visits.items.length ? <LoadMore list={visits} /> : null}
      </View>

      <VisitOrderDialog
        finding={finding}
        onCancel={() => setFinding(null)}
        onCreated={() => {
          setFinding(null);
          showSuccess('已转为服务单');
          Taro.eventCenter.trigger(TARGETS_CHANGED);
          void visits.reload();
        }}
      />

      <Text className="section-title">档案变动</Text>
      <View className="card" id="record-history">
        {t.history.map((h, i) => (
          <Text className="hint" key={`${h.from}-${i}`}>
            {`${formatDateTime(h.from)} 起：${h.stationName} · ${tierWords(h.tier)}${h.endedBy === 'move' ? ' → 转出' : h.endedBy === 'close' ? ' → 结案' : ''}`}
          </Text>
        ))}
      </View>
      {canAt(me.data, 'targets:readLog', stationPath) ? (
        <View className="actions">
          <Button
            fill="outline"
            id="record-read-log-button"
            onClick={() => openPage(ROUTES.targetsReadLog, { stationId: t.stationId, targetId: t.targetId })}
          >
            谁查看过这份档案
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        visible={dialog === 'home'}
        title="在住址处设定位置"
        content="请在服务对象家中操作：用手机当前位置作为住址位置，之后上门探访的位置与它相距较远时会提示。只保存大致位置。"
        confirmText="用当前位置"
        confirmId="confirm-home-location-button"
        cancelId="cancel-home-location-button"
        pending={locating || setHome.pending}
        onCancel={() => setDialog(null)}
        onConfirm={async () => {
          setLocating(true);
          const place = await currentPlace(10_000);
          setLocating(false);
          if (!place) return setProblem('没有取得定位，请允许使用位置信息后重试');
          const r = await setHome.run({ targetId: t.targetId, location: place });
          if (r.ok) await done('已设定住址位置');
        }}
      >
        {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      </ConfirmDialog>

      <ConfirmDialog
        visible={dialog === 'flag'}
        title="突发情况"
        content="标记后该对象须在 24 小时内探访，下一次探访后自动解除。"
        confirmText="确认标记"
        confirmId="confirm-flag-button"
        cancelId="cancel-flag-button"
        pending={flag.pending}
        onCancel={() => setDialog(null)}
        onConfirm={async () => {
          if (!event) return setProblem('请选择情况');
          const r = await flag.run({ targetId: t.targetId, event, note });
          if (r.ok) await done('已标记，24小时内探访');
        }}
      >
        <ChoiceChips name="event" options={option(MAJOR_EVENTS, MAJOR_EVENT_KEYS)} value={event} onChange={setEvent} />
        <View className="form-input">
          <Input id="flag-note-input" value={note} placeholder="说明（可不填）" onChange={setNote} />
        </View>
        {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      </ConfirmDialog>

      <ConfirmDialog
        visible={dialog === 'pair'}
        title="配对志愿者"
        content="请输入志愿者实名登记时的手机号。"
        confirmText="确认配对"
        confirmId="confirm-pair-button"
        cancelId="cancel-pair-button"
        pending={pair.pending}
        onCancel={() => setDialog(null)}
        onConfirm={async () => {
          const r = await pair.run({ targetId: t.targetId, phone: phone.trim() });
          if (r.ok) await done('已配对');
        }}
      >
        <View className="form-input">
          <Input
            id="pair-phone-input"
            type="tel"
            value={phone}
            maxLength={11}
            placeholder="11位手机号"
            onChange={setPhone}
          />
        </View>
        {problem ? (
          <Text className="form-field__error" id="pair-problem">
            ！{problem}
          </Text>
        ) : null}
      </ConfirmDialog>

      <ConfirmDialog
        visible={dialog === 'move'}
        title="转到其他站点"
        content="转出后由新站点负责探访，本站在“已转出”中可以看到记录。"
        confirmText="确认转出"
        confirmId="confirm-move-button"
        cancelId="cancel-move-button"
        pending={move.pending}
        onCancel={() => setDialog(null)}
        onConfirm={async () => {
          if (!moveTo) return setProblem('请选择站点');
          if (!note.trim()) return setProblem('请填写转出原因');
          const r = await move.run({ targetId: t.targetId, rev: t.rev, toStationId: moveTo.id, reason: note.trim() });
          if (r.ok) await done(`已转至${moveTo.name}`);
        }}
      >
        {centerId ? (
          <MovePicker centerId={centerId} value={moveTo?.id ?? ''} onChange={(id, name) => setMoveTo({ id, name })} />
        ) : null}
        <View className="form-input">
          <Input id="move-reason-input" value={note} placeholder="转出原因（如：搬家）" onChange={setNote} />
        </View>
        {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      </ConfirmDialog>

      <ConfirmDialog
        visible={dialog === 'close'}
        title="结案"
        content="结案后不再列入探访计划，以往的探访记录和月报数字保留。"
        confirmText="确认结案"
        danger
        confirmId="confirm-close-button"
        cancelId="cancel-close-button"
        pending={close.pending}
        onCancel={() => setDialog(null)}
        onConfirm={async () => {
          if (!closeReason) return setProblem('请选择结案原因');
          const r = await close.run({ targetId: t.targetId, rev: t.rev, reason: closeReason, note });
          if (r.ok) await done('已结案');
        }}
      >
        <FormField name="close-reason" label="结案原因">
          <ChoiceChips
            name="close-reason"
            options={option(CLOSE_REASONS, CLOSE_REASON_KEYS)}
            value={closeReason}
            onChange={setCloseReason}
          />
        </FormField>
        <View className="form-input">
          <Input id="close-note-input" value={note} placeholder="说明（可不填）" onChange={setNote} />
        </View>
        {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      </ConfirmDialog>
    </PageShell>
  );
}
