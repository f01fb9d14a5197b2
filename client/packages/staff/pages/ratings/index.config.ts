export default definePageConfig({
  navigationBarTitleText: '活动评价',
  enablePullDownRefresh: true,
});
