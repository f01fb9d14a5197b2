export default definePageConfig({
  navigationBarTitleText: '领取工作人员邀请',
});
