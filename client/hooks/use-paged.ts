import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { goToSignIn, needsSignIn } from '../lib/auth';
import { type CloudError, toCloudError } from '../lib/cloud';
import { onSessionChanged } from '../lib/session-events';

/** The paged answer every list action returns (`paged()` in shared/contracts). */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** A growing list: first page, then "加载更多" appends the next. */
export interface PagedList<T> {
  items: T[];
  total: number;
  hasMore: boolean;
  /** The first page is loading (nothing to show yet, or reloading). */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The first page failed: show the error state with a retry. */
  error: CloudError | null;
  /** A further page failed: keep the items, offer to try that page again. */
  loadMoreError: CloudError | null;
  /** Loaded at least once for the current key (so an empty list really is empty). */
  loaded: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface State<T> {
  key: string | null;
  items: T[];
  total: number;
  page: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  loaded: boolean;
  error: CloudError | null;
  loadMoreError: CloudError | null;
}

function initial<T>(key: string | null): State<T> {
  return {
    key,
    items: [],
    total: 0,
    page: 0,
    hasMore: false,
    loading: key !== null,
    loadingMore: false,
    loaded: false,
    error: null,
    loadMoreError: null,
  };
}

/**
 * Pages through `loadPage(page)` (1-based) for the list named by `key` (null: wait). Changing the
 * key starts over at page 1; answers for an older key or an older reload are dropped.
 */
export function usePaged<T>(
  key: string | null,
  loadPage: (page: number) => Promise<PageOf<T>>,
  options: { signInOnDemand?: boolean; reloadOnShow?: boolean } = {},
): PagedList<T> {
  const { signInOnDemand = true, reloadOnShow = false } = options;
  const mountedAt = useRef(Date.now());
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const [state, setState] = useState<State<T>>(() => initial<T>(key));
  const stateRef = useRef(state);
  stateRef.current = state;
  const sequence = useRef(0);

  const fail = useCallback(
    (error: CloudError) => {
      if (signInOnDemand && needsSignIn(error)) goToSignIn();
    },
    [signInOnDemand],
  );

  const reload = useCallback(async () => {
    if (key === null) return;
    const id = ++sequence.current;
    setState((previous) =>
      previous.key === key
        ? { ...previous, loading: true, error: null, loadMoreError: null }
        : { ...initial<T>(key), loading: true },
    );
    try {
      const answer = await loadRef.current(1);
      if (id !== sequence.current) return;
      setState({
        ...initial<T>(key),
        items: answer.items,
        total: answer.total,
        page: 1,
        hasMore: answer.hasMore,
        loading: false,
        loaded: true,
      });
    } catch (thrown) {
      if (id !== sequence.current) return;
      const error = toCloudError(thrown);
      setState((previous) => ({ ...previous, key, loading: false, error }));
      fail(error);
    }
  }, [key, fail]);

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (key === null || current.key !== key || !current.hasMore || current.loading || current.loadingMore) return;
    const id = sequence.current;
    const nextPage = current.page + 1;
    setState((previous) => ({ ...previous, loadingMore: true, loadMoreError: null }));
    try {
      const answer = await loadRef.current(nextPage);
      if (id !== sequence.current) return;
      setState((previous) => ({
        ...previous,
        items: [...previous.items, ...answer.items],
        total: answer.total,
        page: nextPage,
        hasMore: answer.hasMore,
        loadingMore: false,
      }));
    } catch (thrown) {
      if (id !== sequence.current) return;
      const error = toCloudError(thrown);
      setState((previous) => ({ ...previous, loadingMore: false, loadMoreError: error }));
      fail(error);
    }
  }, [key, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => onSessionChanged(() => void reload()), [reload]);

  useDidShow(() => {
    // The first show is the initial load; later ones are returns from another page.
    if (!reloadOnShow || Date.now() - mountedAt.current < 1000) return;
    void reload();
  });

  const view = state.key === key ? state : initial<T>(key);
  return {
    items: view.items,
    total: view.total,
    hasMore: view.hasMore,
    loading: view.loading,
    loadingMore: view.loadingMore,
    error: view.error,
    loadMoreError: view.loadMoreError,
    loaded: view.loaded,
    reload,
    loadMore,
  };
}
