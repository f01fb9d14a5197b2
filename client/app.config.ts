/** Pages of the main package: the three tabs. Everything else is a feature subpackage. */
const TAB_PAGES = ['pages/home/index', 'pages/stations/index', 'pages/donate/index', 'pages/mine/index'];

/** One subpackage per feature; `dev` (local persona sign-in) exists in the H5 build only. */
const SUB_PACKAGES = [
  {
    root: 'packages/activity',
    pages: [
      'pages/list/index',
      'pages/detail/index',
      'pages/my-bookings/index',
      'pages/check-in-code/index',
      'pages/family/index',
    ],
  },
  { root: 'packages/station', pages: ['pages/detail/index'] },
  {
    root: 'packages/staff',
    pages: [
      'pages/activities/index',
      'pages/edit/index',
      'pages/scan/index',
      'pages/roster/index',
      'pages/ratings/index',
      'pages/volunteers/index',
    ],
  },
  { root: 'packages/messages', pages: ['pages/list/index'] },
  { root: 'packages/invite', pages: ['pages/redeem/index'] },
  {
    root: 'packages/console',
    pages: ['pages/index/index', 'pages/report/index', 'pages/staff/index', 'pages/audit/index'],
  },
  {
    root: 'packages/volunteer',
    pages: [
      'pages/register/index',
      'pages/profile/index',
      'pages/shifts/index',
      'pages/shift-code/index',
      'pages/hours/index',
      'pages/claim/index',
      'pages/certificate/index',
      'pages/verify/index',
      'pages/leaderboard/index',
      'pages/review/index',
    ],
  },
  {
    root: 'packages/donation',
    pages: [
      'pages/need/index',
      'pages/my-pledges/index',
      'pages/ledger/index',
      'pages/staff/index',
      'pages/need-edit/index',
      'pages/charities/index',
    ],
  },
  {
    root: 'packages/targets',
    pages: [
      'pages/plan/index',
      'pages/roster/index',
      'pages/record/index',
      'pages/edit/index',
      'pages/visit/index',
      'pages/sync/index',
      'pages/queue/index',
      'pages/tasks/index',
      'pages/read-log/index',
      'pages/policy/index',
      'pages/link/index',
    ],
  },
  {
    root: 'packages/orders',
    pages: [
      'pages/menu/index',
      'pages/order/index',
      'pages/mine/index',
      'pages/detail/index',
      'pages/queue/index',
      'pages/work/index',
      'pages/menu-editor/index',
      'pages/policy/index',
    ],
  },
  ...(process.env.TARO_ENV === 'h5' ? [{ root: 'packages/dev', pages: ['pages/sign-in/index'] }] : []),
];

export default defineAppConfig({
  pages: TAB_PAGES,
  subPackages: SUB_PACKAGES,
  // The home tab leads to activities and stations: fetch those subpackages early on any network.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/activity', 'packages/station'] },
  },
  // H5 only: Taro's page-switch animation leaves a page hidden when someone goes back within
  // ~0.3 s (a hide timer is not cancelled); without the animation pages switch at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '社工站通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#0a5aa8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/stations/index',
        text: '站点',
        iconPath: 'assets/tabbar/stations.png',
        selectedIconPath: 'assets/tabbar/stations-active.png',
      },
      {
        pagePath: 'pages/donate/index',
        text: '公益',
        iconPath: 'assets/tabbar/donate.png',
        selectedIconPath: 'assets/tabbar/donate-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // 离我最近: WeChat shows this reason when asking for location, and getLocation must be declared.
  permission: { 'scope.userLocation': { desc: '用于为您查找并显示离您最近的社工站' } },
  requiredPrivateInfos: ['getLocation'],
  // Cloud development (wx.cloud) for base libraries that still look for the flag.
  ...(process.env.TARO_ENV === 'weapp' ? { cloud: true } : {}),
});
