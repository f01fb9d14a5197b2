import { Picker, Text, View } from '@tarojs/components';
import { instantOf, wallParts } from '../lib/wall-time';

/** Time used when a date is picked before a time. */
const DEFAULT_TIME = '09:00';

export interface DatetimeFieldProps {
  name: string;
  /** ISO instant or '' (not chosen). */
  value: string;
  disabled?: boolean;
  /** Offer "清除" (optional fields that default on the server). */
  clearable?: boolean;
  onChange: (iso: string) => void;
}

/**
 * Beijing date and time with the platform's own pickers (weapp: `picker` date + time). The H5
 * build swaps in `datetime-field.h5.tsx`, a native datetime-local input.
 */
export function DatetimeField({ name, value, disabled, clearable, onChange }: DatetimeFieldProps) {
  const { date, time } = wallParts(value);
  return (
    <View className="datetime-field">
      <Picker
        mode="date"
        value={date}
        disabled={disabled}
        onChange={(event) => onChange(instantOf(String(event.detail.value), time || DEFAULT_TIME))}
      >
        <View className="datetime-field__part" id={`${name}-date`}>
          {date ? <Text>{date}</Text> : <Text className="datetime-field__placeholder">选择日期</Text>}
        </View>
      </Picker>
      <Picker
        mode="time"
        value={time || DEFAULT_TIME}
        disabled={disabled || !date}
        onChange={(event) => onChange(instantOf(date, String(event.detail.value)))}
      >
        <View className="datetime-field__part" id={`${name}-time`}>
          {time ? <Text>{time}</Text> : <Text className="datetime-field__placeholder">选择时间</Text>}
        </View>
      </Picker>
      {clearable && value && !disabled ? (
        <Text className="datetime-field__clear tap-target" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}
