/**
 * Local sign-in personas (H5 on a local run only; never in the weapp build or a cloud deploy).
 * The gateway maps each to a fixed openid whose account the seed prepares.
 */
export const DEV_PERSONAS = {
  resident: { label: '居民 · 张阿姨', description: '预约活动、出示签到码' },
  volunteer: { label: '志愿者 · 小李', description: '报名志愿岗位、查看服务时长' },
  donor: { label: '爱心人士 · 陈先生', description: '认捐物资、查看去向' },
  staff: { label: '驻站社工 · 王社工', description: '发布活动、扫码签到' },
  admin: { label: '区级管理员 · 刘主任', description: '管理全区站点与权限' },
} as const;
export type DevPersona = keyof typeof DEV_PERSONAS;
export const DEV_PERSONA_KEYS = Object.keys(DEV_PERSONAS) as [DevPersona, ...DevPersona[]];
