import { Button, Dialog } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import '../../../components/confirm-dialog.scss';
import './donation.scss';

/** A dialog holding a small form; both choices written out, nothing closes by itself. */
export function FormDialog(
  props: PropsWithChildren<{
    visible: boolean;
    title: string;
    confirmText: string;
    confirmId: string;
    cancelId: string;
    danger?: boolean;
    pending?: boolean;
    problem?: string | null;
    onConfirm: () => void;
    onCancel: () => void;
  }>,
) {
  return (
    <Dialog
      visible={props.visible}
      title={props.title}
      closeOnOverlayClick={false}
      onClose={props.onCancel}
      footer={
        <View className="confirm-dialog__footer">
          <Button className="confirm-dialog__button" id={props.cancelId} onClick={props.onCancel}>
            再想想
          </Button>
          <Button
            className="confirm-dialog__button"
            type={props.danger ? 'danger' : 'primary'}
            id={props.confirmId}
            loading={props.pending}
            disabled={props.pending}
            onClick={props.onConfirm}
          >
            {props.confirmText}
          </Button>
        </View>
      }
    >
      <View>
        {props.children}
        {props.problem ? <Text className="form-field__error">！{props.problem}</Text> : null}
      </View>
    </Dialog>
  );
}
