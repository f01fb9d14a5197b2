import { TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import './orders.scss';

/**
 * A confirmation that takes a short text (a reason, a reply, a note): both choices in words,
 * nothing closes by itself, the problem is written under the field ("！").
 */
export function TextDialog(props: {
  visible: boolean;
  title: string;
  content?: string;
  label: string;
  required: boolean;
  maxLength: number;
  idPrefix: string;
  confirmText: string;
  danger?: boolean;
  pending?: boolean;
  children?: ReactNode;
  /** Extra check before confirming; a message stops it. */
  check?: () => string | null;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (props.visible) {
      setText('');
      setProblem(null);
    }
  }, [props.visible]);
  const confirm = () => {
    const found = props.check?.() ?? (props.required && !text.trim() ? `请填写${props.label}` : null);
    setProblem(found);
    if (!found) props.onConfirm(text.trim());
  };
  return (
    <ConfirmDialog
      visible={props.visible}
      title={props.title}
      content={props.content}
      confirmText={props.confirmText}
      danger={props.danger}
      pending={props.pending}
      confirmId={`confirm-${props.idPrefix}-button`}
      cancelId={`cancel-${props.idPrefix}-button`}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {props.children}
      <Text className="form-field__label">{`${props.label}${props.required ? '（必填）' : '（可不填）'}`}</Text>
      <View className="form-input">
        <TextArea id={`${props.idPrefix}-input`} value={text} maxLength={props.maxLength} onChange={setText} />
      </View>
      {problem ? (
        <Text className="form-field__error" id={`${props.idPrefix}-error`}>
          ！{problem}
        </Text>
      ) : null}
    </ConfirmDialog>
  );
}
