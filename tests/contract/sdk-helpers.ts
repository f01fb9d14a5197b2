/** Small helpers for SDK answers, free of jest globals (the semantics table script imports them too). */

/** The `code` of an error the SDK threw (e.g. `DATABASE_DUPLICATE_WRITE`). */
export function codeOf(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Awaits `p` and returns the code it rejected with; fails the test if it resolved. */
export async function rejectionCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return codeOf(e);
  }
  throw new Error('expected the call to be rejected, but it resolved');
}

/** Awaits `p` and returns the code and message it rejected with; fails the test if it resolved. */
export async function rejection(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    return { code: codeOf(e), message: e instanceof Error ? e.message : String((e as { message?: unknown })?.message) };
  }
  throw new Error('expected the call to be rejected, but it resolved');
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
