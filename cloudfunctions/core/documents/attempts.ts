/**
 * `codeAttempts`: wrong typed short codes counted per allowance (a staff member or an activity, in
 * one guess window); `_id` is the allowance key, so each window is one row moved by conditional
 * writes. Rows of past windows are inert.
 */
export interface CodeAttemptDoc {
  _id: string;
  used: number;
  /** When the window ends and a fresh row takes over (for clean-up). */
  renewsAt: Date;
}
