import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { goToSignIn, needsSignIn } from '../lib/auth';
import { type CloudError, toCloudError } from '../lib/cloud';
import { onSessionChanged } from '../lib/session-events';

/** Options shared by the data hooks. */
export interface RemoteOptions {
  /** Load again whenever the page is shown again (coming back from another page). */
  reloadOnShow?: boolean;
  /** On H5, open the local sign-in page when the call says `UNAUTHENTICATED` (default true). */
  signInOnDemand?: boolean;
}

/** What a page renders from: the last data, the last error, whether a load is running. */
export interface Remote<T> {
  data: T | undefined;
  error: CloudError | null;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile; never rejects. */
  reload: () => Promise<void>;
}

/** Within this long after mounting, the page's first `onShow` is the initial load, not a return. */
const FIRST_SHOW_WINDOW_MS = 1000;

/**
 * Loads `load()` whenever `key` changes (null: wait, load nothing). Only the newest answer is
 * kept, so a slow older answer never overwrites a newer one. Reloads after an H5 persona switch.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>, options: RemoteOptions = {}): Remote<T> {
  const { reloadOnShow = false, signInOnDemand = true } = options;
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<{ key: string | null; data?: T; error: CloudError | null; loading: boolean }>({
    key,
    error: null,
    loading: key !== null,
  });
  const sequence = useRef(0);
  const mountedAt = useRef(Date.now());

  const run = useCallback(async () => {
    if (key === null) return;
    const id = ++sequence.current;
    setState((previous) =>
      previous.key === key
        ? { ...previous, loading: true, error: null }
        : { key, data: undefined, error: null, loading: true },
    );
    try {
      const data = await loadRef.current();
      if (id === sequence.current) setState({ key, data, error: null, loading: false });
    } catch (thrown) {
      const error = toCloudError(thrown);
      if (id !== sequence.current) return;
      setState((previous) => ({ ...previous, key, error, loading: false }));
      if (signInOnDemand && needsSignIn(error)) goToSignIn();
    }
  }, [key, signInOnDemand]);

  useEffect(() => {
    void run();
  }, [run]);

  useEffect(() => onSessionChanged(() => void run()), [run]);

  useDidShow(() => {
    if (!reloadOnShow || Date.now() - mountedAt.current < FIRST_SHOW_WINDOW_MS) return;
    void run();
  });

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : key !== null,
    reload: run,
  };
}
