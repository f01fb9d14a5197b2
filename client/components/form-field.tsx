import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './form.scss';

/** A labelled field with its error written below it ("！" marks it, not only the colour). */
export function FormField({
  name,
  label,
  required,
  hint,
  error,
  children,
}: PropsWithChildren<{ name: string; label: string; required?: boolean; hint?: string; error?: string }>) {
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}`} id={`field-${name}`}>
      <Text className="form-field__label">
        {label}
        {required ? <Text className="form-field__required">（必填）</Text> : null}
      </Text>
      {children}
      {hint ? <Text className="form-field__hint">{hint}</Text> : null}
      {error ? (
        <Text className="form-field__error" id={`field-${name}-error`}>
          ！{error}
        </Text>
      ) : null}
    </View>
  );
}

/** Single choice among a few options, as big labelled chips; the chosen one carries a ✓. */
export function ChoiceChips<K extends string>(props: {
  name: string;
  options: readonly { key: K; label: string }[];
  value: K | '';
  disabled?: boolean;
  onChange: (key: K) => void;
}) {
  return (
    <View className="choice-chips">
      {props.options.map((option) => {
        const active = option.key === props.value;
        return (
          <View
            key={option.key}
            id={`${props.name}-${option.key}`}
            className={`filter-chip${active ? ' filter-chip--active' : ''}${props.disabled ? ' filter-chip--disabled' : ''}`}
            onClick={() => {
              if (!props.disabled) props.onChange(option.key);
            }}
          >
            {active ? `✓ ${option.label}` : option.label}
          </View>
        );
      })}
    </View>
  );
}
