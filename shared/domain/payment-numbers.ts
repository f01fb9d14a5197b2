/**
 * 《慈善法》 and the app's own rule: no bank card or account number is ever stored. Every free-text
 * field a donor, resident or staff member types goes through {@link containsPaymentNumber} (the
 * contracts' `text()` and `longText()` apply it), so one rule decides for every field. The two
 * structured values that legitimately hold long digit runs — a 捐赠票据 number and a charity's
 * project page — go through the same runs with {@link containsPaymentNumberIn}.
 */

/** Digits in a row (separators ignored) from which a run is treated as a card or account number. */
export const PAYMENT_NUMBER_MIN_DIGITS = 12;

/** What a refused field says, on the form and in `INVALID_INPUT` field details. */
export const PAYMENT_NUMBER_MESSAGE = '请勿填写银行卡号、账号等支付信息';

/**
 * Characters people put between digit groups: spaces of every width, hyphens and dashes, dots,
 * middle dots and underscores. At most {@link MAX_SEPARATOR_RUN} of them in a row still join two
 * groups into one number ("6222 - 0212").
 */
const SEPARATOR =
  '[\\s\\u00a0\\u3000\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d._\\u00b7\\u2027\\u30fb\\u3002\\uff0e]';
const MAX_SEPARATOR_RUN = 3;
const RUN = new RegExp(`\\d+(?:${SEPARATOR}{1,${MAX_SEPARATOR_RUN}}\\d+)*`, 'g');
const GROUP = /\d+/g;

/**
 * Folds full-width and other compatibility digits and punctuation to ASCII (`６２２２` → `6222`,
 * `－` → `-`). NFKC where the runtime has it; the full-width block by hand everywhere.
 */
