import { View } from '@tarojs/components';
import type { DateFieldProps } from './date-field';

/** H5: a native `<input type="date">` (keyboard- and test-friendly). */
export function DateField({ name, value, onChange }: DateFieldProps) {
  return (
    <View className="datetime-field">
      <input
        className="datetime-field__native"
        id={`${name}-input`}
        type="date"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </View>
  );
}
