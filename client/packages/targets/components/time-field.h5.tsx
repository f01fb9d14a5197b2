import { View } from '@tarojs/components';
import type { TimeFieldProps } from './time-field';

/** H5: a native `<input type="time">`. */
export function TimeField({ name, value, onChange }: TimeFieldProps) {
  return (
    <View className="datetime-field">
      <input
        className="datetime-field__native"
        id={`${name}-input`}
        type="time"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </View>
  );
}
