import type { StationTier } from '../../../shared/domain/station';

/** `stations`: centres, stations and rooms. */
export interface StationDoc {
  _id: string;
  code: string;
  name: string;
  tier: StationTier;
  parentId: string | null;
  /** Ancestor ids from the top, then this station's own id. */
  path: string[];
  childCount: number;
  tags: string[];
  address: string;
  /** Stored as a GeoJSON Point (`db.Geo.Point`, 2dsphere-indexed); the SDK reads it back as this shape. */
  location: { latitude: number; longitude: number } | null;
  openingHours: string;
  phone: string;
  operator: string;
  services: { name: string; description: string }[];
  brandProjects: string[];
  createdAt: Date;
  updatedAt: Date;
}
