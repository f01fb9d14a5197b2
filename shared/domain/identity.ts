/**
 * Mainland resident ID numbers (GB 11643-1999): 17 digits, then a check character computed with
 * ISO 7064 MOD 11-2. Only the checksum and the birth date are validated; the number itself is
 * never stored (a keyed hash dedupes, a masked form is shown).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character the first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cased and trimmed, so `x` and `X` are the same number. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Why an ID number is invalid (format, birth date, checksum), or null when it is valid. */
export function idNumberProblem(raw: string): 'format' | 'birthdate' | 'checksum' | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birthdate';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** The form shown anywhere an ID must appear (certificates): `3301**********123X`. */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}

/**
 * A registered ID number someone else claims as theirs (冒用): the claimant raises a dispute, staff
 * of the station check the paper ID in person and uphold it (the number is freed for its owner) or
 * reject it.
 */
export const ID_DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type IdDisputeStatus = (typeof ID_DISPUTE_STATUSES)[number];
export const ID_DISPUTE_STATUS_LABELS: Record<IdDisputeStatus, string> = {
  open: '待核实',
  upheld: '核实通过',
  rejected: '核实未通过',
};

/** What a registration shows in place of an ID number it lost to an upheld dispute. */
export const REVOKED_ID_MASK = '已撤销（证件争议）';
