import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useEffect, useState } from 'react';
import './volunteer.scss';

/** A confirmation that also takes a reason (required or optional), both choices in words. */
export function ReasonDialog(props: {
  visible: boolean;
  title: string;
  content: string;
  confirmText: string;
  required: boolean;
  idPrefix: string;
  pending?: boolean;
  danger?: boolean;
  extra?: ReactNode;
  /** Extra check before confirming (e.g. minutes); a message stops it. */
  check?: () => string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (props.visible) {
      setReason('');
      setProblem(null);
    }
  }, [props.visible]);
  const confirm = () => {
    const found = props.check?.() ?? (props.required && !reason.trim() ? '请填写原因' : null);
    setProblem(found ?? (props.required && !reason.trim() ? '请填写原因' : null));
    if (found || (props.required && !reason.trim())) return;
    props.onConfirm(reason.trim());
  };
  return (
    <Dialog
      visible={props.visible}
      title={props.title}
      closeOnOverlayClick={false}
      onClose={props.onCancel}
      footer={
        <View className="confirm-dialog__footer">
          <Button id={`cancel-${props.idPrefix}-button`} onClick={props.onCancel}>
            再想想
          </Button>
          <Button
            type={props.danger ? 'danger' : 'primary'}
            id={`confirm-${props.idPrefix}-button`}
            loading={props.pending}
            disabled={props.pending}
            onClick={confirm}
          >
            {props.confirmText}
          </Button>
        </View>
      }
    >
      <Text className="vol-row__line">{props.content}</Text>
      {props.extra}
      <Text className="vol-label">{props.required ? '原因（必填）' : '审核意见（可不填）'}</Text>
      <View className="vol-input">
        <TextArea id={`${props.idPrefix}-reason-input`} value={reason} maxLength={100} onChange={setReason} />
      </View>
      {problem ? (
        <Text className="vol-error" id={`${props.idPrefix}-error`}>
          ！{problem}
        </Text>
      ) : null}
    </Dialog>
  );
}
