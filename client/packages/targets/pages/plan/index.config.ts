export default definePageConfig({
  navigationBarTitleText: '今日探访',
  enablePullDownRefresh: true,
});
