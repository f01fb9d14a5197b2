import type { DevPersona } from '../../../../shared/contracts/dev';
import { useAction } from '../../../hooks/use-action';
import { clearDevSession, devSignIn } from '../../../lib/cloud';
import { emitSessionChanged } from '../../../lib/session-events';

/** Local sign-in as a persona (`POST /api/dev/login`); every mounted data hook reloads afterwards. */
export function useDevSignIn() {
  return useAction(async (persona: DevPersona) => {
    const session = await devSignIn(persona);
    emitSessionChanged();
    return session;
  });
}

/** Forgets the local session; pages then act as a visitor. */
export function signOutLocally(): void {
  clearDevSession();
  emitSessionChanged();
}
