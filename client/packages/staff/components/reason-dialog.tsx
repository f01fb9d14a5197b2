import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import '../../../components/form.scss';

/**
 * Asks for the reason an audited action needs (代签到, 更正签到, 取消活动) and confirms it in the
 * same step. Both choices are written out; nothing closes by itself; an empty reason is refused
 * with a written "！" message.
 */
export function ReasonDialog(props: {
  visible: boolean;
  title: string;
  description: string;
  placeholder: string;
  confirmText: string;
  cancelText?: string;
  danger?: boolean;
  pending?: boolean;
  /** Suggested reasons, one tap each. */
  presets?: readonly string[];
  inputId: string;
  confirmId: string;
  cancelId: string;
  maxLength?: number;
  /** What an empty field is told ("请填写原因" by default). */
  emptyMessage?: string;
  /** What the length limit is called in its message ("原因" by default). */
  fieldName?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const maxLength = props.maxLength ?? 100;

  useEffect(() => {
    if (props.visible) {
      setReason('');
      setProblem(null);
    }
  }, [props.visible]);

  const confirm = () => {
    const text = reason.trim();
    if (!text) {
      setProblem(props.emptyMessage ?? '请填写原因');
      return;
    }
    if (text.length > maxLength) {
      setProblem(`${props.fieldName ?? '原因'}不能超过${maxLength}个字`);
      return;
    }
    props.onConfirm(text);
  };

  return (
    <ConfirmDialog
      visible={props.visible}
      title={props.title}
      content={props.description}
      confirmText={props.confirmText}
      cancelText={props.cancelText}
      danger={props.danger}
      pending={props.pending}
      confirmId={props.confirmId}
      cancelId={props.cancelId}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {props.presets?.length ? (
        <View className="choice-chips">
          {props.presets.map((preset) => (
            <View
              key={preset}
              className={`filter-chip${reason === preset ? ' filter-chip--active' : ''}`}
              onClick={() => {
                setReason(preset);
                setProblem(null);
              }}
            >
              {reason === preset ? `✓ ${preset}` : preset}
            </View>
          ))}
        </View>
      ) : null}
      <View className={`form-input reason-dialog__input${problem ? ' form-input--error' : ''}`}>
        <Input
          id={props.inputId}
          value={reason}
          placeholder={props.placeholder}
          maxLength={maxLength}
          onChange={(value) => {
            setReason(value);
            setProblem(null);
          }}
        />
      </View>
      {problem ? <Text className="form-field__error">！{problem}</Text> : null}
    </ConfirmDialog>
  );
}
