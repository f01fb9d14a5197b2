import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { SHIFT_STATUS_LABELS } from '../../../../../shared/domain/shift';

import { formatTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState } from '../../../../components/states';

import { useLiveReload } from '../../../../hooks/use-live-reload';

import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useShiftCode } from '../../api/use-shift-code';
import { useMyShiftOn } from '../../api/volunteering';
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';
import { RotatingCodeView } from '../../../../components/rotating-code';

/** While the code is on screen, the shift is re-read this often so a scan shows 已签到 / 已签退. */
const STATUS_POLL_MS = 10_000;

/**
 * A volunteer's shift code: scanned once at arrival (签到) and once at departure (签退). A large
 * rotating QR code, the same code as 6 digits, and the shift's state in words.
 */
export default function ShiftCodePage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const shifts = useMyShiftOn(activityId);
  const shift = shifts.data ?? undefined;
  const finished = shift?.status === 'checked_out';
  const code = useShiftCode(activityId, !finished);
  useLiveReload(finished ? () => Promise.resolve() : shifts.reload, STATUS_POLL_MS);

  if (!activityId) {
    return (
      <PageShell>
        <EmptyState
          title="没有找到这个岗位"
          actionText="查看我的岗位"
          onAction={() => openPage(ROUTES.volunteerShifts)}
        />
      </PageShell>
    );
  }
  if (finished && shift) {
    return (
      <PageShell>
        <View className="card rotating-code__done" id="shift-done">
          <Text className="rotating-code__done-mark">✓</Text>
          <Text className="rotating-code__done-title">已签退</Text>
          <Text className="rotating-code__activity">{shift.activity.title}</Text>
          {shift.minutes !== null ? <Text className="hint">本次服务时长：{hoursText(shift.minutes)}</Text> : null}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="open-hours-button"
              onClick={() => openPage(ROUTES.volunteerHours)}
            >
              查看服务时长
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }
  return (
    <RotatingCodeView
      state={code}
      ids={{ card: 'shift-code', qr: 'shift-code-qr', shortCode: 'shift-short-code' }}
      how="志愿者签到码：到场和离开时各请社工扫一次"
      back={{ id: 'back-to-shifts-button', label: '返回我的岗位', onClick: () => openPage(ROUTES.volunteerShifts) }}
      above={
        shift ? (
          <Text className="status-line" id="shift-status">
            {shift.status === 'checked_in'
              ? `✓ 已签到 ${shift.checkInAt ? formatTime(shift.checkInAt) : ''}，离开时请再扫一次签退`
              : `${SHIFT_STATUS_LABELS[shift.status]}：到场后请社工扫码签到`}
          </Text>
        ) : null
      }
    />
  );
}
