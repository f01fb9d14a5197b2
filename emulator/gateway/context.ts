import { randomUUID } from 'node:crypto';

/**
 * The invocation context CloudBase hands a function called from a mini-program: the caller's
 * OPENID travels inside `environment`, which `getCloudbaseContext(context)` reads. The gateway and
 * the tests build exactly this, so functions resolve identity the same way locally and in the cloud.
 */
export function buildInvocationContext(functionName: string, openid: string | undefined) {
  const environment: Record<string, string> = { WX_APPID: 'local-appid', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' };
  if (openid) environment.WX_OPENID = openid;
  return contextWith(functionName, environment);
}

/**
 * The context of a timer-trigger invocation: no caller, and `TRIGGER_SRC=timer` in `environment`,
 * the mark CloudBase gives timer invocations (the SDK reads it through `getCloudbaseContext` to
 * pick the timer's WeChat API token). Only the platform builds contexts — an HTTP body cannot —
 * so functions run their jobs only when this mark is present.
 */
export function buildTimerContext(functionName: string) {
  return contextWith(functionName, { TRIGGER_SRC: 'timer' });
}

function contextWith(functionName: string, environment: Record<string, string>) {
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    namespace: 'local',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 3000,
    environment: JSON.stringify(environment),
  };
}
