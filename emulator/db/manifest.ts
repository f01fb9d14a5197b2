import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One index of a collection, as declared in config/database.json. */
export interface IndexSpec {
  /** Index name, unique within its collection. */
  name: string;
  /**
   * Field paths in index order, each ascending (1), descending (-1) or `"2dsphere"` (a geo index
   * on GeoJSON values: what `geoNear`, `geoWithin`, `geoIntersects` and `$geoNear` need).
   */
  keys: Record<string, 1 | -1 | '2dsphere'>;
  /** A unique index rejects a second document with the same key: `DATABASE_DUPLICATE_WRITE`. */
  unique?: boolean;
}

/** Settings of one collection. */
export interface CollectionSpec {
  indexes?: IndexSpec[];
}

/**
 * The one manifest of collections and indexes (config/database.json). The emulator creates every
 * listed collection at start and enforces its unique indexes; the deploy script pushes the same
 * file to CloudBase, so local and cloud cannot drift.
 */
export interface Manifest {
  collections: Record<string, CollectionSpec>;
}

/** The project root (two levels above emulator/db). */
export function projectRoot(): string {
  // CommonJS under tsx and @swc/jest defines __dirname; fall back to the working directory elsewhere.
  const here = typeof __dirname === 'string' ? __dirname : resolve(process.cwd(), 'emulator', 'db');
  return resolve(here, '..', '..');
}

/** Default manifest location: `<project>/config/database.json`. */
export function defaultManifestPath(): string {
  return resolve(projectRoot(), 'config', 'database.json');
}

/** Default data folder: `<project>/.data/emulator` (git-ignored). */
export function defaultDataDir(): string {
  return resolve(projectRoot(), '.data', 'emulator');
}

/**
 * Reads and validates a manifest (default: config/database.json).
 * Throws with a readable message when the file is missing or malformed.
 */
export function loadManifest(path: string = defaultManifestPath()): Manifest {
  if (!existsSync(path)) throw new Error(`database manifest not found: ${path}`);
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return validateManifest(raw, path);
}

/** Checks the shape of a parsed manifest and returns it typed. */
export function validateManifest(raw: unknown, source = 'manifest'): Manifest {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };
  if (!raw || typeof raw !== 'object') fail('must be an object');
  const cols = (raw as { collections?: unknown }).collections;
  if (!cols || typeof cols !== 'object' || Array.isArray(cols)) fail('"collections" must be an object');
  const out: Manifest = { collections: {} };
  for (const [name, specRaw] of Object.entries(cols as Record<string, unknown>)) {
    const spec = (specRaw ?? {}) as { indexes?: unknown };
    const indexes: IndexSpec[] = [];
    if (spec.indexes !== undefined && !Array.isArray(spec.indexes)) fail(`${name}.indexes must be an array`);
    for (const idx of (spec.indexes as unknown[] | undefined) ?? []) {
      const i = idx as Partial<IndexSpec>;
      if (!i || typeof i.name !== 'string') fail(`${name}: every index needs a name`);
      if (!i.keys || typeof i.keys !== 'object' || Object.keys(i.keys).length === 0)
        fail(`${name}.${i.name}: keys must be a non-empty object`);
      for (const [field, dir] of Object.entries(i.keys as Record<string, unknown>)) {
        if (dir !== 1 && dir !== -1 && dir !== '2dsphere')
          fail(`${name}.${i.name}: key ${field} must be 1, -1 or "2dsphere"`);
      }
      indexes.push({ name: i.name as string, keys: i.keys as IndexSpec['keys'], unique: i.unique === true });
    }
    out.collections[name] = { indexes };
  }
  return out;
}
