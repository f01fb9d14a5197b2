/** `auditLog`: append-only record of every staff/admin state change. */
export interface AuditDoc {
  _id?: string;
  at: Date;
  actorId: string;
  action: string;
  entity:
    | 'activity'
    | 'station'
    | 'user'
    | 'booking'
    | 'claim'
    | 'hourEntry'
    | 'shift'
    | 'volunteer'
    | 'target'
    | 'visit'
    | 'visitPolicy'
    | 'order'
    | 'menuItem'
    | 'orderPolicy'
    | 'invite'
    | 'need';
  entityId: string;
  stationId: string | null;
  from: unknown;
  to: unknown;
  reason?: string;
}
