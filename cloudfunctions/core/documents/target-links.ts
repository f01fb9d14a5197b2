import type { Relationship } from '../../../shared/domain/orders';
import type { LinkCodeStatus, TargetLinkRole } from '../../../shared/domain/target-links';

/**
 * `targetLinkCodes`: a one-time 绑定码 made on a target record (ADR 0027). `_id` = keyed digest of
 * the code (the code is never stored); single use by a conditional write `open → used`.
 */
export interface TargetLinkCodeDoc {
  _id: string;
  targetId: string;
  /** The record's station when the code was made (for the audit and the staff list). */
  stationId: string;
  stationName: string;
  stationPath: string[];
  /** The masked name (王*) the redeem answer shows; never the full name. */
  targetLabel: string;
  status: LinkCodeStatus;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

/**
 * `targetLinks`: an account linked to a target record, as 本人 or 家属. `_id` = `targetLinkId`
 * (target + account), so a second redemption by the same person is the same row. Whether the
 * target is still active and where it belongs are read from the record itself, never copied here.
 */
export interface TargetLinkDoc {
  _id: string;
  targetId: string;
  userId: string;
  role: TargetLinkRole;
  /** For 家属: who they are to the target. */
  relationship: Relationship | null;
  /** The 绑定码 it was made from (its digest). */
  codeId: string;
  linkedAt: Date;
}
