import * as z from 'zod';
import { NEARBY_DEFAULT_LIMIT, NEARBY_MAX_LIMIT, STATION_TIERS } from '../domain/station';
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
  /** Part of a station's name or address (e.g. "江滨", "滨江路"), case-insensitive. */
  q: z.string().trim().min(1, '请输入站点名称或地址').max(20, '搜索词不能超过20个字').optional(),
  ...ZPageRequest,
});

/** A position on the map (GCJ-02, as WeChat and Tencent Maps use). */
export const ZPosition = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/** A station in "离我最近": the summary, where it is, and how far from the caller's position. */
export const ZNearbyStation = ZStationSummary.extend({
  location: z.object({ latitude: z.number(), longitude: z.number() }),
  /** Metres on the sphere from the position asked about. */
  distanceMeters: z.number().min(0),
});
export type TNearbyStation = z.infer<typeof ZNearbyStation>;

/** The caller's position (never stored or logged) and how many stations to list. */
export const ZNearbyStationsRequest = ZPosition.extend({
  limit: z.int().min(1).max(NEARBY_MAX_LIMIT).default(NEARBY_DEFAULT_LIMIT),
});

export const stationsContract = defineContract('stations', {
  /** Browse the network by tier and/or parent, or search it by name/address, ordered by code. Public. */
  list: { access: 'public', request: ZListStationsRequest, response: paged(ZStationSummary) },
  /** The stations nearest a position, nearest first, within 50 km: one geoNear query. Public. */
  nearby: {
    access: 'public',
    request: ZNearbyStationsRequest,
    response: z.object({ items: z.array(ZNearbyStation) }),
  },
  /** One station with its rooms and next activities. Public. */
  get: { access: 'public', request: z.strictObject({ stationId: ZId }), response: ZStationDetail },
});
