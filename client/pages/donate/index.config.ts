export default definePageConfig({
  navigationBarTitleText: '公益',
  enablePullDownRefresh: true,
});
