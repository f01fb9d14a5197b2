export default definePageConfig({
  navigationBarTitleText: '绑定服务对象',
});
