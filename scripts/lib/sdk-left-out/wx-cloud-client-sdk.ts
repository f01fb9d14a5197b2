/**
 * Stands in for `@cloudbase/wx-cloud-client-sdk` in a function bundle that carries the SDK (ADR
 * 0022): it serves `app.models` (data models) and MySQL, which the functions never use. The SDK's
 * `init` builds those clients inside a try/catch, so without them `app.models` is simply absent.
 */
function leftOut(): never {
  throw new Error('data models and MySQL are left out of this function bundle (ADR 0022)');
}

export default { generateHTTPClient: leftOut, generateMySQLClient: leftOut };
