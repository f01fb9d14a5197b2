import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TNeed } from '../../../../shared/contracts/donations';
import { CLOSE_REASONS } from '../lib/staff-rules';
import { ChoiceChips, Progress } from './fields';
import { FormDialog } from './form-dialog';
import './donation.scss';

/**
 * 征集中的需求 of the station with their progress, and 关闭需求 after choosing a reason.
 * `onClose` answers whether the need was closed (the dialog closes then).
 */
export function StaffNeeds(props: {
  needs: readonly TNeed[];
  loaded: boolean;
  closing: boolean;
  onClose: (needId: string, reason: string) => Promise<boolean>;
}) {
  const [target, setTarget] = useState<TNeed | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    if (!target) return;
    if (!reason) return setProblem('请选择关闭原因');
    if (await props.onClose(target.needId, reason)) setTarget(null);
  };

  return (
    <View>
      <Text className="section-title">征集中的需求</Text>
      <View id="staff-needs">
        {props.needs.length === 0 && props.loaded ? <Text className="row-block">暂无征集中的需求</Text> : null}
        {props.needs.map((need) => (
          <View className="card" key={need.needId} id={`staff-need-${need.needId}`}>
            <Text className="activity-card__title">{need.title}</Text>
            <Progress
              id={`staff-need-progress-${need.needId}`}
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
                setTarget(need);
                setReason('');
                setProblem(null);
              }}
            >
              关闭需求
            </Button>
          </View>
        ))}
      </View>
      <FormDialog
        visible={target !== null}
        title="关闭这项需求？"
        confirmText="确认关闭"
        danger
        confirmId="confirm-close-need-button"
        cancelId="keep-need-button"
        pending={props.closing}
        problem={problem}
        onConfirm={() => void confirm()}
        onCancel={() => setTarget(null)}
      >
        <Text className="confirm-dialog__content">关闭后「{target?.title ?? ''}」不再接受认捐，请选择原因。</Text>
        <ChoiceChips
          name="close-reason"
          options={CLOSE_REASONS.map((r) => ({ key: r as string, label: r as string }))}
          value={reason}
          onChange={(r) => {
            setReason(r);
            setProblem(null);
          }}
        />
      </FormDialog>
    </View>
  );
}
