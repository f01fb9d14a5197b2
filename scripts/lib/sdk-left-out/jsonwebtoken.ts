/**
 * Stands in for `jsonwebtoken` in a function bundle that carries the SDK (ADR 0022): the SDK signs
 * a JWT only in `app.auth().createTicket()` (custom login), which the functions never call.
 */
function leftOut(): never {
  throw new Error('auth().createTicket() is left out of this function bundle (ADR 0022)');
}

export default { sign: leftOut, verify: leftOut, decode: leftOut };
