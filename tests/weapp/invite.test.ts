/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, `wx.cloud.callFunction`
 * routed to the REAL cloud functions: 小李 (`dev-volunteer`) opens 领取工作人员邀请 from 我的,
 * scans the invite QR code 刘主任 created (ADR 0023), redeems it and reads the check number; once
 * the admin confirms, a refresh shows the role.
 */
import type { Backend } from '../service/support';
import { inviteRedeemPath } from '../../shared/domain/invites';
import {
  addWxApis,
  attributeValues,
  byId,
  dataTree,
  findNode,
  nodeText,
  openPage,
  recorder,
  tap,
  textOf,
  waitFor,
  useWeapp,
} from './simulate-env';

jest.setTimeout(60_000);

const VOLUNTEER = 'dev-volunteer';
const ADMIN = 'dev-admin';
let backend: Backend;

/** `wx.scanCode` answering with the QR text the admin's page shows on weapp. */
let nextScan = '';
function scanCode(options: { success?: (res: unknown) => void; complete?: (res: unknown) => void }) {
  const answer = { result: nextScan, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' };
  setTimeout(() => {
    options.success?.(answer);
    options.complete?.(answer);
  }, 0);
}
addWxApis({ scanCode });

useWeapp(VOLUNTEER, (started) => (backend = started));

test('领取工作人员邀请: scan, redeem, tell the check number, see the role once confirmed', async () => {
  const invite = await backend.ok('accounts', 'createRoleInvite', { stationId: 'st_LJ0101', role: 'staff' }, ADMIN);

  const mine = await openPage('pages/mine/index');
  await waitFor(() => byId(mine, 'invite-entry'), 'the invite entry under 我的', mine);
  tap(mine, 'invite-entry');
  await waitFor(
    () => recorder.navigations.some((n) => String(n).includes('/packages/invite/pages/redeem/index')),
    'navigation to the redeem page',
    mine,
  );

  const page = await openPage('packages/invite/pages/redeem/index');
  await waitFor(() => byId(page, 'scan-invite-button'), 'the scan button (weapp)', page);
  nextScan = inviteRedeemPath(invite.code);
  tap(page, 'scan-invite-button');
  const typed = `${invite.code.slice(0, 5)}-${invite.code.slice(5)}`;
  // The scanned code lands in the input's value (an attribute, not text).
  await waitFor(
    () => findNode(dataTree(page), (node) => attributeValues(node).includes(typed)),
    'the code filled in',
    page,
  );
  tap(page, 'redeem-invite-button');
  await waitFor(() => byId(page, 'invite-check-code'), 'the check number', page);
  expect(textOf(page)).toContain('已领取：颐和社区社工室 · 驻站社工');
  const check = nodeText(byId(page, 'invite-check-code'));
  expect(check).toMatch(/^\d{4}$/);

  const waiting = await backend.ok('accounts', 'listRoleInvites', { stationId: 'st_LJ' }, ADMIN);
  expect(waiting.items).toEqual([
    expect.objectContaining({ inviteId: invite.inviteId, claimantName: '小李', checkCode: check }),
  ]);
  await backend.ok('accounts', 'confirmRoleInvite', { inviteId: invite.inviteId }, ADMIN);

  tap(page, 'invite-refresh-button');
  await waitFor(() => byId(page, 'invite-granted'), 'the granted role', page);
  expect(nodeText(byId(page, 'invite-granted'))).toBe('✓ 您已是“颐和社区社工室”的驻站社工');
  expect(recorder.calls.filter((c) => c === 'accounts.redeemRoleInvite')).toHaveLength(2);
  expect(recorder.modals).toEqual([]);
});
