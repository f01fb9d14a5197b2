import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useStation } from '../../../hooks/use-station';
import { openMap } from '../../../lib/open-map';
import './donation.scss';

/**
 * Where and when to bring goods: the station's address, opening hours and phone, with 拨打电话
 * and 查看地图 (WeChat's map on weapp). `title` says what the card is for ("送到哪里" before a
 * pledge, "请送到" on the confirmation). Loads the station itself (`stations.get`, public).
 */
export function DeliveryInfo({ stationId, title, lead }: { stationId: string; title: string; lead?: string }) {
  const station = useStation(stationId);
  const data = station.data;
  if (!data) return null;
  const location = data.location;
  return (
    <View className="card delivery-info" id="delivery-info">
      <Text className="section-title">{title}</Text>
      {lead ? (
        <Text className="row-block" id="delivery-lead">
          {lead}
        </Text>
      ) : null}
      <View className="meta-row">
        <Text className="meta-label">站点</Text>
        <Text className="meta-value" id="delivery-station">
          {data.name}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">地址</Text>
        <Text className="meta-value" id="delivery-address">
          {data.address || '暂未填写，请先电话联系'}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">接收时间</Text>
        <Text className="meta-value" id="delivery-hours">
          {data.openingHours || '请先电话联系'}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">联系电话</Text>
        <Text className="meta-value" id="delivery-phone">
          {data.phone || '暂未填写'}
        </Text>
      </View>
      <View className="actions">
        {data.phone ? (
          <Button
            type="primary"
            fill="outline"
            id="delivery-call-button"
            onClick={() => {
              // Rejects when the person closes the call sheet: nothing to report.
              Taro.makePhoneCall({ phoneNumber: data.phone }).catch(() => undefined);
            }}
          >
            拨打电话
          </Button>
        ) : null}
        {location ? (
          <Button
            type="primary"
            fill="outline"
            id="delivery-map-button"
            onClick={() => openMap({ ...location, name: data.name, address: data.address })}
          >
            查看地图
          </Button>
        ) : null}
      </View>
    </View>
  );
}
