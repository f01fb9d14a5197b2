import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  DELIVERY_MODES,
  ORDER_CHANNELS,
  PREFERRED_TIMES,
  RELATIONSHIPS,
  SERVICE_METHODS,
} from '../../../../../shared/domain/orders';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { PendingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { type Order, type OrderStep, useOrder, useOrderStep } from '../../api/orders';
import { requestOrderNotice } from '../../api/subscribe';
import { CloseDialog } from '../../components/close-dialog';
import { DispatchDialog } from '../../components/dispatch-dialog';
import { PhotoThumb } from '../../components/photo-field';
import { RatingPanel } from '../../components/rating-panel';
import { TextDialog } from '../../components/text-dialog';
import { Timeline } from '../../components/timeline';
import { dueText, minutesText, statusText } from '../../lib/text';
import { scheduleChoices } from '../../lib/when';
import '../../components/orders.scss';

type Dialog = 'cancel' | 'reopen' | 'return' | 'decline' | 'refer' | 'reply' | 'dispatch' | 'close' | null;

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

/** The order's facts as this viewer may see them. */
function Facts({ order }: { order: Order }) {
  const call = () => Taro.makePhoneCall({ phoneNumber: order.contactPhone }).catch(() => undefined);
  return (
    <View className="card" id="order-facts">
      <Row
        label="服务对象"
        value={`${order.recipientName}${order.relationship ? `（${RELATIONSHIPS[order.relationship]}代为点单）` : ''}`}
        id="order-recipient"
      />
      <Row label="站点" value={order.stationName} />
      <Row label="服务方式" value={DELIVERY_MODES[order.delivery]} />
      <Row
        label="方便时间"
        value={`${PREFERRED_TIMES[order.preferredTime]}${order.timeNote ? `，${order.timeNote}` : ''}`}
      />
      <Row label="联系电话" value={order.contactPhone} id="order-phone" />
      {order.address ? <Row label="地址" value={order.address} id="order-address" /> : null}
      {order.viewerRole === 'staff' ? (
        <Row label="来源" value={ORDER_CHANNELS[order.channel]} id="order-channel" />
      ) : null}
      {order.orderedByName ? <Row label="点单人" value={order.orderedByName} /> : null}
      {order.assigneeName ? <Row label="服务人员" value={order.assigneeName} id="order-assignee" /> : null}
      {order.scheduledAt ? (
        <Row label="预约时间" value={formatDateTime(order.scheduledAt)} id="order-scheduled" />
      ) : null}
      {order.description ? <Text className="row-block">{`情况说明：${order.description}`}</Text> : null}
      {order.photoUrl ? <PhotoThumb id="order-photo" url={order.photoUrl} /> : null}
      {order.viewerRole === 'assignee' && !order.contactPhone.includes('*') ? (
        <View className="actions">
          <Button fill="outline" id="call-resident-button" onClick={() => void call()}>
            拨打电话
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 服务单详情: status, facts, what happened (timeline), the rating, and the next step for this viewer. */
export default function OrderDetailPage() {
  const { params } = useRouter();
  const orderId = readParam(params.orderId);
  const order = useOrder(orderId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [referTo, setReferTo] = useState('');
  const [referNote, setReferNote] = useState('');
  const [referProblem, setReferProblem] = useState<string | null>(null);
  const step = useOrderStep({
    onError: () => {
      setDialog(null);
      void order.reload();
      return false;
    },
  });

  usePullDownRefresh(async () => {
    await order.reload();
    Taro.stopPullDownRefresh();
  });

  /**
   * One step. `askNotice`: the tap also asks WeChat for one service-order notice, before any await
   * (the prompt is allowed only inside the gesture) — a worker's take/accept (for 派单 and
   * deadline reminders), a resident's confirm and rate (for what the station does next).
   */
  const run = async (next: OrderStep, done: string, askNotice = false) => {
    if (askNotice) await requestOrderNotice();
    const result = await step.run(next);
    if (result.ok) {
      setDialog(null);
      showSuccess(done);
      await order.reload();
    }
  };

  if (!order.data) {
    return (
      <PageShell>
        <PendingState remote={order} />
      </PageShell>
    );
  }
  const o = order.data;
  const can = o.can;
  const due = dueText(o);
  const choices = scheduleChoices(Date.now());

  return (
    <PageShell>
      <View className="card">
        <Text className="order-card__title" id="order-title">
          {o.urgent ? '【紧急】' : ''}
          {o.itemName}
        </Text>
        <Text className={`status-line${o.overdue ? ' status-line--danger' : ' status-line--ok'}`} id="order-status">
          {o.overdue ? '⚠ 已超时 · ' : ''}
          {statusText(o.status)}
        </Text>
        {due ? (
          <Text className="hint" id="order-due">
            {due}
          </Text>
        ) : null}
        {o.declineReason ? (
          <Text className="notice notice--warn" id="decline-reason">{`未受理原因：${o.declineReason}`}</Text>
        ) : null}
        {o.referral ? (
          <Text
            className="notice"
            id="referral"
          >{`已转介至「${o.referral.to}」${o.referral.note ? `：${o.referral.note}` : ''}`}</Text>
        ) : null}
        {o.closeReason ? (
          <Text className="notice notice--warn" id="close-reason">{`未能办理：${o.closeReason}`}</Text>
        ) : null}
        {o.confirmBy && (can.confirm || can.reopen) ? (
          <Text className="hint" id="confirm-by">{`请在 ${formatDateTime(o.confirmBy)} 前确认，逾期将自动确认`}</Text>
        ) : null}
      </View>

      {o.viewerRole === 'pool' ? (
        <Text className="notice">接单后可查看居民的联系方式和地址。</Text>
      ) : (
        <Facts order={o} />
      )}

      <View className="actions" id="order-actions">
        {can.take ? (
          <Button
            type="primary"
            size="large"
            id="take-order-button"
            loading={step.pending}
            disabled={step.pending}
            onClick={() => void run({ action: 'takeOrder', req: { orderId: o.orderId } }, '已接单', true)}
          >
            接单
          </Button>
        ) : null}
        {can.close ? (
          <Button type="primary" size="large" id="close-order-button" onClick={() => setDialog('close')}>
            记录服务并办结
          </Button>
        ) : null}
        {can.confirm ? (
          <Button
            type="primary"
            id="confirm-order-button"
            loading={step.pending}
            disabled={step.pending}
            onClick={() => void run({ action: 'confirmOrder', req: { orderId: o.orderId } }, '已确认', true)}
          >
            确认已完成
          </Button>
        ) : null}
        {can.reopen ? (
          <Button fill="outline" id="reopen-order-button" onClick={() => setDialog('reopen')}>
            没办好，重新办理
          </Button>
        ) : null}
        {can.release ? (
          <Button
            type="primary"
            id="release-order-button"
            loading={step.pending}
            disabled={step.pending}
            onClick={() => void run({ action: 'releaseOrder', req: { orderId: o.orderId } }, '已受理')}
          >
            受理（放入待接单）
          </Button>
        ) : null}
        {can.dispatch ? (
          <Button type="primary" id="dispatch-order-button" onClick={() => setDialog('dispatch')}>
            {o.assigneeName ? '改派' : '派单'}
          </Button>
        ) : null}
        {can.refer ? (
          <Button fill="outline" id="refer-order-button" onClick={() => setDialog('refer')}>
            转介
          </Button>
        ) : null}
        {can.decline ? (
          <Button fill="outline" type="danger" id="decline-order-button" onClick={() => setDialog('decline')}>
            不受理
          </Button>
        ) : null}
        {can.return ? (
          <Button fill="outline" id="return-order-button" onClick={() => setDialog('return')}>
            退回站点
          </Button>
        ) : null}
        {can.cancel ? (
          <Button fill="outline" type="danger" id="cancel-order-button" onClick={() => setDialog('cancel')}>
            撤销服务单
          </Button>
        ) : null}
      </View>

      {can.schedule ? (
        <View className="card" id="schedule-panel">
          <Text className="section-title">{o.scheduledAt ? '改约服务时间' : '约定服务时间'}</Text>
          <View className="choice-chips">
            {choices.map((c) => (
              <View
                key={c.key}
                id={`schedule-${c.key}`}
                className="filter-chip"
                onClick={() =>
                  void run({ action: 'scheduleOrder', req: { orderId: o.orderId, scheduledAt: c.at } }, '已约定时间')
                }
              >
                {c.label}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {o.records.length ? (
        <View className="card" id="order-records">
          <Text className="section-title">服务记录</Text>
          {o.records.map((r, i) => (
            <View key={`${r.startAt}-${i}`} id={`record-${i}`}>
              <Text className="row-block">{`${formatDateTime(r.startAt)} · ${SERVICE_METHODS[r.method]} · ${minutesText(r.minutes)} · ${r.byName}`}</Text>
              <Text className="row-block">{r.note}</Text>
              {r.hoursClaimed && o.viewerRole !== 'owner' ? (
                <Text className="hint">志愿时长已提交社工站核实</Text>
              ) : null}
              {r.photoUrl ? <PhotoThumb id={`record-photo-${i}`} url={r.photoUrl} /> : null}
            </View>
          ))}
        </View>
      ) : null}

      {can.rate || o.rating ? (
        <RatingPanel
          order={o}
          pending={step.pending}
          onRate={(score, comment) =>
            void run({ action: 'rateOrder', req: { orderId: o.orderId, score, comment } }, '感谢您的评价', true)
          }
        />
      ) : null}
      {can.reply ? (
        <View className="actions">
          <Button fill="outline" id="reply-rating-button" onClick={() => setDialog('reply')}>
            {o.rating?.bad && !o.rating.reviewed ? '回复差评并跟进' : '回复评价'}
          </Button>
        </View>
      ) : null}

      {o.timeline.length ? (
        <View className="card">
          <Text className="section-title">进展</Text>
          <Timeline order={o} />
        </View>
      ) : null}

      <TextDialog
        visible={dialog === 'cancel'}
        title="撤销这张服务单？"
        content="撤销后社工站将不再安排这项服务。"
        label="撤销原因"
        required={false}
        maxLength={100}
        idPrefix="cancel-order"
        confirmText="确认撤销"
        danger
        pending={step.pending}
        onConfirm={(reason) => void run({ action: 'cancelOrder', req: { orderId: o.orderId, reason } }, '已撤销')}
        onCancel={() => setDialog(null)}
      />
      <TextDialog
        visible={dialog === 'reopen'}
        title="要求重新办理"
        content="服务人员会收到通知，重新为您办理。"
        label="哪里没办好"
        required
        maxLength={100}
        idPrefix="reopen"
        confirmText="提交"
        pending={step.pending}
        onConfirm={(reason) => void run({ action: 'reopenOrder', req: { orderId: o.orderId, reason } }, '已提交')}
        onCancel={() => setDialog(null)}
      />
      <TextDialog
        visible={dialog === 'return'}
        title="退回站点"
        content="服务单会回到待接单，由站点重新安排。原因只有社工能看到。"
        label="退回原因"
        required
        maxLength={100}
        idPrefix="return"
        confirmText="确认退回"
        pending={step.pending}
        onConfirm={(reason) => void run({ action: 'returnOrder', req: { orderId: o.orderId, reason } }, '已退回')}
        onCancel={() => setDialog(null)}
      />
      <TextDialog
        visible={dialog === 'decline'}
        title="不受理这张服务单"
        content="居民会看到您填写的原因。"
        label="不受理原因"
        required
        maxLength={100}
        idPrefix="decline"
        confirmText="确认不受理"
        danger
        pending={step.pending}
        onConfirm={(reason) => void run({ action: 'declineOrder', req: { orderId: o.orderId, reason } }, '已处理')}
        onCancel={() => setDialog(null)}
      />
      <TextDialog
        visible={dialog === 'reply'}
        title="回复评价"
        content="居民会看到您的回复。"
        label="回复"
        required
        maxLength={200}
        idPrefix="reply"
        confirmText="发送回复"
        pending={step.pending}
        onConfirm={(reply) => void run({ action: 'replyToRating', req: { orderId: o.orderId, reply } }, '已回复')}
        onCancel={() => setDialog(null)}
      />
      <ConfirmDialog
        visible={dialog === 'refer'}
        title="转介到其他机构"
        confirmText="确认转介"
        pending={step.pending}
        confirmId="confirm-refer-button"
        cancelId="cancel-refer-button"
        onConfirm={() => {
          if (!referTo.trim()) return setReferProblem('请填写转介单位');
          setReferProblem(null);
          void run(
            { action: 'referOrder', req: { orderId: o.orderId, to: referTo.trim(), note: referNote.trim() } },
            '已转介',
          );
        }}
        onCancel={() => setDialog(null)}
      >
        <FormField name="refer-to" label="转介单位" required>
          <View className="form-input">
            <Input id="refer-to-input" value={referTo} maxLength={40} onChange={setReferTo} />
          </View>
        </FormField>
        <FormField name="refer-note" label="转介说明（居民会看到）">
          <View className="form-input">
            <TextArea id="refer-note-input" value={referNote} maxLength={200} onChange={setReferNote} />
          </View>
        </FormField>
        {referProblem ? <Text className="form-field__error">！{referProblem}</Text> : null}
      </ConfirmDialog>
      <DispatchDialog
        visible={dialog === 'dispatch'}
        orderId={o.orderId}
        pending={step.pending}
        onConfirm={(assigneeId, note) =>
          void run({ action: 'dispatchOrder', req: { orderId: o.orderId, assigneeId, note } }, '已派单')
        }
        onCancel={() => setDialog(null)}
      />
      <CloseDialog
        visible={dialog === 'close'}
        stationId={o.stationId}
        orderId={o.orderId}
        volunteer={o.assigneeKind === 'volunteer'}
        pending={step.pending}
        onConfirm={(input) => void run({ action: 'closeOrder', req: { orderId: o.orderId, ...input } }, '已办结')}
        onCancel={() => setDialog(null)}
      />
    </PageShell>
  );
}
