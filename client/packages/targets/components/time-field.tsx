import { Picker, Text, View } from '@tarojs/components';

export interface TimeFieldProps {
  name: string;
  /** `HH:mm` */
  value: string;
  onChange: (time: string) => void;
}

/** A time of day with the platform's picker (H5: `time-field.h5.tsx`, a native time input). */
export function TimeField({ name, value, onChange }: TimeFieldProps) {
  return (
    <View className="datetime-field">
      <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className="datetime-field__part" id={`${name}-time`}>
          <Text>{value}</Text>
        </View>
      </Picker>
    </View>
  );
}
