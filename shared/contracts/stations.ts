import { z } from 'zod';
import { STATION_TIERS } from '../domain/station';
import { ZActivitySummary } from './activities';
import { defineContract, paged, ZId, ZPageRequest } from './common';

/** A station as lists show it. */
export const ZStationSummary = z.object({
  stationId: z.string(),
  code: z.string(),
  name: z.string(),
  tier: z.enum(STATION_TIERS),
  parentId: z.string().nullable(),
  path: z.array(z.string()),
  address: z.string(),
  openingHours: z.string(),
  phone: z.string(),
  tags: z.array(z.string()),
  childCount: z.int().min(0),
});
export type TStationSummary = z.infer<typeof ZStationSummary>;

/** A station's detail page: contact, service menu, brand projects, rooms and upcoming activities. */
export const ZStationDetail = ZStationSummary.extend({
  operator: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  services: z.array(z.object({ name: z.string(), description: z.string() })),
  brandProjects: z.array(z.string()),
  ancestors: z.array(z.object({ stationId: z.string(), name: z.string(), tier: z.enum(STATION_TIERS) })),
  children: z.array(ZStationSummary),
  upcomingActivities: z.array(ZActivitySummary),
});
export type TStationDetail = z.infer<typeof ZStationDetail>;

export const ZListStationsRequest = z.strictObject({
  tier: z.enum(STATION_TIERS).optional(),
  parentId: ZId.optional(),
  ...ZPageRequest,
});

export const stationsContract = defineContract('stations', {
  /** Browse the network by tier and/or parent, ordered by code. Public. */
  list: { access: 'public', request: ZListStationsRequest, response: paged(ZStationSummary) },
  /** One station with its rooms and next activities. Public. */
  get: { access: 'public', request: z.strictObject({ stationId: ZId }), response: ZStationDetail },
});
