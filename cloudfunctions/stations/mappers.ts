import type { StationDoc } from '../core/documents';

/** A station document as lists show it. */
export function toStationSummary(doc: StationDoc) {
  return {
    stationId: doc._id,
    code: doc.code,
    name: doc.name,
    tier: doc.tier,
    parentId: doc.parentId,
    path: doc.path,
    address: doc.address,
    openingHours: doc.openingHours,
    phone: doc.phone,
    tags: doc.tags,
    childCount: doc.childCount,
  };
}
