import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TMe } from '../../shared/contracts/accounts';
import { useUpdateProfile } from '../hooks/use-me';
import { showSuccess } from '../lib/feedback';
import { FormField } from './form-field';

type Errors = Partial<Record<'nickname' | 'phone', string>>;

/**
 * 修改称呼和手机号 on 我的: the person's own display name and phone, checked with the contract's
 * words before sending (`accounts.updateProfile`); an empty phone removes it.
 */
export function ProfileEditor({ me, onDone }: { me: TMe; onDone: (saved: boolean) => void }) {
  const [nickname, setNickname] = useState(me.nickname);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const save = useUpdateProfile({
    onError: (error) => {
      const found: Errors = {};
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        const key = path.split('.').pop();
        if (key === 'nickname' || key === 'phone') found[key] = message;
      }
      if (!Object.keys(found).length) return false;
      setErrors(found);
      return true;
    },
  });

  const submit = async () => {
    const name = nickname.trim();
    const tel = phone.trim();
    const found: Errors = {};
    if (!name) found.nickname = '请填写称呼';
    else if (name.length > 20) found.nickname = '称呼不能超过20个字';
    if (tel && !/^1[3-9]\d{9}$/.test(tel)) found.phone = '请输入11位手机号';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await save.run({ nickname: name, phone: tel || null });
    if (!result.ok) return;
    showSuccess('已保存');
    onDone(true);
  };

  return (
    <View id="profile-form">
      <FormField name="profile-nickname" label="称呼" required error={errors.nickname}>
        <View className="form-input">
          <Input
            id="profile-nickname-input"
            value={nickname}
            placeholder="例如：张阿姨"
            maxLength={20}
            onChange={(value) => {
              setNickname(value);
              setErrors((e) => ({ ...e, nickname: undefined }));
            }}
          />
        </View>
      </FormField>
      <FormField name="profile-phone" label="手机号" hint="社工联系您时使用；不填则不保存" error={errors.phone}>
        <View className="form-input">
          <Input
            id="profile-phone-input"
            type="tel"
            value={phone}
            placeholder="11位手机号"
            maxLength={11}
            onChange={(value) => {
              setPhone(value);
              setErrors((e) => ({ ...e, phone: undefined }));
            }}
          />
        </View>
      </FormField>
      <View className="actions">
        <Button id="cancel-profile-button" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button
          type="primary"
          id="save-profile-button"
          loading={save.pending}
          disabled={save.pending}
          onClick={() => void submit()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}
