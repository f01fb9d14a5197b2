import { Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import { FormField } from '../../../components/form-field';
import type { StaffStation } from '../lib/stations';
import './targets.scss';

export { ChoiceChips, FormField } from '../../../components/form-field';

/** A labelled one-line input with its problem written under it. */
export function TextField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  hint?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard' | 'tel';
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <FormField name={props.name} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <View className={`form-input${props.error ? ' form-input--error' : ''}`}>
        <Input
          id={`input-${props.name}`}
          value={props.value}
          type={props.type ?? 'text'}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          onChange={props.onChange}
        />
      </View>
    </FormField>
  );
}

/** A labelled multi-line input. */
export function TextAreaField(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  maxLength: number;
  required?: boolean;
}) {
  return (
    <FormField name={props.name} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <View className={`form-input${props.error ? ' form-input--error' : ''}`}>
        <TextArea
          id={`input-${props.name}`}
          value={props.value}
          maxLength={props.maxLength}
          onChange={props.onChange}
        />
      </View>
    </FormField>
  );
}

/** Several choices at once, as big chips with ✓ on the chosen ones. */
export function MultiChips<K extends string>(props: {
  name: string;
  options: readonly { key: K; label: string }[];
  value: readonly K[];
  onChange: (next: K[]) => void;
}) {
  return (
    <View className="choice-chips">
      {props.options.map((option) => {
        const on = props.value.includes(option.key);
        return (
          <View
            key={option.key}
            id={`${props.name}-${option.key}`}
            className={`filter-chip${on ? ' filter-chip--active' : ''}`}
            onClick={() =>
              props.onChange(on ? props.value.filter((k) => k !== option.key) : [...props.value, option.key])
            }
          >
            {on ? `✓ ${option.label}` : option.label}
          </View>
        );
      })}
    </View>
  );
}

/** One chip per station the caller works at (✓ on the chosen one); a single station is a heading. */
export function StationChips(props: {
  stations: StaffStation[];
  value: string | undefined;
  onChange: (stationId: string) => void;
}) {
  if (props.stations.length <= 1) {
    return (
      <View id="targets-station-picker">
        <Text className="section-title">{props.stations[0]?.stationName ?? ''}</Text>
      </View>
    );
  }
  return (
    <ScrollView scrollX className="filter-bar" id="targets-station-picker">
      {props.stations.map((station) => {
        const active = station.stationId === props.value;
        return (
          <View
            key={station.stationId}
            id={`targets-station-${station.stationId}`}
            className={`filter-chip${active ? ' filter-chip--active' : ''}`}
            onClick={() => props.onChange(station.stationId)}
          >
            {active ? `✓ ${station.stationName}` : station.stationName}
          </View>
        );
      })}
    </ScrollView>
  );
}
