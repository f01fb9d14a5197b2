import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { checklistLabel, VISIT_METHODS } from '../../../../../shared/domain/targets';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { TARGETS_CHANGED, useConfirmVisit, useVisitQueue, type QueueItem } from '../../api/targets';
import { StationChips } from '../../components/fields';
import { VisitOrderDialog, type VisitFinding } from '../../components/visit-order-dialog';
import { stationsWith } from '../../lib/stations';
import '../../components/targets.scss';

type Tab = 'pending' | 'followUps';

/**
 * 待确认与跟进: volunteer visits a 社工 confirms (then they count) or declines with a reason, and
 * abnormal findings whose follow-up has no service order yet — 转为服务单 makes one, and the card
 * then says 已转服务单 and opens it (the queue drops it at the next reload).
 */
export default function QueuePage() {
  const me = useMe();
  const { params } = useRouter();
  const stations = stationsWith(me.data, 'visits:record');
  const [chosen, setChosen] = useState<string | undefined>(() => readParam(params.stationId));
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const [tab, setTab] = useState<Tab>(params.tab === 'followUps' ? 'followUps' : 'pending');
  const queue = useVisitQueue(stationId, tab);
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [finding, setFinding] = useState<VisitFinding | null>(null);
  /** Orders made on this page, by visit: the card stays with a link until the next reload. */
  const [ordered, setOrdered] = useState<Record<string, string>>({});
  const decide = useConfirmVisit({ onError: (e) => (setProblem(e.fields?.reason ?? e.userMessage), true) });
  usePullDownRefresh(async () => {
    await queue.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void queue.loadMore());

  const run = async (item: QueueItem, decision: 'confirm' | 'reject', why = '') => {
    const result = await decide.run({ visitId: item.visitId, decision, reason: why });
    if (!result.ok) return;
    setRejecting(null);
    showSuccess(decision === 'confirm' ? '已确认计入' : '已退回');
    Taro.eventCenter.trigger(TARGETS_CHANGED);
    await queue.reload();
  };

  if (!me.data)
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  return (
    <PageShell>
      <StationChips stations={stations} value={stationId} onChange={setChosen} />
      <View className="choice-chips">
        {(
          [
            ['pending', '志愿者探访待确认'],
            ['followUps', '异常待跟进'],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            id={`tab-${key}`}
            className={`filter-chip${tab === key ? ' filter-chip--active' : ''}`}
            onClick={() => setTab(key)}
          >
            {tab === key ? `✓ ${label}` : label}
          </View>
        ))}
      </View>
      {queue.error && !queue.items.length ? (
        <ErrorState error={queue.error} onRetry={() => void queue.reload()} />
      ) : !queue.loaded ? (
        <LoadingState />
      ) : queue.items.length === 0 ? (
        <EmptyState title={tab === 'pending' ? '没有待确认的志愿者探访' : '没有待跟进的异常'} />
      ) : (
        <View id="queue-list">
          {queue.items.map((item) => (
            <View className="card" key={item.visitId} id={`queue-${item.visitId}`}>
              <Text className="tg-row__name">{item.targetName}</Text>
              <Text className="hint">{`${item.stationName} · ${formatDateTime(item.startAt)} · ${VISIT_METHODS[item.method]} · ${item.authorName}`}</Text>
              <Text className={`status-line status-line--${item.abnormal.length ? 'danger' : 'ok'}`}>
                {item.abnormal.length ? `！异常：${item.abnormal.map(checklistLabel).join('、')}` : '✓ 各项正常'}
              </Text>
              {item.followUp ? (
                <Text className="hint">{`跟进：${item.followUp.note}（${item.followUp.dueDate} 前）`}</Text>
              ) : null}
              {tab === 'pending' ? (
                <View className="actions">
                  <Button type="primary" id={`confirm-${item.visitId}`} onClick={() => void run(item, 'confirm')}>
                    确认计入
                  </Button>
                  <Button
                    fill="outline"
                    id={`reject-${item.visitId}`}
                    onClick={() => {
                      setRejecting(item);
                      setReason('');
                      setProblem(null);
                    }}
                  >
                    不计入
                  </Button>
                </View>
              ) : (
                <View className="actions">
                  {ordered[item.visitId] || item.followUp?.orderId ? (
                    <>
                      <Text className="status-line status-line--ok" id={`ordered-${item.visitId}`}>
                        ✓ 已转服务单
                      </Text>
                      <Button
                        type="primary"
                        id={`open-order-${item.visitId}`}
                        onClick={() =>
                          openPage(ROUTES.orderDetail, { orderId: ordered[item.visitId] ?? item.followUp?.orderId })
                        }
                      >
                        查看服务单
                      </Button>
                    </>
                  ) : item.followUp && item.abnormal.length && item.status === 'counted' ? (
                    <Button
                      type="primary"
                      id={`to-order-${item.visitId}`}
                      onClick={() =>
                        setFinding({
                          visitId: item.visitId,
                          stationId: item.stationId,
                          targetName: item.targetName,
                          abnormal: item.abnormal,
                          note: item.followUp?.note ?? '',
                        })
                      }
                    >
                      转为服务单
                    </Button>
                  ) : null}
                  <Button
                    fill="outline"
                    id={`open-target-${item.visitId}`}
                    onClick={() => openPage(ROUTES.targetsRecord, { targetId: item.targetId })}
                  >
                    查看档案
                  </Button>
                </View>
              )}
            </View>
          ))}
          <LoadMore list={queue} />
        </View>
      )}
      <VisitOrderDialog
        finding={finding}
        onCancel={() => setFinding(null)}
        onCreated={(visitId, order) => {
          setFinding(null);
          setOrdered((done) => ({ ...done, [visitId]: order.orderId }));
          showSuccess('已转为服务单');
          Taro.eventCenter.trigger(TARGETS_CHANGED);
        }}
      />
      <ConfirmDialog
        visible={rejecting !== null}
        title="不计入这次探访？"
        content="请写明原因，志愿者会看到这次探访未被计入。"
        confirmText="确认不计入"
        danger
        confirmId="confirm-reject-button"
        cancelId="cancel-reject-button"
        pending={decide.pending}
        onCancel={() => setRejecting(null)}
        onConfirm={() => rejecting && void run(rejecting, 'reject', reason.trim())}
      >
        <View className="form-input">
          <Input id="reject-reason-input" value={reason} placeholder="原因" onChange={setReason} />
        </View>
        {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      </ConfirmDialog>
    </PageShell>
  );
}
