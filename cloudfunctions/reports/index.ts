import { reportsContract } from '../../shared/contracts/reports';
import { defineHandler } from '../core/handler';
import { auditLog } from './actions/audit-log';
import { exportMonthly } from './actions/export-monthly';
import { monthly } from './actions/monthly';
import { today } from './actions/today';
import { trend } from './actions/trend';

/** `reports`: the monthly report rolled up 室→站→中心, trends, export, the console, the audit log. */
export const main = defineHandler(reportsContract, { monthly, trend, exportMonthly, today, auditLog });
