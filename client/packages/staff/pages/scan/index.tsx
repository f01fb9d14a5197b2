import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TActivityDetail, TCheckInResult } from '../../../../../shared/contracts/activities';
import { parseCode } from '../../../../../shared/domain/checkin-code';
import { formatDateTime, formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { goToSignIn, needsSignIn } from '../../../../lib/auth';
import type { CloudError } from '../../../../lib/cloud';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { type CheckInRequest, type RosterCounts, loadCounts, useCheckIn } from '../../api/use-attendance';
import { useStaffActivity } from '../../api/use-staff-activity';
import {
  type ShiftCodeInput,
  type ShiftScanResult,
  useScanShift,
  useShortCodeCheckIn,
} from '../../api/use-volunteer-scan';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import '../../../../components/form.scss';
import { scanQrCode } from '../../lib/scan';
import './index.scss';

/** The last attempt at the door: a check-in (new or repeated) or a refusal in words. */
type Outcome =
  | { kind: 'done'; result: TCheckInResult }
  | { kind: 'refused'; message: string; detail?: string }
  | { kind: 'unreadable' }
  | { kind: 'shift'; result: ShiftScanResult }
  | { kind: 'stillIn'; result: ShiftScanResult };

function checkInOpensAt(activity: TActivityDetail): Date {
  return new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
}

/** The result, big: a mark and a headline in words (never colour alone), then who, and when. */
function ResultCard({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'stillIn') {
    // Staff chose not to check out after a second scan minutes after the first: nothing changed.
    return (
      <View className="card scan-result scan-result--info" id="scan-result">
        <Text className="scan-result__headline" id="scan-result-headline">
          ℹ 仍在服务中
        </Text>
        <Text className="scan-result__name" id="scan-result-name">
          志愿者 {outcome.result.volunteerName}
        </Text>
        <Text className="scan-result__line" id="scan-result-minutes">
          {`${formatTime(outcome.result.at)} 已签到，没有签退；离开时再扫一次`}
        </Text>
      </View>
    );
  }
  if (outcome.kind === 'shift') {
    // A volunteer's shift code: 签到 at arrival, 签退 (with verified minutes) at departure.
    const { result } = outcome;
    const headline =
      result.result === 'checked_in'
        ? '✓ 志愿者签到成功'
        : result.result === 'checked_out'
          ? '✓ 志愿者签退成功'
          : 'ℹ 已签退过';
    return (
      <View className="card scan-result scan-result--ok" id="scan-result">
        <Text className="scan-result__headline" id="scan-result-headline">
          {headline}
        </Text>
        <Text className="scan-result__name" id="scan-result-name">
          志愿者 {result.volunteerName}
        </Text>
        <Text className="scan-result__line">{result.activityTitle}</Text>
        <Text className="scan-result__line" id="scan-result-minutes">
          {result.result === 'checked_in'
            ? `签到时间 ${formatTime(result.at)}，离开时请再扫一次签退`
            : result.minutes
              ? `签退时间 ${formatTime(result.at)}，本次服务 ${result.minutes} 分钟`
              : `签退时间 ${formatTime(result.at)}，服务不足半小时，不计时长`}
        </Text>
      </View>
    );
  }
  if (outcome.kind === 'done') {
    const { result } = outcome;
    const fresh = result.result === 'checked_in';
    return (
      <View className={`card scan-result ${fresh ? 'scan-result--ok' : 'scan-result--info'}`} id="scan-result">
        <Text className="scan-result__headline" id="scan-result-headline">
          {fresh ? '✓ 签到成功' : 'ℹ 已签到过'}
        </Text>
        <Text className="scan-result__name" id="scan-result-name">
          {result.attendeeName}
          {result.phoneTail ? `（尾号 ${result.phoneTail}）` : ''}
        </Text>
        <Text className="scan-result__line">{result.activityTitle}</Text>
        <Text className="scan-result__line">
          {fresh
            ? `签到时间 ${formatTime(result.checkedInAt)}`
            : `已于 ${formatDateTime(result.checkedInAt)} 签到${result.checkedInByName ? `，由 ${result.checkedInByName} 办理` : ''}，无需重复签到`}
        </Text>
      </View>
    );
  }
  return (
    <View className="card scan-result scan-result--refused" id="scan-result">
      <Text className="scan-result__headline" id="scan-result-headline">
        ✗ 未能签到
      </Text>
      <Text className="scan-result__message" id="scan-result-message">
        {outcome.kind === 'unreadable' ? '没有识别到二维码' : outcome.message}
      </Text>
      <Text className="scan-result__line">
        {outcome.kind === 'unreadable'
          ? '请把二维码放在画面中间、拍清楚后再试，或输入对方的6位签到码。'
          : (outcome.detail ?? '')}
      </Text>
    </View>
  );
}

/**
 * Staff at the door: scan a resident's rotating QR code (weapp camera; H5 a photo decoded with
 * jsqr), or type the 6-digit short code. Each attempt ends in one big result card, and the page
 * is at once ready for the next person.
 */
export default function StaffScanPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useStaffActivity(activityId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [shortCode, setShortCode] = useState('');
  const [shortCodeProblem, setShortCodeProblem] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [counts, setCounts] = useState<RosterCounts | null>(null);
  /** A second scan the server wants confirmed before it checks out with no time recorded. */
  const [pendingOut, setPendingOut] = useState<{ input: ShiftCodeInput; result: ShiftScanResult } | null>(null);

  const refreshCounts = useCallback(() => {
    if (!activityId) return;
    loadCounts(activityId).then(setCounts, () => undefined);
  }, [activityId]);
  useEffect(refreshCounts, [refreshCounts]);

  const refusal = (error: CloudError): Outcome => {
    const data = activity.data;
    if (error.code === 'CHECKIN_NOT_OPEN' && data) {
      return {
        kind: 'refused',
        message: error.userMessage,
        detail: `本活动 ${formatDateTime(checkInOpensAt(data))} 起可以签到`,
      };
    }
    return {
      kind: 'refused',
      message: error.userMessage,
      detail: error.code === 'INTERNAL' && error.requestId ? `问题编号：${error.requestId}` : undefined,
    };
  };
  const checkIn = useCheckIn({
    onError: (error) => {
      if (needsSignIn(error)) {
        goToSignIn();
        return true;
      }
      setOutcome(refusal(error));
      return true;
    },
  });

  const submit = async (request: CheckInRequest) => {
    const answer = await checkIn.run(request);
    if (answer.ok) {
      setOutcome({ kind: 'done', result: answer.value });
      refreshCounts();
    }
    return answer.ok;
  };

  const scanShift = useScanShift({
    onError: (error) => {
      if (needsSignIn(error)) {
        goToSignIn();
        return true;
      }
      setOutcome(refusal(error));
      return true;
    },
  });
  const shortCodeCheckIn = useShortCodeCheckIn({
    onError: (error) => {
      if (needsSignIn(error)) {
        goToSignIn();
        return true;
      }
      setOutcome(refusal(error));
      return true;
    },
  });
  /** A shift scan's answer: shown, or — when it would check out with no time — asked about first. */
  const showShift = (input: ShiftCodeInput, result: ShiftScanResult) => {
    if (result.result === 'confirm_checkout') {
      setOutcome(null);
      setPendingOut({ input, result });
    } else setOutcome({ kind: 'shift', result });
  };
  const submitShift = async (code: string) => {
    if (!activityId) return;
    const answer = await scanShift.run(activityId, { code });
    if (answer.ok) showShift({ code }, answer.value);
  };
  const confirmCheckOut = async () => {
    if (!activityId || !pendingOut) return;
    const answer = await scanShift.run(activityId, pendingOut.input, 'out');
    setPendingOut(null);
    if (answer.ok) setOutcome({ kind: 'shift', result: answer.value });
  };

  const scan = async () => {
    if (!activityId || scanning) return;
    setScanning(true);
    try {
      const scanned = await scanQrCode();
      if (scanned.kind === 'cancelled') return;
      if (scanned.kind === 'unreadable') {
        setOutcome({ kind: 'unreadable' });
        return;
      }
      if (parseCode(scanned.text)?.kind === 'v') await submitShift(scanned.text);
      else await submit({ activityId, code: scanned.text });
    } finally {
      setScanning(false);
    }
  };

  const submitShortCode = async () => {
    if (!activityId) return;
    const digits = shortCode.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setShortCodeProblem('请输入6位数字签到码');
      return;
    }
    setShortCodeProblem(null);
    const answer = await shortCodeCheckIn.run(activityId, digits);
    if (!answer.ok) return;
    if (answer.value.kind === 'resident') {
      setOutcome({ kind: 'done', result: answer.value.result });
      refreshCounts();
    } else {
      showShift({ shortCode: digits }, answer.value.result);
    }
    setShortCode('');
  };

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState title="没有指定活动" actionText="返回活动管理" onAction={() => openPage(ROUTES.staffActivities)} />
      </PageShell>
    );
  }
  if (!activity.data) {
    return (
      <PageShell>
        {activity.error ? (
          <ErrorState error={activity.error} onRetry={() => void activity.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageShell>
    );
  }

  const data = activity.data;
  const busy = scanning || checkIn.pending;
  return (
    <PageShell>
      <View className="card">
        <Text className="scan-page__title" id="scan-activity-title">
          {data.title}
        </Text>
        <Text className="hint">
          签到时间：{formatDateTime(checkInOpensAt(data))} 起，至 {formatDateTime(data.endAt)}
        </Text>
        {counts ? (
          <Text className="scan-page__tally" id="scan-tally">
            已签到 {counts.checked_in} 人 · 待签到 {counts.confirmed} 人
          </Text>
        ) : null}
      </View>

      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="scan-button"
          className="scan-page__scan"
          loading={busy}
          disabled={busy}
          onClick={() => void scan()}
        >
          {busy ? '正在识别…' : outcome ? '扫下一位' : '扫码签到'}
        </Button>
      </View>

      {outcome ? <ResultCard outcome={outcome} /> : null}

      <View className="card">
        <Text className="form-field__label">对方扫码不方便？输入6位签到码</Text>
        <View className={`form-input${shortCodeProblem ? ' form-input--error' : ''}`}>
          <Input
            id="short-code-input"
            type="number"
            value={shortCode}
            placeholder="例如：123456"
            maxLength={7}
            onChange={(value) => {
              setShortCode(value);
              setShortCodeProblem(null);
            }}
          />
        </View>
        {shortCodeProblem ? (
          <Text className="form-field__error" id="short-code-error">
            ！{shortCodeProblem}
          </Text>
        ) : null}
        <View className="actions">
          <Button
            type="primary"
            fill="outline"
            id="submit-short-code-button"
            disabled={busy}
            onClick={() => void submitShortCode()}
          >
            提交签到码
          </Button>
        </View>
      </View>

      <View className="actions">
        <Button fill="outline" id="open-roster-button" onClick={() => openPage(ROUTES.staffRoster, { activityId })}>
          查看名单 / 代签到
        </Button>
      </View>

      <ConfirmDialog
        visible={pendingOut !== null}
        title="现在签退？"
        content={
          pendingOut
            ? `志愿者 ${pendingOut.result.volunteerName} ${formatTime(pendingOut.result.at)} 刚签到，到现在不足半小时，现在签退不计服务时长。\n如果只是又扫了一次，请选“不签退”。`
            : ''
        }
        confirmText="确认签退"
        cancelText="不签退"
        pending={scanShift.pending}
        confirmId="confirm-checkout-button"
        cancelId="keep-checked-in-button"
        onConfirm={() => void confirmCheckOut()}
        onCancel={() => {
          if (pendingOut) setOutcome({ kind: 'stillIn', result: pendingOut.result });
          setPendingOut(null);
        }}
      />
    </PageShell>
  );
}
