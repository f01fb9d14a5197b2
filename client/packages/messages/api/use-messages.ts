import { useRef } from 'react';
import type { TMessage } from '../../../../shared/contracts/accounts';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { accountsFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 20;

/**
 * The caller's messages, newest first (`accounts.myMessages`). Opening the list marks them all
 * read (`accounts.markMessagesRead`, best effort); the ids that were unread when the list opened
 * are kept so the page can still mark them "新" until it is left.
 */
export function useMessages(): PagedList<TMessage> & { freshIds: ReadonlySet<string> } {
  const fresh = useRef(new Set<string>());
  const list = usePaged(
    'accounts.myMessages',
    async (page) => {
      const answer = await callFunction(accountsFn, 'myMessages', { page, pageSize: PAGE_SIZE });
      for (const message of answer.items) if (!message.read) fresh.current.add(message.messageId);
      if (page === 1 && answer.unread > 0) {
        await callFunction(accountsFn, 'markMessagesRead', {}).catch(() => undefined);
      }
      return answer;
    },
    { reloadOnShow: true },
  );
  return { ...list, freshIds: fresh.current };
}
