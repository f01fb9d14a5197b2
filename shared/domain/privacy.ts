/** Phone for lists: `138****5678`. Anything not 11 digits is masked whole but its last 2 chars. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 2 ? '**' : `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}

/** Name for lists seen by others: `王*` / `欧阳**` — keep the first character only. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
