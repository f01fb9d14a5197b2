export default definePageConfig({ navigationBarTitleText: '服务单管理', enablePullDownRefresh: true });
