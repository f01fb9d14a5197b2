export default definePageConfig({
  navigationBarTitleText: '我的探访任务',
  enablePullDownRefresh: true,
});
