export default definePageConfig({ navigationBarTitleText: '响应与办结时限' });
