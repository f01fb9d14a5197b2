export default definePageConfig({
  navigationBarTitleText: '人员管理',
  // 发给对方 shares an invite as a chat card (weapp).
  enableShareAppMessage: true,
});
