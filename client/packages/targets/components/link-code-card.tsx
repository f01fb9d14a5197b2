import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatInviteCode } from '../../../../shared/domain/invites';
import { formatDateTime } from '../../../../shared/domain/time';
import { type LinkCode, useCreateLinkCode } from '../api/links';
import './targets.scss';

/**
 * 绑定码 on a record (ADR 0027): staff make a one-time code and read it to the person or a family
 * member, who enters it under 我的 → 绑定服务对象. Then they can order the station's 仅限服务对象
 * items themselves. The code is shown only here, only now.
 */
export function LinkCodeCard(props: { targetId: string }) {
  const [made, setMade] = useState<LinkCode | null>(null);
  const create = useCreateLinkCode();
  const make = async () => {
    const r = await create.run(props.targetId);
    if (r.ok) setMade(r.value);
  };
  return (
    <View className="card" id="link-code-card">
      <Text className="text-strong">绑定居民账号</Text>
      <Text className="hint">
        生成一次性绑定码，告诉服务对象本人或家属。对方在小程序“我的 →
        绑定服务对象”中输入后，即可自己点“仅限服务对象”的服务。
      </Text>
      {made ? (
        <View>
          <Text className="link-code" id="link-code-value">
            {formatInviteCode(made.code)}
          </Text>
          <Text className="hint" id="link-code-expiry">
            {`只能使用一次，${formatDateTime(made.expiresAt)} 前有效。离开本页后不再显示。`}
          </Text>
        </View>
      ) : null}
      <View className="actions">
        <Button
          fill="outline"
          id="make-link-code-button"
          loading={create.pending}
          disabled={create.pending}
          onClick={() => void make()}
        >
          {made ? '重新生成绑定码' : '生成绑定码'}
        </Button>
      </View>
    </View>
  );
}
