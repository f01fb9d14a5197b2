import './zod-setup';
import { activitiesContract } from '../../../../shared/contracts/activities';
import type { BookOnBehalfRequest } from '../api/use-attendance';

export interface BehalfFormValues {
  name: string;
  phone: string;
  reason: string;
}
export type BehalfField = keyof BehalfFormValues;
export type BehalfErrors = Partial<Record<BehalfField, string>>;

const FIELDS: readonly BehalfField[] = ['name', 'phone', 'reason'];

/** 代报名 checked with the very request schema `activities.bookOnBehalf` parses. */
export function validateBehalfForm(
  activityId: string,
  values: BehalfFormValues,
): { ok: true; request: BookOnBehalfRequest } | { ok: false; errors: BehalfErrors } {
  const parsed = activitiesContract.actions.bookOnBehalf.request.safeParse({
    activityId,
    name: values.name,
    phone: values.phone.replace(/\s+/g, ''),
    reason: values.reason,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: BehalfErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) {
      errors[field as BehalfField] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/** Per-field messages from a server `INVALID_INPUT` (paths like `phone`). */
export function behalfErrorsFrom(fields: Record<string, string> | undefined): BehalfErrors {
  const errors: BehalfErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const field = path.split('.')[0];
    if ((FIELDS as readonly string[]).includes(field)) errors[field as BehalfField] = message;
  }
  return errors;
}
