export default definePageConfig({
  navigationBarTitleText: '志愿者名单',
  enablePullDownRefresh: true,
});
