export default definePageConfig({ navigationBarTitleText: '慈善组织名录' });
