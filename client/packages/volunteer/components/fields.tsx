import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { ErrorState, LoadingState } from '../../../components/states';
import { useStationChoices } from '../api/volunteering';
import './volunteer.scss';

/** A labelled one-line input with its problem written under it ("！…"), never colour alone. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard' | 'tel';
  maxLength?: number;
  hint?: string;
}) {
  return (
    <View id={`field-${props.id}`}>
      <Text className="vol-label">{props.label}</Text>
      <View className={`vol-input${props.error ? ' vol-input--error' : ''}`}>
        <Input
          id={props.id}
          value={props.value}
          type={props.type ?? 'text'}
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          onChange={props.onChange}
        />
      </View>
      {props.hint ? <Text className="hint">{props.hint}</Text> : null}
      {props.error ? (
        <Text className="vol-error" id={`${props.id}-error`}>
          ！{props.error}
        </Text>
      ) : null}
    </View>
  );
}

/** Chips that say "✓" when chosen (not colour alone); each a full tap target. */
export function Chips<K extends string>(props: {
  idPrefix: string;
  options: readonly { key: K; label: string }[];
  chosen: readonly K[];
  onToggle: (key: K) => void;
}) {
  return (
    <View className="vol-chips">
      {props.options.map((option) => {
        const on = props.chosen.includes(option.key);
        return (
          <View
            key={option.key}
            id={`${props.idPrefix}-${option.key}`}
            className={`vol-chip${on ? ' vol-chip--on' : ''}`}
            onClick={() => props.onToggle(option.key)}
          >
            <Text>{on ? `✓ ${option.label}` : option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** Choose one 社工站 / 社工室 (public `stations.list`), with loading and error+retry. */
export function StationPicker(props: {
  value: string | undefined;
  onChange: (stationId: string, name: string) => void;
}) {
  const stations = useStationChoices();
  if (stations.error && !stations.items.length) {
    return <ErrorState error={stations.error} onRetry={() => void stations.reload()} />;
  }
  if (!stations.loaded) return <LoadingState text="正在加载站点…" />;
  return (
    <View>
      <Chips
        idPrefix="station"
        options={stations.items.map((station) => ({ key: station.stationId, label: station.name }))}
        chosen={props.value ? [props.value] : []}
        onToggle={(key) => props.onChange(key, stations.items.find((s) => s.stationId === key)?.name ?? '')}
      />
      {stations.hasMore ? (
        <View className="vol-chip" id="more-stations-button" onClick={() => void stations.loadMore()}>
          <Text>显示更多站点</Text>
        </View>
      ) : null}
    </View>
  );
}
