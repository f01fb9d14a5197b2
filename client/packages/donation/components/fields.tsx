import { Text, View } from '@tarojs/components';
import './donation.scss';

export { ChoiceChips, FormField } from '../../../components/form-field';

/** "已接收 X / 目标 Y 床" in words (the need's own unit), a bar that repeats it, and the pledged count. */
export function Progress(props: {
  id?: string;
  received: number;
  target: number;
  pledged: number;
  unit: string;
  percent: number;
}) {
  return (
    <View className="progress" id={props.id}>
      <Text className="progress__text">
        已接收 {props.received} / 目标 {props.target} {props.unit}（{props.percent}%）
      </Text>
      <View className="progress__track">
        <View className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, props.percent))}%` }} />
      </View>
      <Text className="text-secondary">
        已认捐 {props.pledged} {props.unit}
      </Text>
    </View>
  );
}

/**
 * The law line (《慈善法》), shown once where money comes up — with the funds option (a funds
 * need's charity card, the funds choice when staff publish a need) — not on every page.
 */
export function NoMoneyNotice() {
  return (
    <Text className="notice" id="no-money-notice">
      本平台不经手任何款项：资金只能在登记的慈善组织自己的募捐项目页面捐赠，由慈善组织开具电子捐赠票据；请勿向任何人提供银行卡号或账号。
    </Text>
  );
}
