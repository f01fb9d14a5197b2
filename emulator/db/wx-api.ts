/**
 * The local stand-in for WeChat open APIs that functions reach through the SDK's
 * `callWxOpenApi` (wire action `wx.api`, same `serviceUrl`). Calls are recorded, checked the way
 * WeChat checks the fields we use, and answered in WeChat's shape, so tests can see exactly what
 * would have been sent. Nothing leaves the machine.
 */
export interface WxApiCall {
  apiName: string;
  request: unknown;
  at: Date;
}

const MAX_KEPT = 1000;
const calls: WxApiCall[] = [];

/** Answer one `wx.api` request: `{ data: { responseData } }` as CloudBase relays WeChat's JSON. */
export function answerWxApi(body: Record<string, unknown>): { data: { responseData: string } } {
  const apiName = String(body.apiName ?? '');
  let request: unknown = body.requestData;
  try {
    request =
      typeof body.requestData === 'string' && body.requestData ? JSON.parse(body.requestData) : body.requestData;
  } catch {
    // keep the raw text
  }
  calls.push({ apiName, request, at: new Date() });
  if (calls.length > MAX_KEPT) calls.shift();
  return { data: { responseData: JSON.stringify(check(apiName, request)) } };
}

function check(apiName: string, request: unknown): { errcode: number; errmsg: string } {
  if (/subscribe\/send|subscribeMessage\.send/.test(apiName)) {
    const r = (request ?? {}) as { touser?: unknown; template_id?: unknown; data?: unknown };
    if (typeof r.touser !== 'string' || !r.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof r.template_id !== 'string' || !r.template_id) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (!r.data || typeof r.data !== 'object') return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
  }
  return { errcode: 0, errmsg: 'ok' };
}

/** What was sent so far, oldest first (tests and the `/emulator/wx-api-calls` route). */
export function recordedWxApiCalls(): WxApiCall[] {
  return [...calls];
}

/** Forget the recorded calls. */
export function clearWxApiCalls(): void {
  calls.length = 0;
}
