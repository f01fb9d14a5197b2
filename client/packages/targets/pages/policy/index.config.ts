export default definePageConfig({
  navigationBarTitleText: '探访频次',
});
