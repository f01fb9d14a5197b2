import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../shared/contracts/volunteering';
import { formatDateTime } from '../../../../shared/domain/time';
import { ErrorState, LoadingState } from '../../../components/states';
import { showSuccess } from '../../../lib/feedback';
import { useIdDisputes, useResolveIdDispute } from '../api/volunteering';
import { ReasonDialog } from './reason-dialog';
import './volunteer.scss';

type Dispute = ResponseOf<typeof volunteeringContract, 'idDisputes'>['items'][number];

/**
 * Staff: people who say a registered ID number is theirs. Decide only after seeing the paper ID
 * at the desk: 核实通过 frees the number for them (the holder keeps their own hours).
 */
export function IdDisputesCard(props: { stationId: string }) {
  const list = useIdDisputes(props.stationId);
  const resolve = useResolveIdDispute();
  const [pending, setPending] = useState<{ dispute: Dispute; decision: 'uphold' | 'reject' } | null>(null);

  const decide = async (reason: string) => {
    if (!pending) return;
    const result = await resolve.run(pending.dispute.disputeId, pending.decision, reason);
    if (result.ok) {
      setPending(null);
      showSuccess(pending.decision === 'uphold' ? '已核实通过' : '已标记不通过');
      await list.reload();
    }
  };

  const items = list.data?.items ?? [];
  return (
    <View className="card" id="id-disputes">
      <Text className="section-title">身份证号核实申请（{items.length}）</Text>
      {!list.data ? (
        list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <LoadingState />
        )
      ) : items.length === 0 ? (
        <Text className="hint">没有待核实的申请。</Text>
      ) : (
        items.map((d) => (
          <View className="vol-row" key={d.disputeId} id={`id-dispute-${d.disputeId}`}>
            <Text className="vol-row__line text-strong">{`${d.claimantName}（${d.claimantPhoneMasked}）申请核实 ${d.idMasked}`}</Text>
            <Text className="hint">{`该号码现登记在志愿者 ${d.holderName}（${d.holderVolunteerNo}）名下 · ${formatDateTime(d.createdAt)} 提交`}</Text>
            <Text className="hint">请当面查验申请人的身份证原件，号码和姓名一致后再确认。</Text>
            <View className="vol-chips">
              <Button
                type="primary"
                id={`uphold-dispute-${d.disputeId}`}
                onClick={() => setPending({ dispute: d, decision: 'uphold' })}
              >
                核实通过
              </Button>
              <Button
                type="danger"
                fill="outline"
                id={`reject-dispute-${d.disputeId}`}
                onClick={() => setPending({ dispute: d, decision: 'reject' })}
              >
                不通过
              </Button>
            </View>
          </View>
        ))
      )}
      <ReasonDialog
        visible={pending !== null}
        title={pending?.decision === 'uphold' ? '核实通过' : '核实不通过'}
        content={
          pending?.decision === 'uphold'
            ? `确认已当面查验身份证原件，${pending.dispute.idMasked} 属于${pending.dispute.claimantName}？通过后将从${pending.dispute.holderName}的登记中撤销该号码（其服务记录保留），申请人可重新登记。`
            : '不通过后，该号码仍登记在原志愿者名下，申请人会收到原因。'
        }
        confirmText={pending?.decision === 'uphold' ? '确认通过' : '确认不通过'}
        danger={pending?.decision === 'reject'}
        required
        idPrefix="dispute"
        pending={resolve.pending}
        onConfirm={(reason) => void decide(reason)}
        onCancel={() => setPending(null)}
      />
    </View>
  );
}
