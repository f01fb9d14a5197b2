import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../../shared/contracts/volunteering';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { readParam } from '../../../../lib/routes';
import { useVerifyCertificate } from '../../api/volunteering';
import { TextField } from '../../components/fields';
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';

type Check = ResponseOf<typeof volunteeringContract, 'verifyCertificate'>;
type Outcome = { kind: 'valid'; check: Check } | { kind: 'invalid'; message: string };

/** Public: anyone checks a 志愿服务记录证明 by its serial and verification code (no sign-in). */
export default function VerifyCertificatePage() {
  const { params } = useRouter();
  const [serial, setSerial] = useState(readParam(params.serial) ?? '');
  const [code, setCode] = useState(readParam(params.code) ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const verify = useVerifyCertificate({
    onError: (error) => {
      setOutcome({ kind: 'invalid', message: error.userMessage });
      return true;
    },
  });

  const submit = async () => {
    const s = serial.trim().toUpperCase();
    const c = code.trim().toUpperCase();
    if (!/^[A-Z0-9-]{6,40}$/.test(s)) {
      setOutcome({ kind: 'invalid', message: '证明编号格式不正确，请核对' });
      return;
    }
    if (!/^[A-Z0-9]{8}$/.test(c)) {
      setOutcome({ kind: 'invalid', message: '校验码为8位字母或数字，请核对' });
      return;
    }
    const answer = await verify.run(s, c);
    if (answer.ok) setOutcome({ kind: 'valid', check: answer.value });
  };

  // Opened from a certificate's QR code: check at once.
  const autoChecked = useRef(false);
  useEffect(() => {
    if (autoChecked.current || !params.serial || !params.code) return;
    autoChecked.current = true;
    void submit();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <PageShell>
      <View className="card">
        <Text className="vol-title">志愿服务记录证明核验</Text>
        <Text className="hint">输入证明上的编号和校验码，无需登录。</Text>
        <TextField id="verify-serial-input" label="证明编号" value={serial} onChange={setSerial} maxLength={40} />
        <TextField id="verify-code-input" label="校验码（8位）" value={code} onChange={setCode} maxLength={8} />
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="verify-button"
            loading={verify.pending}
            disabled={verify.pending}
            onClick={() => void submit()}
          >
            核验
          </Button>
        </View>
      </View>
      {outcome ? (
        <View className="card" id="verify-result">
          {outcome.kind === 'valid' ? (
            <View>
              <Text className="vol-title status-line--ok" id="verify-headline">
                ✓ 证明有效
              </Text>
              <View className="meta-row">
                <Text className="meta-label">证明编号</Text>
                <Text className="meta-value">{outcome.check.serial}</Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">姓名</Text>
                <Text className="meta-value" id="verify-name">
                  {outcome.check.volunteerName}
                </Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">志愿者编号</Text>
                <Text className="meta-value">{outcome.check.volunteerNo}</Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">服务期间</Text>
                <Text className="meta-value">{`${outcome.check.from} 至 ${outcome.check.to}`}</Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">累计时长</Text>
                <Text className="meta-value" id="verify-total">
                  {hoursText(outcome.check.totalMinutes)}
                </Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">出具单位</Text>
                <Text className="meta-value">{outcome.check.issuerName}</Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">出具时间</Text>
                <Text className="meta-value">{formatDateTime(outcome.check.issuedAt)}</Text>
              </View>
            </View>
          ) : (
            <View>
              <Text className="vol-title status-line--danger" id="verify-headline">
                ✗ 未能核验
              </Text>
              <Text className="vol-row__line" id="verify-message">
                {outcome.message}
              </Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
