export default definePageConfig({
  navigationBarTitleText: '服务对象档案',
  enablePullDownRefresh: true,
});
