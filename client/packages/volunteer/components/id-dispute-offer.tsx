import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import type { TIdDispute } from '../../../../shared/contracts/volunteering';
import { ID_DISPUTE_STATUS_LABELS } from '../../../../shared/domain/identity';
import './volunteer.scss';

/**
 * When someone else registered the person's ID number: how to get it back (show the paper ID at
 * the station), the button to ask, and the state of an earlier request.
 */
export function IdDisputeOffer(props: { dispute: TIdDispute | null; pending: boolean; onRaise: () => void }) {
  const { dispute } = props;
  if (dispute) {
    return (
      <View className="card" id="id-dispute-status">
        <Text className="vol-title">{`身份证号核实：${ID_DISPUTE_STATUS_LABELS[dispute.status]}`}</Text>
        <Text className="vol-row__line">
          {dispute.status === 'open'
            ? `请携带本人身份证原件到「${dispute.stationName}」，工作人员核实后会通知您。`
            : dispute.status === 'upheld'
              ? '号码已核实属于您，现在可以提交志愿者登记。'
              : `未通过：${dispute.resolution ?? ''}`}
        </Text>
        <Text className="hint">{`身份证号 ${dispute.idMasked}`}</Text>
      </View>
    );
  }
  return (
    <View className="card" id="id-dispute-offer">
      <Text className="vol-title">该身份证号已被他人登记</Text>
      <Text className="vol-row__line">
        如果这是您本人的身份证号，可以申请核实：携带身份证原件到上面选择的社工站，工作人员当面核实后会撤销对方的登记，您就可以完成登记。对方的服务时长不会记到您名下。
      </Text>
      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="raise-id-dispute-button"
          loading={props.pending}
          disabled={props.pending}
          onClick={props.onRaise}
        >
          申请核实身份证号
        </Button>
      </View>
    </View>
  );
}
