import { TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  SERVICE_METHODS,
  SERVICE_METHOD_KEYS,
  type OrderOutcome,
  type ServiceMethod,
} from '../../../../shared/domain/orders';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ChoiceChips, FormField } from '../../../components/form-field';
import { ENDED_CHOICES, MINUTE_CHOICES, recordStart } from '../lib/when';
import { minutesText } from '../lib/text';
import { OrderPhotoField, type UploadedPhoto } from './photo-field';
import './orders.scss';

/** What closing sends: the outcome, the service record, the reason when it could not be done. */
export interface CloseInput {
  outcome: OrderOutcome;
  reason: string;
  record: { startAt: string; minutes: number; method: ServiceMethod; note: string; photoFileId?: string };
}

const OUTCOMES = [
  { key: 'done' as const, label: '已办好' },
  { key: 'not_done' as const, label: '未能办理' },
];
const METHODS = SERVICE_METHOD_KEYS.map((key) => ({ key, label: SERVICE_METHODS[key] }));

/**
 * 办结: taps for the outcome, how long it took and when it ended, the way it was done; a short
 * record; an optional photo; the reason the resident will read when it could not be done. A
 * volunteer is told the time goes to the station for confirmation — never credited on their word.
 */
export function CloseDialog(props: {
  visible: boolean;
  stationId: string;
  orderId: string;
  volunteer: boolean;
  pending: boolean;
  onConfirm: (input: CloseInput) => void;
  onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<OrderOutcome>('done');
  const [minutes, setMinutes] = useState<number>(60);
  const [ended, setEnded] = useState<(typeof ENDED_CHOICES)[number]['key']>('now');
  const [method, setMethod] = useState<ServiceMethod | ''>('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!props.visible) return;
    setOutcome('done');
    setMinutes(60);
    setEnded('now');
    setMethod('');
    setNote('');
    setReason('');
    setPhoto(null);
    setProblem(null);
  }, [props.visible]);

  const confirm = () => {
    if (!method) return setProblem('请选择服务方式');
    if (!note.trim()) return setProblem('请简单记录做了什么');
    if (outcome === 'not_done' && !reason.trim()) return setProblem('请说明未能办理的原因');
    const minutesAgo = ENDED_CHOICES.find((c) => c.key === ended)?.minutesAgo ?? 1;
    props.onConfirm({
      outcome,
      reason: outcome === 'not_done' ? reason.trim() : '',
      record: {
        startAt: recordStart(Date.now(), minutes, minutesAgo),
        minutes,
        method,
        note: note.trim(),
        ...(photo ? { photoFileId: photo.fileId } : {}),
      },
    });
  };

  return (
    <ConfirmDialog
      visible={props.visible}
      title="记录服务并办结"
      confirmText="确认办结"
      pending={props.pending}
      confirmId="confirm-close-button"
      cancelId="cancel-close-button"
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      <FormField name="outcome" label="结果">
        <ChoiceChips name="outcome" options={OUTCOMES} value={outcome} onChange={setOutcome} />
      </FormField>
      <FormField name="minutes" label="用了多长时间">
        <ChoiceChips
          name="minutes"
          options={MINUTE_CHOICES.map((m) => ({ key: String(m), label: minutesText(m) }))}
          value={String(minutes)}
          onChange={(v) => setMinutes(Number(v))}
        />
      </FormField>
      <FormField name="ended" label="什么时候结束的">
        <ChoiceChips name="ended" options={ENDED_CHOICES} value={ended} onChange={setEnded} />
      </FormField>
      <FormField name="method" label="服务方式">
        <ChoiceChips name="method" options={METHODS} value={method} onChange={setMethod} />
      </FormField>
      <FormField name="note" label="做了什么">
        <View className="form-input">
          <TextArea id="record-note-input" value={note} maxLength={300} onChange={setNote} />
        </View>
      </FormField>
      {outcome === 'not_done' ? (
        <FormField name="reason" label="未能办理的原因（居民会看到）">
          <View className="form-input">
            <TextArea id="close-reason-input" value={reason} maxLength={100} onChange={setReason} />
          </View>
        </FormField>
      ) : null}
      <OrderPhotoField
        name="record-photo"
        label="现场照片（可选）"
        stationId={props.stationId}
        orderId={props.orderId}
        value={photo}
        onChange={setPhoto}
      />
      {props.volunteer ? (
        <Text className="hint" id="hours-note">
          服务时长将提交给社工站核实，核实后计入志愿服务时长。
        </Text>
      ) : null}
      {problem ? (
        <Text className="form-field__error" id="close-error">
          ！{problem}
        </Text>
      ) : null}
    </ConfirmDialog>
  );
}
