/**
 * Geo semantics of CloudBase's document database (MongoDB `2dsphere`), computed with s2js, a port
 * of the S2 geometry library MongoDB itself uses for `2dsphere` queries: points on a sphere,
 * geodesic edges, polygon containment and intersection by S2's robust predicates, distances in
 * metres on a sphere of MongoDB's radius. See ADR 0015.
 */
import { s2 } from 's2js';
import { isPlainObject, type PlainObject } from './ejson';
import { DbError } from './errors';

/** MongoDB's `kRadiusOfEarthInMeters`: what `$nearSphere`/`$geoNear` distances are measured with. */
export const EARTH_RADIUS_M = 6_378_100;

type Shape =
  | { kind: 'point'; p: s2.Point }
  | { kind: 'line'; line: s2.Polyline; pts: s2.Point[] }
  | { kind: 'polygon'; polygon: s2.Polygon; rings: s2.Point[][] };

/** A parsed GeoJSON geometry: one or more simple shapes (Multi* and collections fan out). */
export interface Geometry {
  type: string;
  shapes: Shape[];
}

const TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);

function badGeo(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `Can't extract geo keys: ${message}`);
}

function toPoint(pos: unknown): s2.Point {
  if (!Array.isArray(pos) || pos.length < 2 || typeof pos[0] !== 'number' || typeof pos[1] !== 'number')
    throw badGeo('a position must be [longitude, latitude]');
  const [lng, lat] = pos as [number, number];
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90)
    throw badGeo(`longitude/latitude out of bounds: [${lng}, ${lat}]`);
  return s2.Point.fromLatLng(s2.LatLng.fromDegrees(lat, lng));
}

function samePos(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];
}

/** GeoJSON ring → S2 loop: closed ring required, last vertex dropped, exterior made counter-clockwise. */
function toLoop(ring: unknown): { loop: s2.Loop; pts: s2.Point[] } {
  if (!Array.isArray(ring) || ring.length < 4) throw badGeo('a polygon ring needs at least 4 positions');
  if (!samePos(ring[0], ring[ring.length - 1])) throw badGeo('a polygon ring must be closed');
  let pos = (ring as number[][]).slice(0, -1);
  // S2 loops keep their interior on the left; GeoJSON writers use either orientation, and MongoDB
  // takes the smaller region for ordinary polygons, which the planar orientation gives here.
  let area = 0;
  for (let i = 0; i < pos.length; i++) {
    const [x1, y1] = pos[i];
    const [x2, y2] = pos[(i + 1) % pos.length];
    area += (x2 - x1) * (y2 + y1);
  }
  if (area > 0) pos = [...pos].reverse();
  const pts = pos.map(toPoint);
  return { loop: new s2.Loop(pts), pts };
}

function polygonShape(coords: unknown): Shape {
  if (!Array.isArray(coords) || coords.length === 0) throw badGeo('a polygon needs at least one ring');
  const loops = coords.map(toLoop);
  return { kind: 'polygon', polygon: new s2.Polygon(loops.map((l) => l.loop)), rings: loops.map((l) => l.pts) };
}

function lineShape(coords: unknown): Shape {
  if (!Array.isArray(coords) || coords.length < 2) throw badGeo('a line needs at least 2 positions');
  const pts = coords.map(toPoint);
  return { kind: 'line', line: new s2.Polyline(pts), pts };
}

/** True for a value that looks like a GeoJSON geometry of one of the six types the SDK writes. */
export function isGeoJSON(v: unknown): v is PlainObject {
  return isPlainObject(v) && typeof v.type === 'string' && TYPES.has(v.type) && Array.isArray(v.coordinates);
}

/** Parses a GeoJSON geometry; throws `DATABASE_REQUEST_FAILED` ("Can't extract geo keys") when malformed. */
export function parseGeometry(v: unknown): Geometry {
  if (!isGeoJSON(v))
    throw badGeo('not a GeoJSON Point, LineString, Polygon, MultiPoint, MultiLineString or MultiPolygon');
  const c = v.coordinates as unknown[];
  switch (v.type) {
    case 'Point':
      return { type: 'Point', shapes: [{ kind: 'point', p: toPoint(c) }] };
    case 'MultiPoint':
      if (c.length === 0) throw badGeo('a MultiPoint needs a position');
      return { type: 'MultiPoint', shapes: c.map((p) => ({ kind: 'point', p: toPoint(p) }) as Shape) };
    case 'LineString':
      return { type: 'LineString', shapes: [lineShape(c)] };
    case 'MultiLineString':
      if (c.length === 0) throw badGeo('a MultiLineString needs a line');
      return { type: 'MultiLineString', shapes: c.map(lineShape) };
    case 'Polygon':
      return { type: 'Polygon', shapes: [polygonShape(c)] };
    default:
      if (c.length === 0) throw badGeo('a MultiPolygon needs a polygon');
      return { type: 'MultiPolygon', shapes: c.map(polygonShape) };
  }
}

/** A region `$geoWithin` tests against: polygons, or a spherical cap (`$centerSphere`). */
export type Region = { kind: 'polygons'; geometry: Geometry } | { kind: 'cap'; center: s2.Point; radians: number };

