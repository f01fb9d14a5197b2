import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TRosterEntry } from '../../../../shared/contracts/activities';
import { FormField } from '../../../components/form-field';
import { useBookOnBehalf } from '../api/use-attendance';
import { type BehalfErrors, type BehalfFormValues, behalfErrorsFrom, validateBehalfForm } from '../lib/behalf-form';

const BEHALF_PRESETS = ['现场报名，没有手机', '电话报名', '家属代为报名'] as const;

/**
 * 代报名 as a form on the page (big fields, no scrolling dialog): name, phone and reason, checked
 * with the contract's own request schema before sending.
 */
export function BehalfForm({
  activityId,
  onClose,
  onBooked,
}: {
  activityId: string;
  onClose: () => void;
  onBooked: (entry: TRosterEntry) => void;
}) {
  const [values, setValues] = useState<BehalfFormValues>({ name: '', phone: '', reason: '' });
  const [errors, setErrors] = useState<BehalfErrors>({});
  const book = useBookOnBehalf({
    onError: (error) => {
      const fields = behalfErrorsFrom(error.fields);
      if (Object.keys(fields).length) {
        setErrors(fields);
        return true;
      }
      return false;
    },
  });

  const set = (field: keyof BehalfFormValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const checked = validateBehalfForm(activityId, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const result = await book.run(checked.request);
    if (result.ok) onBooked(result.value);
  };

  return (
    <View className="card behalf-form" id="behalf-form">
      <Text className="section-title behalf-form__title">代报名</Text>
      <Text className="hint">为没有手机或不会操作的居民报名。名额已满时会加入候补。</Text>
      <FormField name="behalf-name" label="姓名" required error={errors.name}>
        <View className="form-input">
          <Input
            id="behalf-name-input"
            value={values.name}
            placeholder="居民姓名"
            maxLength={20}
            onChange={(value) => set('name', value)}
          />
        </View>
      </FormField>
      <FormField name="behalf-phone" label="手机号" required error={errors.phone}>
        <View className="form-input">
          <Input
            id="behalf-phone-input"
            type="tel"
            value={values.phone}
            placeholder="11位手机号"
            maxLength={11}
            onChange={(value) => set('phone', value)}
          />
        </View>
      </FormField>
      <FormField name="behalf-reason" label="代报名原因" required error={errors.reason}>
        <View className="choice-chips">
          {BEHALF_PRESETS.map((preset) => (
            <View
              key={preset}
              className={`filter-chip${values.reason === preset ? ' filter-chip--active' : ''}`}
              onClick={() => set('reason', preset)}
            >
              {values.reason === preset ? `✓ ${preset}` : preset}
            </View>
          ))}
        </View>
        <View className="form-input">
          <Input
            id="behalf-reason-input"
            value={values.reason}
            placeholder="或填写其他原因"
            maxLength={100}
            onChange={(value) => set('reason', value)}
          />
        </View>
      </FormField>
      <View className="actions">
        <Button id="cancel-behalf-button" onClick={onClose}>
          取消
        </Button>
        <Button
          type="primary"
          id="submit-behalf-button"
          loading={book.pending}
          disabled={book.pending}
          onClick={() => void submit()}
        >
          确认代报名
        </Button>
      </View>
    </View>
  );
}
