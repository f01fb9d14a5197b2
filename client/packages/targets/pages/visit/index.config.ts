export default definePageConfig({
  navigationBarTitleText: '记录探访',
});
