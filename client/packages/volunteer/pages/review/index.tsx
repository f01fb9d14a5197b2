import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TClaim } from '../../../../../shared/contracts/volunteering';
import { canAnywhere } from '../../../../../shared/domain/policy';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import '../../../../components/confirm-dialog.scss';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { useAdjustHours, useConfirmAutoClosed, useReviewClaim, useReviewQueue } from '../../api/volunteering';
import { Chips } from '../../components/fields';
import { IdDisputesCard } from '../../components/id-disputes-card';
import { ReasonDialog } from '../../components/reason-dialog';
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';

type Pending =
  | { kind: 'approve' | 'reject'; claim: TClaim }
  | { kind: 'confirm'; entryId: string; text: string }
  | { kind: 'adjust'; entryId: string; text: string };

/** Staff: pending 补录 claims and auto-closed check-outs of a station they manage. */
export default function VolunteerReviewPage() {
  const me = useMe();
  const stations = (me.data?.roles ?? []).filter((role) => canAnywhere({ grants: [role] }, 'hours:approve'));
  const [chosen, setChosen] = useState<string | undefined>();
  const stationId = chosen ?? stations[0]?.stationId;
  const queue = useReviewQueue(stationId);
  const [pending, setPending] = useState<Pending | null>(null);
  const [delta, setDelta] = useState(-30);
  const done = (message: string) => {
    setPending(null);
    showSuccess(message);
    void queue.reload();
  };
  const review = useReviewClaim();
  const confirmAuto = useConfirmAutoClosed();
  const adjust = useAdjustHours();

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
        <EmptyState title="只有站点社工可以审核志愿时长" />
      </PageShell>
    );
  }
  const data = queue.data;
  return (
    <PageShell>
      <View className="card">
        <Text className="vol-title">志愿时长审核</Text>
        <Chips
          idPrefix="review-station"
          options={stations.map((s) => ({ key: s.stationId, label: s.stationName }))}
          chosen={stationId ? [stationId] : []}
          onToggle={setChosen}
        />
      </View>
      {!data ? (
        queue.error ? (
          <ErrorState error={queue.error} onRetry={() => void queue.reload()} />
        ) : (
          <LoadingState />
        )
      ) : (
        <View>
          <View className="card" id="pending-claims">
            <Text className="section-title">待审核的补录申请（{data.claims.length}）</Text>
            {data.claims.length === 0 ? <Text className="hint">没有待审核的申请。</Text> : null}
            {data.claims.map((claim) => (
              <View className="vol-row" key={claim.claimId} id={`review-claim-${claim.claimId}`}>
                <Text className="vol-row__line text-strong">{`${claim.volunteerName}（${claim.volunteerNo}）`}</Text>
                <Text className="vol-row__line">{`${formatDateTime(claim.startAt)} 起 ${hoursText(claim.minutes)}`}</Text>
                <Text className="hint">{`${claim.activityTitle ?? '未关联活动'} · ${claim.description}`}</Text>
                <View className="vol-chips">
                  <Button
                    type="primary"
                    id={`approve-claim-${claim.claimId}`}
                    onClick={() => setPending({ kind: 'approve', claim })}
                  >
                    通过
                  </Button>
                  <Button
                    type="danger"
                    fill="outline"
                    id={`reject-claim-${claim.claimId}`}
                    onClick={() => setPending({ kind: 'reject', claim })}
                  >
                    不通过
                  </Button>
                </View>
              </View>
            ))}
          </View>
          {stationId ? <IdDisputesCard stationId={stationId} /> : null}
          <View className="card" id="auto-closed">
            <Text className="section-title">系统自动签退待确认（{data.autoClosed.length}）</Text>
            {data.autoClosed.length === 0 ? <Text className="hint">没有待确认的记录。</Text> : null}
            {data.autoClosed.map((entry) => {
              const text = `${entry.volunteerName} · ${entry.activityTitle ?? ''} · ${hoursText(entry.minutes)}`;
              return (
                <View className="vol-row" key={entry.entryId} id={`auto-closed-${entry.entryId}`}>
                  <Text className="vol-row__line text-strong">{text}</Text>
                  <Text className="hint">{`${formatDateTime(entry.serviceDate)} · 忘记签退，系统按规则自动签退`}</Text>
                  <View className="vol-chips">
                    <Button
                      type="primary"
                      id={`confirm-auto-${entry.entryId}`}
                      onClick={() => setPending({ kind: 'confirm', entryId: entry.entryId, text })}
                    >
                      确认
                    </Button>
                    <Button
                      fill="outline"
                      id={`adjust-entry-${entry.entryId}`}
                      onClick={() => {
                        setDelta(-30);
                        setPending({ kind: 'adjust', entryId: entry.entryId, text });
                      }}
                    >
                      更正
                    </Button>
                  </View>
                </View>
              );
            })}
          </View>
        </View>
      )}

      <ReasonDialog
        visible={pending?.kind === 'approve' || pending?.kind === 'reject'}
        title={pending?.kind === 'reject' ? '不通过这条补录' : '通过这条补录'}
        content={
          pending && (pending.kind === 'approve' || pending.kind === 'reject')
            ? `${pending.claim.volunteerName}：${hoursText(pending.claim.minutes)}。${pending.kind === 'approve' ? '通过后时长记入台账，不能撤销。' : ''}`
            : ''
        }
        confirmText={pending?.kind === 'reject' ? '确认不通过' : '确认通过'}
        danger={pending?.kind === 'reject'}
        required={pending?.kind === 'reject'}
        idPrefix="review"
        pending={review.pending}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => {
          if (!pending || (pending.kind !== 'approve' && pending.kind !== 'reject')) return;
          void review.run(pending.claim.claimId, pending.kind, reason).then((answer) => {
            if (answer.ok) done(pending.kind === 'approve' ? '已通过' : '已退回');
          });
        }}
      />
      <ConfirmDialog
        visible={pending?.kind === 'confirm'}
        title="确认自动签退的时长"
        content={pending?.kind === 'confirm' ? `${pending.text}，按现有时长确认。` : ''}
        confirmText="确认无误"
        confirmId="confirm-auto-closed-button"
        cancelId="cancel-auto-closed-button"
        pending={confirmAuto.pending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.kind !== 'confirm') return;
          void confirmAuto.run(pending.entryId).then((answer) => {
            if (answer.ok) done('已确认');
          });
        }}
      />
      <ReasonDialog
        visible={pending?.kind === 'adjust'}
        title="更正服务时长"
        content={pending?.kind === 'adjust' ? `${pending.text}。更正会追加一条记录，原记录保留。` : ''}
        confirmText="确认更正"
        required
        idPrefix="adjust"
        pending={adjust.pending}
        check={() => (delta === 0 ? '调整不能为0' : null)}
        extra={
          <View className="vol-chips">
            <View className="vol-chip" id="adjust-minus" onClick={() => setDelta((d) => Math.max(-720, d - 30))}>
              <Text>减半小时</Text>
            </View>
            <Text className="text-strong" id="adjust-delta">
              {delta > 0 ? `增加 ${delta} 分钟` : delta < 0 ? `减少 ${-delta} 分钟` : '不变'}
            </Text>
            <View className="vol-chip" id="adjust-plus" onClick={() => setDelta((d) => Math.min(720, d + 30))}>
              <Text>加半小时</Text>
            </View>
          </View>
        }
        onCancel={() => setPending(null)}
        onConfirm={(reason) => {
          if (pending?.kind !== 'adjust') return;
          void adjust.run(pending.entryId, delta, reason).then((answer) => {
            if (answer.ok) done('已更正');
          });
        }}
      />
    </PageShell>
  );
}
