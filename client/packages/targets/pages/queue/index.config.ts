export default definePageConfig({
  navigationBarTitleText: '待确认与跟进',
  enablePullDownRefresh: true,
});