/** Polylines along a shape's boundary: the line itself, or each polygon ring closed on itself. */
function boundaryLines(shape: Shape): s2.Polyline[] {
  if (shape.kind === 'line') return [shape.line];
  if (shape.kind === 'polygon') return shape.rings.map((ring) => new s2.Polyline([...ring, ring[0]]));
  return [];
}

function verticesOf(shape: Shape): s2.Point[] {
  if (shape.kind === 'point') return [shape.p];
  if (shape.kind === 'line') return shape.pts;
  return shape.rings.flat();
}

function boundariesCross(a: Shape, b: Shape): boolean {
  const lb = boundaryLines(b);
  return boundaryLines(a).some((x) => lb.some((y) => x.intersects(y)));
}

/** Angle from `p` to the nearest point of `line` (S2's projection onto the polyline). */
function angleToLine(p: s2.Point, line: s2.Polyline): number {
  const [closest] = line.project(p);
  return p.distance(closest);
}

/** How close a point must be to a line to lie on it (≈ 6 mm on the ground). */
const ON_LINE = 1e-9;

function shapesIntersect(a: Shape, b: Shape): boolean {
  if (a.kind === 'point' && b.kind === 'point') return a.p.distance(b.p) < ON_LINE;
  if (a.kind === 'point' || b.kind === 'point') {
    const pt = (a.kind === 'point' ? a : b) as Shape & { kind: 'point' };
    const other = a.kind === 'point' ? b : a;
    if (other.kind === 'polygon' && other.polygon.containsPoint(pt.p)) return true;
    return boundaryLines(other).some((l) => angleToLine(pt.p, l) < ON_LINE);
  }
  if (a.kind === 'polygon' && b.kind === 'polygon') return a.polygon.intersects(b.polygon);
  if (a.kind === 'line' && b.kind === 'line') return a.line.intersects(b.line);
  const line = (a.kind === 'line' ? a : b) as Shape & { kind: 'line' };
  const poly = (a.kind === 'line' ? b : a) as Shape & { kind: 'polygon' };
  return line.pts.some((p) => poly.polygon.containsPoint(p)) || boundariesCross(line, poly);
}

/** `$geoIntersects`: the two geometries share at least one point. */
export function intersects(a: Geometry, b: Geometry): boolean {
  return a.shapes.some((x) => b.shapes.some((y) => shapesIntersect(x, y)));
}

function shapeWithinPolygon(s: Shape, poly: Shape & { kind: 'polygon' }): boolean {
  if (s.kind === 'point') return poly.polygon.containsPoint(s.p);
  if (s.kind === 'polygon') return poly.polygon.contains(s.polygon);
  return s.pts.every((p) => poly.polygon.containsPoint(p)) && !boundariesCross(s, poly);
}

/** `$geoWithin`: every point of `g` lies inside the region. */
export function within(g: Geometry, region: Region): boolean {
  if (region.kind === 'cap') {
    // A cap smaller than a hemisphere is convex on the sphere: its vertices inside means all inside.
    return g.shapes.every((s) => verticesOf(s).every((p) => p.distance(region.center) <= region.radians));
  }
  const polys = region.geometry.shapes as Array<Shape & { kind: 'polygon' }>;
  return g.shapes.every((s) => polys.some((poly) => shapeWithinPolygon(s, poly)));
}

/** Distance in metres from `from` to the nearest point of `g` (0 inside a polygon). */
export function distanceMeters(from: s2.Point, g: Geometry): number {
  let best = Infinity;
  for (const s of g.shapes) {
    if (s.kind === 'point') best = Math.min(best, from.distance(s.p));
    else if (s.kind === 'polygon' && s.polygon.containsPoint(from)) return 0;
    else for (const l of boundaryLines(s)) best = Math.min(best, angleToLine(from, l));
  }
  return best * EARTH_RADIUS_M;
}

/** The point of a `$geometry` that must be a GeoJSON Point (`$nearSphere`, `$geoNear.near`). */
export function nearPoint(v: unknown, what: string): s2.Point {
  const g = isGeoJSON(v) ? parseGeometry(v) : undefined;
  if (!g || g.type !== 'Point')
    throw new DbError(
      'DATABASE_REQUEST_FAILED',
      `${what} must be a GeoJSON Point ({ type: 'Point', coordinates: [lng, lat] })`,
    );
  return (g.shapes[0] as Shape & { kind: 'point' }).p;
}

/** `$geoWithin` argument → region: `{ $geometry: Polygon|MultiPolygon }` or `{ $centerSphere: [[lng, lat], radians] }`. */
export function parseRegion(arg: unknown): Region {
  if (!isPlainObject(arg)) throw new DbError('DATABASE_REQUEST_FAILED', '$geoWithin needs $geometry or $centerSphere');
  if ('$centerSphere' in arg) {
    const cs = arg.$centerSphere;
    if (!Array.isArray(cs) || cs.length !== 2 || typeof cs[1] !== 'number' || cs[1] < 0)
      throw new DbError('DATABASE_REQUEST_FAILED', '$centerSphere must be [[lng, lat], radius in radians]');
    return { kind: 'cap', center: toPoint(cs[0]), radians: cs[1] };
  }
  const g = parseGeometry(arg.$geometry);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    throw new DbError('DATABASE_REQUEST_FAILED', '$geoWithin $geometry must be a Polygon or MultiPolygon');
  return { kind: 'polygons', geometry: g };
}
