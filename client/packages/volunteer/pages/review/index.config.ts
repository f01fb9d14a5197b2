export default definePageConfig({
  navigationBarTitleText: '志愿时长审核',
});
