import Taro from '@tarojs/taro';

/**
 * Every page path. Tab pages live in the main package; each feature is a subpackage
 * (`packages/<feature>`), which pages reach by URL only — never by import.
 */
export const ROUTES = {
  home: '/pages/home/index',
  stations: '/pages/stations/index',
  mine: '/pages/mine/index',
  donate: '/pages/donate/index',
  activityList: '/packages/activity/pages/list/index',
  activityDetail: '/packages/activity/pages/detail/index',
  myBookings: '/packages/activity/pages/my-bookings/index',
  checkInCode: '/packages/activity/pages/check-in-code/index',
  family: '/packages/activity/pages/family/index',
  messages: '/packages/messages/pages/list/index',
  stationDetail: '/packages/station/pages/detail/index',
  staffActivities: '/packages/staff/pages/activities/index',
  staffEdit: '/packages/staff/pages/edit/index',
  staffScan: '/packages/staff/pages/scan/index',
  staffRoster: '/packages/staff/pages/roster/index',
  staffRatings: '/packages/staff/pages/ratings/index',
  staffVolunteers: '/packages/staff/pages/volunteers/index',
  volunteerRegister: '/packages/volunteer/pages/register/index',
  volunteerProfile: '/packages/volunteer/pages/profile/index',
  volunteerShifts: '/packages/volunteer/pages/shifts/index',
  volunteerShiftCode: '/packages/volunteer/pages/shift-code/index',
  volunteerHours: '/packages/volunteer/pages/hours/index',
  volunteerClaim: '/packages/volunteer/pages/claim/index',
  volunteerCertificate: '/packages/volunteer/pages/certificate/index',
  volunteerVerify: '/packages/volunteer/pages/verify/index',
  volunteerLeaderboard: '/packages/volunteer/pages/leaderboard/index',
  volunteerReview: '/packages/volunteer/pages/review/index',
  consoleHome: '/packages/console/pages/index/index',
  consoleReport: '/packages/console/pages/report/index',
  consoleStaff: '/packages/console/pages/staff/index',
  consoleAudit: '/packages/console/pages/audit/index',
  donationNeed: '/packages/donation/pages/need/index',
  myPledges: '/packages/donation/pages/my-pledges/index',
  donationLedger: '/packages/donation/pages/ledger/index',
  donationStaff: '/packages/donation/pages/staff/index',
  donationNeedEdit: '/packages/donation/pages/need-edit/index',
  donationCharities: '/packages/donation/pages/charities/index',
  targetsPlan: '/packages/targets/pages/plan/index',
  targetsRoster: '/packages/targets/pages/roster/index',
  targetsRecord: '/packages/targets/pages/record/index',
  targetsEdit: '/packages/targets/pages/edit/index',
  targetsVisit: '/packages/targets/pages/visit/index',
  targetsSync: '/packages/targets/pages/sync/index',
  targetsQueue: '/packages/targets/pages/queue/index',
  targetsTasks: '/packages/targets/pages/tasks/index',
  targetsReadLog: '/packages/targets/pages/read-log/index',
  targetsPolicy: '/packages/targets/pages/policy/index',
  targetLink: '/packages/targets/pages/link/index',
  orderMenu: '/packages/orders/pages/menu/index',
  orderForm: '/packages/orders/pages/order/index',
  myOrders: '/packages/orders/pages/mine/index',
  orderDetail: '/packages/orders/pages/detail/index',
  orderQueue: '/packages/orders/pages/queue/index',
  orderWork: '/packages/orders/pages/work/index',
  menuEditor: '/packages/orders/pages/menu-editor/index',
  orderPolicy: '/packages/orders/pages/policy/index',
  inviteRedeem: '/packages/invite/pages/redeem/index',
  /** H5 local runs only; absent from the weapp build. */
  devSignIn: '/packages/dev/pages/sign-in/index',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

const TAB_ROUTES: readonly Route[] = [ROUTES.home, ROUTES.stations, ROUTES.donate, ROUTES.mine];

/** `path?k=v&…` with encoded values; undefined values are left out. */
export function urlOf(path: Route, query: Record<string, string | number | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** Opens a page: tab pages by `switchTab`, the rest by `navigateTo`. */
export function openPage(path: Route, query?: Record<string, string | number | undefined>): void {
  if (TAB_ROUTES.includes(path)) {
    void Taro.switchTab({ url: path });
    return;
  }
  void Taro.navigateTo({ url: urlOf(path, query) });
}

/** The current page's route with its query, for "come back here after signing in". */
export function currentPageUrl(): string | null {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1];
  if (!page?.route) return null;
  const route = page.route.startsWith('/') ? page.route : `/${page.route}`;
  const options = (page as { options?: Record<string, string> }).options ?? {};
  const query = Object.entries(options)
    .filter(([key]) => key !== '$taroTimestamp' && key !== 'stamp')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

/** Whether a path is one of the tab pages (they must be opened with `switchTab`). */
export function isTabRoute(url: string): boolean {
  const path = url.split('?')[0];
  return TAB_ROUTES.some((route) => route === path);
}

/** A page parameter as text: weapp hands query values over still encoded, H5 decoded. */
export function readParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
