import { accountsContract } from './accounts';
import { activitiesContract } from './activities';
import type { Contract, FunctionName } from './common';
import { stationsContract } from './stations';
import { volunteeringContract } from './volunteering';
import { donationsContract } from './donations';
import { reportsContract } from './reports';
import { targetsContract } from './targets';
import { ordersContract } from './orders';

export * from './common';
export * from './accounts';
export * from './activities';
export * from './stations';
export * from './volunteering';
export * from './donations';
export * from './reports';
export * from './targets';
export * from './orders';

/** Every function's contract by name: the robustness test and the gateway walk this. */
export const CONTRACTS: Record<FunctionName, Contract> = {
  accounts: accountsContract,
  stations: stationsContract,
  activities: activitiesContract,
  volunteering: volunteeringContract,
  donations: donationsContract,
  reports: reportsContract,
  targets: targetsContract,
  orders: ordersContract,
};
export * from './dev';
