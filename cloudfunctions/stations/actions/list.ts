import type { z } from 'zod';
import type { ZListStationsRequest } from '../../../shared/contracts/stations';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toStationSummary } from '../mappers';
import { findStationsPage } from '../../core/repositories/stations';

/** Browse the station network by tier and/or parent, or search it by name or address. */
export async function list(deps: Deps, _caller: Caller, input: z.output<typeof ZListStationsRequest>) {
  const page = await findStationsPage(deps.db, { tier: input.tier, parentId: input.parentId, q: input.q }, input);
  return { ...page, items: page.items.map(toStationSummary) };
}
