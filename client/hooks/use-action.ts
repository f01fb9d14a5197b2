import { useCallback, useRef, useState } from 'react';
import { goToSignIn, needsSignIn } from '../lib/auth';
import { type CloudError, toCloudError } from '../lib/cloud';
import { showError } from '../lib/feedback';

/** How an action ended: its value, its error, or skipped because the same action was still running. */
export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: CloudError } | { ok: false; error: null };

export interface ActionOptions {
  /**
   * Decides about an error before the default handling; return true when handled. By default
   * `UNAUTHENTICATED` on H5 opens the local sign-in page and anything else is shown in a dialog.
   */
  onError?: (error: CloudError) => boolean | void;
}

/**
 * Wraps a write (book, cancel, publish …): `pending` while it runs, a second tap meanwhile is
 * ignored, and errors are shown by their Chinese message unless `onError` handles them.
 */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: ActionOptions = {},
): { run: (...args: A) => Promise<ActionResult<R>>; pending: boolean } {
  const actionRef = useRef(action);
  actionRef.current = action;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const running = useRef(false);
  const [pending, setPending] = useState(false);

  const run = useCallback(async (...args: A): Promise<ActionResult<R>> => {
    if (running.current) return { ok: false, error: null };
    running.current = true;
    setPending(true);
    try {
      return { ok: true, value: await actionRef.current(...args) };
    } catch (thrown) {
      const error = toCloudError(thrown);
      if (!optionsRef.current.onError?.(error)) {
        if (needsSignIn(error)) goToSignIn();
        else showError(error);
      }
      return { ok: false, error };
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { run, pending };
}
