/*
 * The rules of 捐赠管理 (the donation staff page), pure: which queue a console link opens, which
 * actions a pledge offers, what each dialog starts with, and whether what staff typed may be sent.
 */

import type { ResponseOf } from '../../../../shared/contracts/common';
import type { donationsContract } from '../../../../shared/contracts/donations';
import { isValueSetByDonor, type PledgeQueueView } from '../../../../shared/domain/donation';
import { scopeRoots } from '../../../../shared/domain/policy';
import type { RoleGrant } from '../../../../shared/domain/roles';
import { wholeNumber } from './format';
import { yuanToFen } from './forms';

/** A pledge as the staff queue shows it (`donations.staffQueue`). */
export type StaffPledge = ResponseOf<typeof donationsContract, 'staffQueue'>['items'][number];

/** What staff do to a pledge: confirm it arrived, record where it went, thank the donor, or void it. */
export type StaffMode = 'receive' | 'distribute' | 'thank' | 'void';

/** The queue tabs, in order. */
export const STAFF_VIEWS: readonly { key: PledgeQueueView; label: string }[] = [
  { key: 'expected', label: '本周待收' },
  { key: 'overdue', label: '已逾期' },
  { key: 'partial', label: '部分到达' },
  { key: 'received', label: '已接收' },
  { key: 'pledged', label: '全部待收' },
];

/** The console's queue links (`filter=week|overdue`) and the tab each opens. */
const FILTER_VIEWS: Record<string, PledgeQueueView> = {
  week: 'expected',
  expected: 'expected',
  overdue: 'overdue',
  partial: 'partial',
  received: 'received',
  pledged: 'pledged',
};

/** The tab a `filter=` page parameter opens; 本周待收 when absent or unknown. */
export function viewOfFilter(filter: string | undefined): PledgeQueueView {
  return FILTER_VIEWS[filter ?? ''] ?? 'expected';
}

/** The stations whose donations the person manages (`donation:manage`), each once, in grant order. */
export function managedStations<G extends RoleGrant>(grants: readonly G[]): G[] {
  const roots = scopeRoots({ grants }, 'donation:manage');
  return grants.filter(
    (g, index) => roots.includes(g.stationId) && grants.findIndex((o) => o.stationId === g.stationId) === index,
  );
}

/** The station the page opens on: the one asked for when managed, else the first managed one. */
export function initialStation(
  managed: readonly { stationId: string }[],
  asked: string | undefined,
): string | undefined {
  return managed.some((s) => s.stationId === asked) ? asked : managed[0]?.stationId;
}

/** What is left to give out of a pledge: received minus distributed, never below 0. */
export function leftToDistribute(pledge: Pick<StaffPledge, 'receivedQuantity' | 'distributedQuantity'>): number {
  return Math.max(0, pledge.receivedQuantity - pledge.distributedQuantity);
}

/**
 * The buttons a pledge offers, in order: 确认接收 and 作废 while pledged, 登记发放 while some is
 * left, 感谢 once arrived.
 */
export function staffActions(
  pledge: Pick<StaffPledge, 'status' | 'receivedQuantity' | 'distributedQuantity' | 'thankYouNote'>,
): StaffMode[] {
  const actions: StaffMode[] = [];
  if (pledge.status === 'pledged') actions.push('receive', 'void');
  if (pledge.status === 'received' && leftToDistribute(pledge) > 0) actions.push('distribute');
  if ((pledge.status === 'received' || pledge.status === 'distributed') && !pledge.thankYouNote) actions.push('thank');
  return actions;
}

/** Words of each action: the button, the dialog title, its confirm button, the toast after, the note's label. */
export const STAFF_ACTION_TEXT: Record<
  StaffMode,
  { button: string; title: string; confirm: string; done: string; note: string }
