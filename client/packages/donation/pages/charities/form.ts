import type { z } from 'zod';
import '../../lib/zod-setup';
import { donationsContract } from '../../../../../shared/contracts/donations';

/** The contract's own request schema of `donations.addCharity` (same Chinese messages as the server). */
const ZAddCharityRequest = donationsContract.actions.addCharity.request;

export type AddCharityRequest = z.output<typeof ZAddCharityRequest>;

export interface CharityFormValues {
  name: string;
  registrationNo: string;
  projectName: string;
  projectUrl: string;
  howToGive: string;
}

export type CharityField = keyof CharityFormValues;
export type CharityErrors = Partial<Record<CharityField | 'form', string>>;

export const EMPTY_CHARITY_FORM: CharityFormValues = {
  name: '',
  registrationNo: '',
  projectName: '',
  projectUrl: '',
  howToGive: '',
};

/** First message per field of a failed parse, keyed by the last path segment. */
function fieldErrors(error: z.ZodError): CharityErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/** Validates the 添加慈善组织 form with the SAME schema the server parses. */
export function parseCharity(
  centerId: string,
  values: CharityFormValues,
): { ok: true; request: AddCharityRequest } | { ok: false; errors: CharityErrors } {
  const parsed = ZAddCharityRequest.safeParse({ centerId, data: values });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, request: parsed.data };
}
