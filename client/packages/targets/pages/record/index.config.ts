export default definePageConfig({
  navigationBarTitleText: '对象档案',
});