export function foldWidth(text: string): string {
  const nfkc = typeof text.normalize === 'function' ? text.normalize('NFKC') : text;
  return nfkc.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Whether free text carries a bank card or account number: after folding width, digit groups
 * joined by separators (spaces, dashes, dots) form one number, and a number of
 * {@link PAYMENT_NUMBER_MIN_DIGITS}+ digits is refused — unless its groups read as phone numbers
 * (mobile `138 0000 1234`, `+86`, landline `0571-86002101`) and dates (`2026-11-22`, `20261122`)
 * with only short numbers between them. Quantities, prices, times and ordinary numbers pass.
 */
export function containsPaymentNumber(text: string): boolean {
  for (const run of foldWidth(text).match(RUN) ?? []) {
    const groups = run.match(GROUP) ?? [];
    if (groups.join('').length < PAYMENT_NUMBER_MIN_DIGITS) continue;
    if (!readsAsHarmless(groups)) return true;
  }
  return false;
}

/** The most groups one phone number or date is written in (`0571 8600 2101 123`). */
const MAX_HARMLESS_GROUPS = 4;

/** How many groups from `at` a harmless number (phone, date) spans, for each reading that fits. */
function harmlessSpans(groups: readonly string[], at: number): number[] {
  const spans: number[] = [];
  let digits = '';
  for (let end = at; end < groups.length && end - at < MAX_HARMLESS_GROUPS; end++) {
    digits += groups[end];
    const taken = end - at + 1;
    if (isMobile(digits) || isLandline(groups.slice(at, end + 1)) || isDate(groups.slice(at, end + 1))) {
      spans.push(taken);
    }
  }
  return spans;
}

/**
 * True when the groups can be read as harmless numbers separated by blocks that are each shorter
 * than a payment number. Small search over (position, digits in the current block).
 */
function readsAsHarmless(groups: readonly string[]): boolean {
  const memo = new Map<string, boolean>();
  const clear = (at: number, block: number): boolean => {
    if (at === groups.length) return block < PAYMENT_NUMBER_MIN_DIGITS;
    const key = `${at}:${block}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = false;
    const next = block + groups[at]!.length;
    if (next < PAYMENT_NUMBER_MIN_DIGITS) result = clear(at + 1, next);
    if (!result) result = harmlessSpans(groups, at).some((span) => clear(at + span, 0));
    memo.set(key, result);
    return result;
  };
  return clear(0, 0);
}

/** A mainland mobile number, with or without the 86 country code. */
function isMobile(digits: string): boolean {
  return /^(?:86)?1[3-9]\d{9}$/.test(digits);
}

/**
 * A landline: a real area code as its own group (`010`, `02x`, `0` + three digits from 3–9), a
 * local number of 7–8 digits not starting with 0 or 1, optionally an extension of 1–4 digits.
 */
function isLandline(groups: readonly string[]): boolean {
  if (groups.length < 2 || !/^0(?:10|2\d|[3-9]\d\d)$/.test(groups[0]!)) return false;
  const local = (parts: readonly string[]) => /^[2-9]\d{6,7}$/.test(parts.join(''));
  const rest = groups.slice(1);
  if (local(rest)) return true;
  return rest.length >= 2 && local(rest.slice(0, -1)) && /^\d{1,4}$/.test(rest[rest.length - 1]!);
}

/** A calendar date: `YYYY MM DD` in three groups, `YYYY MM`, or `YYYYMMDD` in one, years 1900–2099. */
function isDate(groups: readonly string[]): boolean {
  const year = (y: string) => /^(19|20)\d\d$/.test(y);
  const month = (m: string) => /^\d{1,2}$/.test(m) && Number(m) >= 1 && Number(m) <= 12;
  const day = (d: string) => /^\d{1,2}$/.test(d) && Number(d) >= 1 && Number(d) <= 31;
  if (groups.length === 1) {
    const g = groups[0]!;
    return g.length === 8 && year(g.slice(0, 4)) && month(g.slice(4, 6)) && day(g.slice(6));
  }
  if (groups.length === 2) return year(groups[0]!) && month(groups[1]!);
  if (groups.length === 3) return year(groups[0]!) && month(groups[1]!) && day(groups[2]!);
  return false;
}

/**
 * What a refused 捐赠票据 number says: it looks like a card or account number, and how to write a
 * real one so it passes.
 */
export const RECEIPT_NUMBER_MESSAGE =
  '票据号看起来像银行卡号或账号。请按票据上的“票据代码-票据号码”填写，如 33010120-0000012345';

/**
 * A bank card number: 16–19 digits under an issuer the card networks use here (3 JCB, 4 Visa,
 * 5 Mastercard, 6 UnionPay) that pass the Luhn check every card number carries.
 */
export function isCardNumber(digits: string): boolean {
  if (!/^[3-6]\d{15,18}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A 捐赠票据 number as the receipt prints it: 票据代码 (8 digits) and 票据号码 (8–10 digits), as two
 * groups (`33010120-0000012345`), or written together when that is not also a card number.
 */
function isReceiptShape(groups: readonly string[]): boolean {
  if (groups.length === 2) return /^\d{8}$/.test(groups[0]!) && /^\d{8,10}$/.test(groups[1]!);
  return groups.length === 1 && /^\d{16,18}$/.test(groups[0]!) && !isCardNumber(groups[0]!);
}

/**
 * The same rule as {@link containsPaymentNumber} for the two structured values people type that
 * legitimately carry long digit runs. A `receipt` (`recordCharityReceipt.receiptNo`) may hold
 * one 捐赠票据 number — code and number apart, or together unless that reads as a card — and any
 * other run of {@link PAYMENT_NUMBER_MIN_DIGITS}+ digits is refused as in free text (a 19-digit
 * card, a bank account). A `url` (`addCharity.projectUrl`) keeps the long ids project pages have;
 * a card number in it, as a whole run or one group, is refused.
 */
export function containsPaymentNumberIn(value: string, kind: 'receipt' | 'url'): boolean {
  for (const run of foldWidth(value).match(RUN) ?? []) {
    const groups = run.match(GROUP) ?? [];
    const digits = groups.join('');
    if (digits.length < PAYMENT_NUMBER_MIN_DIGITS) continue;
    if (isCardNumber(digits) && !(kind === 'receipt' && groups.length === 2 && isReceiptShape(groups))) return true;
    if (kind === 'url') {
      if (groups.some(isCardNumber)) return true;
      continue;
    }
    if (!isReceiptShape(groups) && !readsAsHarmless(groups)) return true;
  }
  return false;
}
