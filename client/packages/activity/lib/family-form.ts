import type { TAddFamilyMemberRequest } from '../../../../shared/contracts/accounts';
import type { FamilyRelation } from '../../../../shared/domain/booking';

/** What the 添加家人 form holds. */
export interface FamilyFormValues {
  name: string;
  relation: FamilyRelation | '';
  phone: string;
  consent: boolean;
}

export type FamilyField = keyof FamilyFormValues;
export type FamilyErrors = Partial<Record<FamilyField, string>>;

export const EMPTY_FAMILY_FORM: FamilyFormValues = { name: '', relation: '', phone: '', consent: false };

/**
 * Checks the form as the contract will (same words), so a mistake is explained before anything is
 * sent; the server checks again. Answers the request's `data` or the problems per field.
 */
export function checkFamilyForm(
  values: FamilyFormValues,
): { ok: true; data: TAddFamilyMemberRequest['data'] } | { ok: false; errors: FamilyErrors } {
  const errors: FamilyErrors = {};
  const name = values.name.trim();
  const phone = values.phone.trim();
  if (!name) errors.name = '请填写家人姓名';
  else if (name.length > 20) errors.name = '家人姓名不能超过20个字';
  if (!values.relation) errors.relation = '请选择与您的关系';
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) errors.phone = '请输入11位手机号';
  if (!values.consent) errors.consent = '请先确认已征得家人同意';
  if (Object.keys(errors).length || !values.relation) return { ok: false, errors };
  return { ok: true, data: { name, relation: values.relation, phone: phone || null, consent: true } };
}

/** The server's field problems (`data.name` …) as the form's. */
export function familyErrorsFrom(fields: Record<string, string> | undefined): FamilyErrors {
  const errors: FamilyErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = path.split('.').pop() as FamilyField;
    if (key === 'name' || key === 'relation' || key === 'phone' || key === 'consent') errors[key] = message;
  }
  return errors;
}
