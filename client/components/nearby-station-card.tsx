import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TNearbyStation } from '../../shared/contracts/stations';
import { formatDistance } from '../../shared/domain/station';
import { openMap } from '../lib/open-map';
import { StationCard } from './station-card';

/**
 * A station in "离我最近": how far it is, then one tap each to see the way (`openMap`: WeChat's
 * `openLocation`, or the Tencent map page on H5), to call, and to make it 我的社工站 (or the words
 * saying it already is).
 */
export function NearbyStationCard({
  station,
  isHome,
  settingHome,
  onOpen,
  onSetHome,
}: {
  station: TNearbyStation;
  isHome: boolean;
  settingHome: boolean;
  onOpen: () => void;
  onSetHome: () => void;
}) {
  const id = station.stationId;
  const showMap = () => openMap({ ...station.location, name: station.name, address: station.address });
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: station.phone }).catch(() => undefined);
  };
  return (
    <StationCard station={station} onClick={onOpen}>
      <Text className="status-line status-line--ok nearby-distance" id={`nearby-distance-${id}`}>
        距您{formatDistance(station.distanceMeters) ?? '—'}
      </Text>
      <View className="actions">
        <Button
          type="primary"
          id={`nearby-map-${id}`}
          onClick={(event) => {
            event?.stopPropagation?.();
            showMap();
          }}
        >
          查看地图
        </Button>
        {station.phone ? (
          <Button
            type="primary"
            fill="outline"
            id={`nearby-call-${id}`}
            onClick={(event) => {
              event?.stopPropagation?.();
              call();
            }}
          >
            拨打电话
          </Button>
        ) : null}
      </View>
      {isHome ? (
        <Text className="status-line status-line--ok" id={`nearby-home-${id}`}>
          ✓ 这是我的社工站
        </Text>
      ) : (
        <View className="actions">
          <Button
            type="primary"
            fill="outline"
            id={`nearby-set-home-${id}`}
            loading={settingHome}
            disabled={settingHome}
            onClick={(event) => {
              event?.stopPropagation?.();
              onSetHome();
            }}
          >
            设为我的社工站
          </Button>
        </View>
      )}
    </StationCard>
  );
}
