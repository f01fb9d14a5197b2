export default definePageConfig({ navigationBarTitleText: '发布物资需求' });
