import { main as accounts } from '../../cloudfunctions/accounts/index';
import { main as activities } from '../../cloudfunctions/activities/index';
import { main as donations } from '../../cloudfunctions/donations/index';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import { main as stations } from '../../cloudfunctions/stations/index';
import { main as targets } from '../../cloudfunctions/targets/index';
import { main as volunteering } from '../../cloudfunctions/volunteering/index';
import type { FunctionName } from '../../shared/contracts/common';

/** A deployable function's entry point, as CloudBase calls it. */
export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>;

/** Every real cloud function by name: what the gateway serves at `/api/<name>`. */
export const FUNCTIONS: Record<FunctionName, FunctionMain> = {
  accounts,
  stations,
  activities,
  volunteering,
  donations,
  reports,
  targets,
  orders,
};

/** True when `name` is a deployable function. */
export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}
