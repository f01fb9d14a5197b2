import { Button, Dialog } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import { Text, View } from '@tarojs/components';
import './confirm-dialog.scss';

/**
 * Tells the person something in the app's own dialog (large text, 大字模式, the words they need)
 * and waits for "知道了" — instead of the platform's small grey system box. Nothing closes by itself.
 */
export function NoticeDialog(props: {
  visible: boolean;
  title: string;
  content: string;
  okId?: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      visible={props.visible}
      title={props.title}
      closeOnOverlayClick={false}
      onClose={props.onClose}
      footer={
        <View className="confirm-dialog__footer">
          <Button
            className="confirm-dialog__button"
            type="primary"
            id={props.okId ?? 'notice-ok-button'}
            onClick={props.onClose}
          >
            知道了
          </Button>
        </View>
      }
    >
      <Text className="confirm-dialog__content" id="notice-dialog-content">
        {props.content}
      </Text>
    </Dialog>
  );
}
