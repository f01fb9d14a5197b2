import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './donation.scss';

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
            className={`filter-chip${active ? ' filter-chip--active' : ''}`}
            onClick={() => props.onChange(option.key)}
          >
            {active ? `✓ ${option.label}` : option.label}
          </View>
        );
      })}
    </View>
  );
}

/** "已接收 X / 目标 Y 单位" in words, a bar that repeats it, and the pledged count. */
export function Progress(props: {
  id?: string;
  received: number;
  target: number;
  pledged: number;
  unit: string;
  percent: number;
}) {
  return (
    <View className="progress" id={props.id}>
      <Text className="progress__text">
        已接收 {props.received} / 目标 {props.target} {props.unit}（{props.percent}%）
      </Text>
      <View className="progress__track">
        <View className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, props.percent))}%` }} />
      </View>
      <Text className="text-secondary">
        已认捐 {props.pledged} {props.unit}
      </Text>
    </View>
  );
}

/** The law line every donation page carries. */
export function NoMoneyNotice() {
  return (
    <Text className="notice" id="no-money-notice">
      本平台不经手任何款项：物资和服务直接送到社工站；资金只能在登记的慈善组织自己的募捐项目页面捐赠，请勿向任何人提供银行卡号或账号。
    </Text>
  );
}
