/**
 * The closed list of error codes that cross the wire. Pages branch on `code` and show
 * `userMessage`; logs keep the technical detail. Adding a code means adding its default
 * Chinese message here, so no code reaches a user without words.
 */
export const ERROR_MESSAGES = {
  /** The payload failed its contract schema (wrong type, missing or extra field, too long). */
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  /** The event named an action the function does not have. */
  UNKNOWN_ACTION: '暂不支持该操作，请升级小程序后再试',
  /** The action needs a signed-in person and the platform context carried none. */
  UNAUTHENTICATED: '请先登录',
  /** The caller is signed in but the policy refuses this action on this station or record. */
  FORBIDDEN: '您没有权限进行此操作',
  /** A `get*` found nothing with that id (or nothing the caller may see). */
  NOT_FOUND: '内容不存在或已被删除',
  /** The activity is not published (draft, cancelled or finished), so it takes no sign-ups. */
  ACTIVITY_NOT_OPEN: '该活动当前不接受报名',
  /** Sign-up has not opened yet for this activity. */
  SIGNUP_NOT_OPEN: '报名尚未开始',
  /** Sign-up has closed (deadline passed or the activity has started). */
  SIGNUP_CLOSED: '报名已截止',
  /** Every seat is taken and the activity keeps no waitlist. */
  ACTIVITY_FULL: '名额已满',
  /** Every seat is taken and the waitlist is full too. */
  WAITLIST_FULL: '名额已满，候补名单也已满',
  /** Staff cancelled the activity; it takes no sign-ups, check-ins or ratings. */
  ACTIVITY_CANCELLED: '该活动已取消',
  /** Claiming a seat that was not offered to the caller, or whose claim window has ended. */
  OFFER_NOT_AVAILABLE: '候补名额已失效，请重新报名',
  /** Check-in before the door opens (default 30 minutes before the start). */
  CHECKIN_NOT_OPEN: '还未到签到时间（开始前30分钟可签到）',
  /** Check-in after the activity ended. */
  CHECKIN_CLOSED: '活动已结束，不能再签到',
  /** A scanned code that is not ours, or whose signature does not match (forged or damaged). */
  CHECKIN_CODE_INVALID: '无效的签到码',
  /**
   * Too many wrong short codes in the guess window, from this staff member or at this activity;
   * the message says which limit and when it renews (the QR code still works).
   */
  CHECKIN_CODE_LIMIT: '签到码输错次数过多，请稍后再试，或请对方出示二维码扫码签到',
  /** A code older than its window (a screenshot, or a page left open): the holder must refresh. */
  CHECKIN_CODE_EXPIRED: '签到码已过期，请让对方刷新后再扫',
  /** A valid code for a different activity than the one being checked in. */
  CHECKIN_WRONG_ACTIVITY: '这不是本活动的签到码',
  /** A code of a booking that was cancelled (or expired) meanwhile. */
  CHECKIN_BOOKING_CANCELLED: '该报名已取消，不能签到',
  /** A code of someone still on the waitlist or with an unclaimed offer. */
  CHECKIN_NOT_CONFIRMED: '该居民还在候补中，尚未报名成功',
  /** Rating an activity the caller did not attend (checked in). */
  NOT_ATTENDEE: '参加活动并签到后才能评价',
  /** Volunteer actions by someone who has not registered as a volunteer. */
  NOT_REGISTERED: '请先完成志愿者实名登记',
  /** The ID number fails the GB 11643 checksum or has an impossible birth date. */
  INVALID_ID_NUMBER: '身份证号不正确，请核对后重新输入',
  /** The caller, or this ID number, is already registered as a volunteer. */
  ALREADY_REGISTERED: '该身份证号已登记为志愿者',
  /** Every volunteer slot of the activity is taken. */
  SHIFT_FULL: '志愿者名额已满',
  /** The new shift overlaps a shift the volunteer already holds. */
  SHIFT_OVERLAP: '与您已报名的其他志愿服务时间冲突',
  /** Check-out scanned for a volunteer who never checked in. */
  CHECKOUT_WITHOUT_CHECKIN: '该志愿者尚未签到，不能签退',
  /** A top-up claim ending in the future. */
  CLAIM_IN_FUTURE: '不能补录未来的服务时长',
  /** A top-up claim longer than the activity it names. */
  CLAIM_TOO_LONG: '补录时长不能超过活动时长',
  /** A top-up claim overlapping hours already recorded. */
  CLAIM_OVERLAP: '该时段已有服务记录，不能重复补录',
  /**
   * Staff acting on their own volunteer hours: scanning their own shift code, confirming or
   * correcting their own entry, reviewing their own claim (谁组织谁记录: someone else records).
   */
  SELF_REVIEW: '不能记录或审核自己的志愿服务时长，请由其他社工处理',
  /** Changing an approved or rejected claim, or an entry: the ledger is append-only. */
  ENTRY_LOCKED: '记录已审核锁定，如有错误请由社工更正',
  /** No certificate with that serial, or the verification code does not match. */
  CERTIFICATE_NOT_FOUND: '未找到该证明，或校验码不正确',
  /** Issuing a certificate for a range with no recorded hours at that station. */
  NO_HOURS_TO_CERTIFY: '所选时间内在该站点没有服务时长记录',
  /** Pledging to a need that is closed, fulfilled or past its deadline. */
  NEED_NOT_OPEN: '该需求已结束征集',
  /** The pledge would exceed what the need accepts (target × over-pledge allowance). */
  PLEDGE_OVER_CAP: '认捐数量超过了该需求还能接收的数量',
  /** The donor's undelivered pledges to this need would pass half of what it accepts. */
  PLEDGE_OVER_SHARE: '您对该需求尚未送达的认捐已达上限（可认捐总量的一半），送达后可再认捐',
  /**
   * The record's state does not allow this change (publishing an activity that is not a draft,
   * cancelling a pledge after it arrived, correcting attendance before the activity ended).
   */
  ILLEGAL_TRANSITION: '当前状态下不能进行此操作',
  /** Distributing more than was received and not yet distributed. */
  DISTRIBUTE_MORE_THAN_RECEIVED: '发放数量不能超过已接收且未发放的数量',
  /** Funds must name a registered charity that runs the appeal; the app never takes payment. */
  CHARITY_REQUIRED: '资金类捐赠须通过已登记的慈善组织进行',
  /** A report asked for a month that has not begun yet. */
  MONTH_IN_FUTURE: '不能查询未来月份的报表',
  /** An export that would be too large to build in one request. */
  EXPORT_TOO_LARGE: '导出内容过多，请缩小范围后重试',
  /** Cloud storage did not answer (upload or link); nothing was recorded. */
  STORAGE_UNAVAILABLE: '文件服务暂时不可用，请稍后再试',
  /** An uploaded photo that is not a JPEG/PNG image or is too large. */
  PHOTO_INVALID: '请上传 JPG 或 PNG 格式、不超过 2MB 的照片',
  /** A confirmed arrival naming a photo that was not uploaded for this pledge (or no longer exists). */
  PHOTO_NOT_FOUND: '照片未上传成功，请重新上传',
  /** An invite code that matches no invite, or one its admin withdrew. */
  INVITE_INVALID: '邀请码无效或已被撤回，请向管理员核对',
  /** Someone else already redeemed this invite (each code is for one person). */
  INVITE_USED: '该邀请已被他人领取，请联系管理员重新邀请',
  /** The invite's time ran out before it was redeemed or confirmed. */
  INVITE_EXPIRED: '邀请已过期，请联系管理员重新邀请',
  /** Granting or revoking a role the caller may not manage (outside their subtree, or their own). */
  ROLE_NOT_MANAGEABLE: '不能管理该人员的权限',
  /** Changing a rating more than 7 days after giving it. */
  RATING_LOCKED: '评价超过7天，不能再修改',
  /** The caller already holds an active booking for this activity. */
  ALREADY_BOOKED: '您已报名该活动，无需重复报名',
  /** The caller has no active booking for this activity. */
  BOOKING_NOT_FOUND: '没有找到您的报名记录',
  /** The cancellation deadline of the activity has passed. */
  CANCEL_DEADLINE_PASSED: '已过取消截止时间，如需取消请联系社工站',
  /** A change would break a rule between fields (e.g. capacity below the people already booked). */
  RULE_VIOLATION: '设置不符合规则，请检查后再试',
  /** Another request changed the same record at the same moment; retrying usually succeeds. */
  CONFLICT: '操作过于频繁，请稍后再试',
  /** Local sign-in was asked for outside a local run. */
  DEV_LOGIN_DISABLED: '当前环境不支持体验登录',
  /** Registering a person who already has a record (same ID number, or same name, birth year and address). */
  TARGET_DUPLICATE: '该服务对象已有档案，请勿重复登记',
  /** A visit, edit or move of a target record that is closed (or a visit after it was closed). */
  TARGET_CLOSED: '该服务对象档案已结案',
  /** Opening a full target record outside one's own caseload without choosing why. */
  READ_REASON_REQUIRED: '查看非本人负责对象的档案，请先选择查看原因',
  /** Someone else changed the record since it was opened; the page shows the current version. */
  STALE_EDIT: '档案已被他人修改，请查看最新内容后再改',
  /** A visit's times are in the future, end before they start, are implausibly long or too old. */
  VISIT_TIME_INVALID: '探访时间不正确，请检查',
  /** A draft synced earlier with different content: both versions are shown, nothing is overwritten. */
  VISIT_CONFLICT: '这条探访已同步过，且内容与手机上的草稿不同',
  /** Information that needs the person's separate consent (PIPL art. 29) was given without it. */
  CONSENT_REQUIRED: '未取得本人单独同意，不能保存该信息',
  /** Taking a service order someone else took a moment earlier (one conditional write decides). */
  ORDER_TAKEN: '这张服务单刚刚已被他人接单',
  /** Ordering a menu item its station has paused. */
  ITEM_PAUSED: '该服务暂停受理，请选择其他服务或联系社工站',
  /** A resident ordering a "service targets only" item themself; staff can place it for them. */
  TARGETS_ONLY: '该服务仅面向重点服务对象，请联系社工站为您登记',
  /** Taking or being dispatched an order by someone who is neither staff nor a volunteer of its station. */
  NOT_ELIGIBLE_WORKER: '只有本站社工或登记志愿者可以接单',
  /** Working on, dispatching or judging an order one placed or receives oneself. */
  OWN_ORDER: '不能处理与自己有关的服务单',
  /** Reopening or confirming after the confirmation window, or reopening too many times. */
  CONFIRM_WINDOW_PASSED: '已超过可重新办理的期限，如有问题请联系社工站',
  /** A visit's follow-up already became a service order (from another abnormal item of the visit). */
  FOLLOW_UP_LINKED: '该跟进事项已转为服务单',
  /** Anything unexpected; the request id in the log tells what happened. */
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

/** One of the codes above. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Field-level details of an `INVALID_INPUT` (path → message), safe to show next to a form field. */
export type FieldErrors = Record<string, string>;

/** The error half of the wire envelope. */
export interface WireError {
  code: ErrorCode;
  userMessage: string;
  requestId: string;
  fields?: FieldErrors;
}

/**
 * An expected failure with a code from the closed list. The user message defaults to the code's
 * Chinese text; `detail` is for logs only and never crosses the wire.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, opts: { userMessage?: string; detail?: string; fields?: FieldErrors } = {}) {
    super(opts.detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage ?? ERROR_MESSAGES[code];
    this.fields = opts.fields;
  }
}

/** True for any value that is an AppError (also across bundle copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AppError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** True when `code` is one of the closed list (used by the client to trust a wire error). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}