> = {
  receive: { button: '确认接收', title: '确认接收', confirm: '确认接收', done: '已确认接收', note: '备注' },
  distribute: { button: '登记发放', title: '登记发放', confirm: '登记发放', done: '已登记发放', note: '备注' },
  thank: { button: '感谢捐赠人', title: '感谢捐赠人', confirm: '发送感谢', done: '已发送感谢', note: '感谢语' },
  void: { button: '作废', title: '作废认捐', confirm: '确认作废', done: '已作废', note: '作废原因（将告知捐赠人）' },
};

/** The quantity a dialog starts with: all that was pledged (receive), all that is left (distribute). */
export function startingQuantity(mode: StaffMode, pledge: StaffPledge): string {
  if (mode === 'thank' || mode === 'void') return '';
  return String(mode === 'receive' ? pledge.quantity : leftToDistribute(pledge));
}

/** What staff typed in the action dialog. */
export interface StaffActionForm {
  quantity: string;
  /** 每单位价值 in 元, asked only when the donor set the value (staff confirm or correct it). */
  unitYuan: string;
  note: string;
  beneficiaryGroup: string;
  activityId: string;
  photoFileId: string | null;
}

/** A checked action, ready to send, or the one problem to write under the form. */
export type CheckedAction =
  | {
      ok: true;
      mode: 'receive';
      request: {
        pledgeId: string;
        receivedQuantity: number;
        unitValueFen?: number;
        note: string;
        photoFileId?: string;
      };
    }
  | {
      ok: true;
      mode: 'distribute';
      request: { pledgeId: string; quantity: number; beneficiaryGroup: string; note: string; activityId?: string };
    }
  | { ok: true; mode: 'thank'; request: { pledgeId: string; note: string } }
  | { ok: true; mode: 'void'; request: { pledgeId: string; reason: string } }
  | { ok: false; problem: string };

/** Checks the dialog before sending, with the same limits the server enforces, in words. */
export function checkStaffAction(mode: StaffMode, pledge: StaffPledge, form: StaffActionForm): CheckedAction {
  const note = form.note.trim();
  const n = wholeNumber(form.quantity);
  switch (mode) {
    case 'receive': {
      if (!n || n < 1) return { ok: false, problem: '请填写实际接收数量（整数）' };
      // A donor's own figure is confirmed (or corrected) here; a need's value stands.
      const unitValueFen = isValueSetByDonor(pledge) ? yuanToFen(form.unitYuan) : undefined;
      if (unitValueFen === null) return { ok: false, problem: '每单位价值请填写金额，如 35 或 35.50' };
      return {
        ok: true,
        mode,
        request: {
          pledgeId: pledge.pledgeId,
          receivedQuantity: n,
          ...(unitValueFen !== undefined ? { unitValueFen } : {}),
          note,
          ...(form.photoFileId ? { photoFileId: form.photoFileId } : {}),
        },
      };
    }
    case 'distribute': {
      const left = leftToDistribute(pledge);
      if (!n || n < 1 || n > left) return { ok: false, problem: `发放数量须为 1 到 ${left} 之间的整数` };
      if (!form.beneficiaryGroup) return { ok: false, problem: '请选择受益群体' };
      return {
        ok: true,
        mode,
        request: {
          pledgeId: pledge.pledgeId,
          quantity: n,
          beneficiaryGroup: form.beneficiaryGroup,
          note,
          ...(form.activityId ? { activityId: form.activityId } : {}),
        },
      };
    }
    case 'thank':
      if (!note) return { ok: false, problem: '请填写感谢语' };
      return { ok: true, mode, request: { pledgeId: pledge.pledgeId, note } };
    case 'void':
      if (!note) return { ok: false, problem: '请填写作废原因（将告知捐赠人）' };
      return { ok: true, mode, request: { pledgeId: pledge.pledgeId, reason: note } };
  }
}

/** Why staff close a need (the closing dialog's choices). */
export const CLOSE_REASONS = ['已足够', '需求取消', '信息有误'] as const;
