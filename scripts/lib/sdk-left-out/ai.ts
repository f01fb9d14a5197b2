/**
 * Stands in for the SDK's `./ai` module in a function bundle that carries the SDK (ADR 0022): the
 * functions never call `app.ai()`, and the AI client costs ~55 ms of every cold start.
 */
export function createAI(): never {
  throw new Error('app.ai() is left out of this function bundle (ADR 0022)');
}
