import { Picker, Text, View } from '@tarojs/components';

export interface DateFieldProps {
  name: string;
  /** `YYYY-MM-DD` or ''. */
  value: string;
  onChange: (date: string) => void;
}

/** A Beijing date with the platform's date picker (H5: `date-field.h5.tsx`, a native date input). */
export function DateField({ name, value, onChange }: DateFieldProps) {
  return (
    <View className="datetime-field">
      <Picker mode="date" value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className="datetime-field__part" id={`${name}-date`}>
          {value ? <Text>{value}</Text> : <Text className="datetime-field__placeholder">选择日期</Text>}
        </View>
      </Picker>
    </View>
  );
}
