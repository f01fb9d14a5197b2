import type { accountsContract } from '../../../../shared/contracts/accounts';
import type { ResponseOf } from '../../../../shared/contracts/common';
import type { ordersContract } from '../../../../shared/contracts/orders';
import type { reportsContract } from '../../../../shared/contracts/reports';
import type { StaffRole } from '../../../../shared/domain/roles';
import { useAction, type ActionOptions } from '../../../hooks/use-action';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { accountsFn, callFunction, ordersFn, reportsFn } from '../../../lib/cloud';

export type TodayData = ResponseOf<typeof reportsContract, 'today'>;
export type MonthlyReport = ResponseOf<typeof reportsContract, 'monthly'>;
export type TrendData = ResponseOf<typeof reportsContract, 'trend'>;
export type ExportedFile = ResponseOf<typeof reportsContract, 'exportMonthly'>;
export type AuditEntry = ResponseOf<typeof reportsContract, 'auditLog'>['items'][number];
export type StaffMember = ResponseOf<typeof accountsContract, 'listStaff'>['items'][number];

/** The console of one station: today's activities, queues, this month (`reports.today`). */
export function useToday(stationId: string | undefined): Remote<TodayData> {
  return useRemote(
    stationId ? `reports.today:${stationId}` : null,
    () => callFunction(reportsFn, 'today', { stationId: stationId as string }),
    { reloadOnShow: true },
  );
}

/** The 月报 of a station subtree for one month (`reports.monthly`). */
export function useMonthly(stationId: string | undefined, month: string): Remote<MonthlyReport> {
  return useRemote(stationId ? `reports.monthly:${stationId}:${month}` : null, () =>
    callFunction(reportsFn, 'monthly', { stationId: stationId as string, month }),
  );
}

/** 12 months up to `endMonth` of attendances and volunteer hours (`reports.trend`). */
export function useTrend(stationId: string | undefined, endMonth: string): Remote<TrendData> {
  return useRemote(stationId ? `reports.trend:${stationId}:${endMonth}` : null, () =>
    callFunction(reportsFn, 'trend', { stationId: stationId as string, endMonth, months: 12 }),
  );
}

/** The 月报 as an .xlsx in cloud storage, with a short-lived link (`reports.exportMonthly`). */
export function useExportMonthly(options?: ActionOptions) {
  return useAction(
    (stationId: string, month: string) => callFunction(reportsFn, 'exportMonthly', { stationId, month }),
    options,
  );
}

const AUDIT_PAGE_SIZE = 20;

/** Who did what in a station subtree, newest first, optionally by action prefix (`reports.auditLog`). */
export function useAuditLog(stationId: string | undefined, action: string | undefined): PagedList<AuditEntry> {
  return usePaged(stationId ? `reports.auditLog:${stationId}:${action ?? ''}` : null, (page) =>
    callFunction(reportsFn, 'auditLog', {
      stationId: stationId as string,
      ...(action ? { action } : {}),
      page,
      pageSize: AUDIT_PAGE_SIZE,
    }),
  );
}

/** The staff of a station subtree with their roles (`accounts.listStaff`). */
export function useStaffList(stationId: string | undefined): Remote<ResponseOf<typeof accountsContract, 'listStaff'>> {
  return useRemote(stationId ? `accounts.listStaff:${stationId}` : null, () =>
    callFunction(accountsFn, 'listStaff', { stationId: stationId as string }),
  );
}

export type CreatedInvite = ResponseOf<typeof accountsContract, 'createRoleInvite'>;
export type WaitingInvite = ResponseOf<typeof accountsContract, 'listRoleInvites'>['items'][number];

/** Invite someone to a role at a station of the admin's subtree (`accounts.createRoleInvite`). */
export function useCreateRoleInvite(options?: ActionOptions) {
  return useAction(
    (stationId: string, role: StaffRole) => callFunction(accountsFn, 'createRoleInvite', { stationId, role }),
    options,
  );
}

/** Invites of a station subtree waiting to be redeemed or confirmed (`accounts.listRoleInvites`). */
export function useRoleInvites(
  stationId: string | undefined,
): Remote<ResponseOf<typeof accountsContract, 'listRoleInvites'>> {
  return useRemote(
    stationId ? `accounts.listRoleInvites:${stationId}` : null,
    () => callFunction(accountsFn, 'listRoleInvites', { stationId: stationId as string }),
    { reloadOnShow: true },
  );
}

/** Confirm a redeemed invite: the role takes effect (`accounts.confirmRoleInvite`). */
export function useConfirmRoleInvite(options?: ActionOptions) {
  return useAction((inviteId: string) => callFunction(accountsFn, 'confirmRoleInvite', { inviteId }), options);
}

/** Withdraw a waiting invite, or decline its claimant (`accounts.withdrawRoleInvite`). */
export function useWithdrawRoleInvite(options?: ActionOptions) {
  return useAction((inviteId: string) => callFunction(accountsFn, 'withdrawRoleInvite', { inviteId }), options);
}

/** Revoke a person's role at a station (`accounts.revokeRole`). */
export function useRevokeRole(options?: ActionOptions) {
  return useAction(
    (stationId: string, userId: string) => callFunction(accountsFn, 'revokeRole', { stationId, userId }),
    options,
  );
}

export type OrderConsole = ResponseOf<typeof ordersContract, 'getConsole'>;

/** The service-order cards of a station subtree: today's new, open, overdue, awaiting rating (`orders.getConsole`). */
export function useOrderConsole(stationId: string | undefined): Remote<OrderConsole> {
  return useRemote(
    stationId ? `orders.getConsole:${stationId}` : null,
    () => callFunction(ordersFn, 'getConsole', { stationId: stationId as string }),
    { reloadOnShow: true },
  );
}
