export default definePageConfig({ navigationBarTitleText: '公示账本', enablePullDownRefresh: true });
