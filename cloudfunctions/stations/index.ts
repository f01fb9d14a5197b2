import { stationsContract } from '../../shared/contracts/stations';
import { defineHandler } from '../core/handler';
import { get } from './actions/get';
import { list } from './actions/list';
import { nearby } from './actions/nearby';

/** `stations`: the public directory of the 中心→站→室 network. */
export const main = defineHandler(stationsContract, { list, get, nearby });
