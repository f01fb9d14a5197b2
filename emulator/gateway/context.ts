import { randomUUID } from 'node:crypto';

/**
 * The invocation context CloudBase hands a function called from a mini-program: the caller's
 * OPENID travels inside `environment`, which `getCloudbaseContext(context)` reads. The gateway and
 * the tests build exactly this, so functions resolve identity the same way locally and in the cloud.
 */
export function buildInvocationContext(functionName: string, openid: string | undefined) {
  const environment: Record<string, string> = { WX_APPID: 'local-appid', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' };
  if (openid) environment.WX_OPENID = openid;
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
