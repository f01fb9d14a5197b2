import { TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormField } from '../../../components/form-field';
import { LoadingState } from '../../../components/states';
import { useWorkers } from '../api/orders';
import './orders.scss';

/** 派单: the station's social workers and registered volunteers as big chips; one is chosen. */
export function DispatchDialog(props: {
  visible: boolean;
  orderId: string;
  pending: boolean;
  onConfirm: (assigneeId: string, note: string) => void;
  onCancel: () => void;
}) {
  const workers = useWorkers(props.visible ? props.orderId : undefined);
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (props.visible) {
      setChosen('');
      setNote('');
      setProblem(null);
    }
  }, [props.visible]);
  const list = workers.data?.workers ?? [];
  return (
    <ConfirmDialog
      visible={props.visible}
      title="派单给"
      confirmText="确认派单"
      pending={props.pending}
      confirmId="confirm-dispatch-button"
      cancelId="cancel-dispatch-button"
      onConfirm={() => (chosen ? props.onConfirm(chosen, note.trim()) : setProblem('请选择一位社工或志愿者'))}
      onCancel={props.onCancel}
    >
      {workers.loading && !workers.data ? <LoadingState /> : null}
      {workers.data && list.length === 0 ? <Text className="hint">本站暂无可派单的社工或志愿者</Text> : null}
      <View className="choice-chips" id="worker-list">
        {list.map((w) => {
          const active = chosen === w.userId;
          return (
            <View
              key={w.userId}
              id={`worker-${w.userId}`}
              className={`filter-chip${active ? ' filter-chip--active' : ''}`}
              onClick={() => setChosen(w.userId)}
            >
              {`${active ? '✓ ' : ''}${w.name}（${w.kind === 'staff' ? '社工' : '志愿者'}）`}
            </View>
          );
        })}
      </View>
      <FormField name="dispatch-note" label="派单说明（可不填）">
        <View className="form-input">
          <TextArea id="dispatch-note-input" value={note} maxLength={100} onChange={setNote} />
        </View>
      </FormField>
      {problem ? <Text className="form-field__error">！{problem}</Text> : null}
    </ConfirmDialog>
  );
}
