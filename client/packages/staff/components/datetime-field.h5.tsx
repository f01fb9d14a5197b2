import { Text, View } from '@tarojs/components';
import type { DatetimeFieldProps } from './datetime-field';
import { localInputValue } from '../lib/wall-time';

/** H5: one native `datetime-local` input (keyboard- and test-friendly), read as Beijing time. */
export function DatetimeField({ name, value, disabled, clearable, onChange }: DatetimeFieldProps) {
  return (
    <View className="datetime-field">
      <input
        className="datetime-field__native"
        id={`${name}-input`}
        type="datetime-local"
        value={localInputValue(value)}
        disabled={disabled}
        onChange={(event) => {
          const local = event.currentTarget.value;
          onChange(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : '');
        }}
      />
      {clearable && value && !disabled ? (
        <Text className="datetime-field__clear tap-target" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}
