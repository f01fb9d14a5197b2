import { Button, Dialog } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './confirm-dialog.scss';

/**
 * Asks before anything that cannot simply be undone (cancel a booking, publish). Both choices are
 * written out ("确认取消" / "再想想"), the safe one first; nothing closes by itself. `children`
 * (a reason field, a small form) go under the content; the dialogs that ask for input build on it.
 */
export function ConfirmDialog(props: {
  visible: boolean;
  title: string;
  content?: string;
  children?: ReactNode;
  confirmText: string;
  cancelText?: string;
  /** Marks a destructive confirm (red, still labelled in words). */
  danger?: boolean;
  pending?: boolean;
  confirmId?: string;
  cancelId?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      visible={props.visible}
      title={props.title}
      closeOnOverlayClick={false}
      onClose={props.onCancel}
      footer={
        <View className="confirm-dialog__footer">
          <Button className="confirm-dialog__button" id={props.cancelId} onClick={props.onCancel}>
            {props.cancelText ?? '再想想'}
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
        {props.content ? <Text className="confirm-dialog__content">{props.content}</Text> : null}
        {props.children}
      </View>
    </Dialog>
  );
}
