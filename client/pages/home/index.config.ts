export default definePageConfig({
  navigationBarTitleText: '社工站通',
  enablePullDownRefresh: true,
});
