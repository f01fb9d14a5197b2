import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DEV_PERSONAS, DEV_PERSONA_KEYS, type DevPersona } from '../../../../../shared/contracts/dev';
import { PageShell } from '../../../../components/page-shell';
import { currentDevSession } from '../../../../lib/cloud';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, isTabRoute, readParam } from '../../../../lib/routes';
import { signOutLocally, useDevSignIn } from '../../api/use-dev-sign-in';
import './index.scss';

/** Back to where sign-in was asked for: the previous page, the `redirect` page, or home. */
function leave(redirect: string | undefined): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else if (redirect && isTabRoute(redirect)) {
    void Taro.switchTab({ url: redirect.split('?')[0] });
  } else if (redirect) {
    void Taro.redirectTo({ url: redirect });
  } else {
    void Taro.switchTab({ url: ROUTES.home });
  }
}

/**
 * H5 local runs only (this subpackage is left out of the weapp build): pick who to be. The local
 * gateway maps each persona to a fixed account prepared by the seed.
 */
export default function DevSignInPage() {
  const { params } = useRouter();
  const redirect = readParam(params.redirect);
  const [current, setCurrent] = useState<DevPersona | undefined>(() => currentDevSession()?.persona);
  const signIn = useDevSignIn();

  const choose = async (persona: DevPersona) => {
    const result = await signIn.run(persona);
    if (!result.ok) return;
    setCurrent(result.value.persona);
    showSuccess('已切换身份');
    leave(redirect);
  };

  return (
    <PageShell>
      <Text className="section-title">选择体验身份</Text>
      <Text className="dev-notice">本地体验专用：选择一个身份登录，正式小程序中使用微信身份，不会出现此页面。</Text>
      {DEV_PERSONA_KEYS.map((persona) => (
        <View className="card persona" key={persona}>
          <Text className="persona__label">{DEV_PERSONAS[persona].label}</Text>
          <Text className="persona__description">{DEV_PERSONAS[persona].description}</Text>
          {current === persona ? <Text className="status-line status-line--ok">✓ 当前身份</Text> : null}
          <View className="actions">
            <Button
              type="primary"
              id={`persona-${persona}`}
              disabled={signIn.pending}
              onClick={() => void choose(persona)}
            >
              {current === persona ? '重新登录' : '以此身份登录'}
            </Button>
          </View>
        </View>
      ))}
      {current ? (
        <View className="actions">
          <Button
            fill="outline"
            id="sign-out-button"
            onClick={() => {
              signOutLocally();
              setCurrent(undefined);
            }}
          >
            退出体验身份
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
