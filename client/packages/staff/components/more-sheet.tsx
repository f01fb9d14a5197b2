import { Button, Dialog } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import { Text, View } from '@tarojs/components';
import './more-sheet.scss';

/** One choice in the 更多 sheet: a full-width button in words, or a line saying why it is not there. */
export type MoreItem =
  { id: string; label: string; danger?: boolean; onClick: () => void } | { id: string; note: string };

/**
 * The less frequent things staff do with an activity, behind one "更多" button so a card keeps
 * two or three big buttons: each a full-width button with its name written out, closed by 关闭
 * (never by a tap outside).
 */
export function MoreSheet(props: { visible: boolean; title: string; items: MoreItem[]; onClose: () => void }) {
  return (
    <Dialog
      visible={props.visible}
      title={props.title}
      closeOnOverlayClick={false}
      onClose={props.onClose}
      footer={
        <Button className="more-sheet__close" id="close-more-button" onClick={props.onClose}>
          关闭
        </Button>
      }
    >
      <View className="more-sheet" id="more-sheet">
        {props.items.map((item) =>
          'note' in item ? (
            <Text key={item.id} className="more-sheet__note" id={item.id}>
              {item.note}
            </Text>
          ) : (
            <Button
              key={item.id}
              className="more-sheet__item"
              id={item.id}
              type={item.danger ? 'danger' : 'default'}
              fill="outline"
              block
              onClick={() => {
                props.onClose();
                item.onClick();
              }}
            >
              {item.label}
            </Button>
          ),
        )}
      </View>
    </Dialog>
  );
}
