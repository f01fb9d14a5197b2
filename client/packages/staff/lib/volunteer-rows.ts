import type { TActivityVolunteer } from '../../../../shared/contracts/volunteering';
import { formatTime } from '../../../../shared/domain/time';

/** One volunteer's shift at the door, in words: "已签到 09:05", "09:05 签到 · 11:00 签退 · 115 分钟". */
export function shiftLine(
  row: Pick<TActivityVolunteer, 'status' | 'checkInAt' | 'checkOutAt' | 'minutes' | 'autoClosed'>,
): string {
  switch (row.status) {
    case 'signed_up':
      return '已报名，未签到';
    case 'checked_in':
      return row.checkInAt ? `服务中：${formatTime(row.checkInAt)} 签到` : '服务中';
    case 'checked_out': {
      const parts = [
        row.checkInAt ? `${formatTime(row.checkInAt)} 签到` : null,
        row.checkOutAt ? `${formatTime(row.checkOutAt)} 签退${row.autoClosed ? '（系统自动）' : ''}` : null,
        row.minutes ? `${row.minutes} 分钟` : '不足半小时，不计时长',
      ];
      return parts.filter(Boolean).join(' · ');
    }
    case 'cancelled':
      return '已取消';
  }
}
