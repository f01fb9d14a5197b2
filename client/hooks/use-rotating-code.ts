import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { goToSignIn, needsSignIn } from '../lib/auth';
import { type CloudError, toCloudError } from '../lib/cloud';

/** The next code is fetched no sooner than this (a phone whose clock runs ahead never hammers). */
const MIN_REFRESH_MS = 5_000;
/** …and no later than this (codes live one 30-second window plus one of grace). */
const MAX_REFRESH_MS = 30_000;
/** After a failed refresh with a code still on screen, try again this soon. */
const RETRY_MS = 5_000;

/** What a rotating-code fetch answers: at least when to fetch the next one. */
export interface RotatingCode {
  refreshAt: string;
}

export interface RotatingCodeState<T extends RotatingCode> {
  code: T | undefined;
  error: CloudError | null;
  loading: boolean;
  /** Local time (ms) of the next fetch, for the countdown; null while paused. */
  nextRefreshAt: number | null;
  retry: () => void;
}

/**
 * A rotating code (a resident's check-in code, a volunteer's shift code) fetched again at the
 * answer's `refreshAt`. Paused while the page is hidden (no timer, no requests) and fetched
 * afresh when it shows again; the timer is cleared on unmount. `key` names what the code is for
 * (undefined: nothing yet); `enabled` false (already checked in/out) stops it.
 */
export function useRotatingCode<T extends RotatingCode>(
  key: string | undefined,
  fetchCode: (key: string) => Promise<T>,
  enabled: boolean,
): RotatingCodeState<T> {
  const [visible, setVisible] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<RotatingCodeState<T>, 'retry'>>({
    code: undefined,
    error: null,
    loading: true,
    nextRefreshAt: null,
  });
  const shown = useRef<T | undefined>(undefined);
  shown.current = state.code;
  const fetcher = useRef(fetchCode);
  fetcher.current = fetchCode;
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!key || !enabled || !visible) {
      setState((previous) => ({ ...previous, nextRefreshAt: null }));
      return undefined;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      timer = setTimeout(() => void load(), delay);
      setState((previous) => ({ ...previous, nextRefreshAt: Date.now() + delay }));
    };
    const load = async () => {
      setState((previous) => ({ ...previous, loading: true }));
      try {
        const code = await fetcher.current(key);
        if (stopped) return;
        setState({ code, error: null, loading: false, nextRefreshAt: null });
        const wait = Date.parse(code.refreshAt) - Date.now();
        schedule(Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, Number.isFinite(wait) ? wait : MAX_REFRESH_MS)));
      } catch (thrown) {
        if (stopped) return;
        const error = toCloudError(thrown);
        // A code already on screen stays while the network hiccups; a refusal replaces it.
        const keepTrying = Boolean(shown.current) && error.code === 'INTERNAL';
        setState((previous) => ({ ...previous, error, loading: false, code: keepTrying ? previous.code : undefined }));
        if (needsSignIn(error)) goToSignIn();
        else if (keepTrying) schedule(RETRY_MS);
      }
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [key, enabled, visible, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
