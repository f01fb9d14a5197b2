import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatInviteCode, normalizeInviteCode } from '../../../../../shared/domain/invites';
import { ROLE_LABELS } from '../../../../../shared/domain/roles';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { type RedeemedInvite, useRedeemInvite } from '../../api/invites';
import './index.scss';

/**
 * The invitee's side of a staff invite (ADR 0023), opened from the admin's link, QR code or share
 * card, or from 我的: redeem the code signed in, tell the admin the check number, and see the role
 * once they confirm.
 */
export default function RedeemInvitePage() {
  const { params } = useRouter();
  const given = normalizeInviteCode(readParam(params.code) ?? '');
  const [text, setText] = useState(given ? formatInviteCode(given) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [redeemed, setRedeemed] = useState<RedeemedInvite | null>(null);
  const me = useMe({ signInOnDemand: false });
  const redeem = useRedeemInvite({
    onError: (error) => {
      if (error.code === 'UNAUTHENTICATED') return false;
      setProblem(error.fields?.code ?? error.userMessage);
      return true;
    },
  });

  const submit = async (raw: string) => {
    const code = normalizeInviteCode(raw);
    if (!code) {
      setProblem('邀请码为10位字母和数字，请核对');
      return;
    }
    setProblem(null);
    const answer = await redeem.run(code);
    if (!answer.ok) return;
    setRedeemed(answer.value);
    if (answer.value.status === 'granted') {
      showSuccess('权限已生效');
      await me.reload();
    }
  };

  const scan = async () => {
    try {
      const answer = await Taro.scanCode({ scanType: ['qrCode'] });
      const code = normalizeInviteCode(answer.result ?? '');
      if (!code) return setProblem('这不是工作人员邀请的二维码');
      setText(formatInviteCode(code));
      setProblem(null);
    } catch {
      // backed out of the scanner
    }
  };

  if (redeemed) {
    const code = normalizeInviteCode(text) ?? '';
    return (
      <PageShell>
        <View className="card" id="invite-redeemed">
          {redeemed.status === 'granted' ? (
            <View>
              <Text className="invite-title" id="invite-granted">
                {`✓ 您已是“${redeemed.stationName}”的${ROLE_LABELS[redeemed.role]}`}
              </Text>
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  block
                  id="open-console-button"
                  onClick={() => openPage(ROUTES.consoleHome)}
                >
                  进入工作台
                </Button>
              </View>
            </View>
          ) : (
            <View>
              <Text className="invite-title">{`已领取：${redeemed.stationName} · ${ROLE_LABELS[redeemed.role]}`}</Text>
              <Text className="invite-text">请把下面的核对码告诉邀请您的管理员，管理员核对后确认，权限才会生效：</Text>
              <Text className="invite-check" id="invite-check-code">
                {redeemed.checkCode}
              </Text>
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  block
                  id="invite-refresh-button"
                  loading={redeem.pending}
                  onClick={() => void submit(code)}
                >
                  管理员已确认？点此刷新
                </Button>
              </View>
            </View>
          )}
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card" id="invite-form">
        <Text className="invite-title">领取工作人员邀请</Text>
        <Text className="hint">
          管理员邀请您成为社工站工作人员时，会给您一个10位邀请码。领取后把页面上的核对码告诉管理员，确认后即可使用工作台。
        </Text>
        <FormField name="invite-code" label="邀请码" error={problem ?? undefined}>
          <View className="form-input">
            <Input
              id="invite-code-input"
              value={text}
              maxLength={11}
              placeholder="例如：ABCDE-FGHJK"
              onChange={(value) => {
                setText(value);
                setProblem(null);
              }}
            />
          </View>
        </FormField>
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="redeem-invite-button"
            loading={redeem.pending}
            disabled={redeem.pending}
            onClick={() => void submit(text)}
          >
            领取邀请
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button size="large" block id="scan-invite-button" onClick={() => void scan()}>
              扫描邀请二维码
            </Button>
          ) : null}
        </View>
      </View>
    </PageShell>
  );
}
