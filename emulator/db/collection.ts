import { encodeEJSON, isDate, isPlainObject, type PlainObject } from './ejson';
import type { IndexSpec } from './manifest';

/** A document `_id`: CloudBase ids are strings; `doc(n)` with a number is allowed by the SDK. */
export type DocId = string | number;

/** A stored document. Stored objects are never mutated: updates replace them with a new object. */
export type Doc = PlainObject & { _id: DocId };

/**
 * Index key of one value. Distinguishes types the way MongoDB does (1 ≠ "1"), treats a missing
 * field as null, and compares dates by time.
 */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return 'z';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'bt' : 'bf';
  if (isDate(v)) return `d${v.getTime()}`;
  return `o${JSON.stringify(encodeEJSON(v))}`;
}

/**
 * Values an index sees at `segments` of `doc`, fanning out over arrays like a multikey index.
 * `irregular` flags an array nested directly in an array on the way, where MongoDB-style path
 * resolution gets subtle; field indexes then treat the document as always a candidate.
 */
function pathValues(doc: PlainObject, segments: string[]): { values: unknown[]; irregular: boolean } {
  let cur: unknown[] = [doc];
  let irregular = false;
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (Array.isArray(v)) {
        for (const el of v) {
          if (isPlainObject(el)) {
            if (seg in el) next.push(el[seg]);
          } else if (Array.isArray(el)) irregular = true;
        }
      } else if (isPlainObject(v) && seg in v) {
        next.push(v[seg]);
      }
    }
    cur = next;
  }
  const values: unknown[] = [];
  for (const v of cur) {
    if (Array.isArray(v)) {
      if (v.length === 0) values.push(undefined);
      for (const el of v) {
        if (Array.isArray(el)) irregular = true;
        values.push(el);
      }
    } else values.push(v);
  }
  if (values.length === 0) values.push(null);
  return { values, irregular };
}

/** A unique index: key → owning `_id`. Missing fields index as null (MongoDB semantics). */
export interface UniqueIndex {
  readonly name: string;
  readonly fields: string[][];
  readonly owners: Map<string, DocId>;
}

/** Equality lookup on one field (the first field of a manifest index), used only to narrow scans. */
interface FieldIndex {
  readonly segments: string[];
  readonly ids: Map<string, Set<DocId>>;
  /** Documents whose values could not be indexed exactly (nested arrays on the path): always candidates. */
  readonly loose: Set<DocId>;
}

function isIndexableScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || isDate(v);
}

/** Equality values of a query condition that an index can serve, or undefined when it cannot. */
function equalityValues(cond: unknown): unknown[] | undefined {
  if (isIndexableScalar(cond)) return [cond];
  if (!isPlainObject(cond)) return undefined;
  const keys = Object.keys(cond);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq' && isIndexableScalar(cond.$eq)) return [cond.$eq];
  if (keys[0] === '$in' && Array.isArray(cond.$in) && cond.$in.every(isIndexableScalar)) return cond.$in;
  return undefined;
}

/**
 * One collection in memory: documents in natural (insertion) order plus the manifest's indexes.
 * Unique indexes are authoritative; field indexes only narrow candidate sets, and every candidate
 * is still tested against the full query, so correctness never depends on them.
 */
export class Collection {
  readonly name: string;
  readonly docs = new Map<DocId, Doc>();
  readonly unique: UniqueIndex[] = [];
  private readonly fieldIndexes: FieldIndex[] = [];
  private readonly seq = new Map<DocId, number>();
  private nextSeq = 0;
  /** Called when stored data already violates a unique index (e.g. the manifest changed). */
  private readonly onLoadConflict: (msg: string) => void;

  constructor(name: string, indexes: IndexSpec[] = [], onLoadConflict: (msg: string) => void = () => undefined) {
    this.name = name;
    this.onLoadConflict = onLoadConflict;
    const seen = new Set<string>();
    for (const idx of indexes) {
      const fields = Object.keys(idx.keys);
      if (idx.unique) this.unique.push({ name: idx.name, fields: fields.map((f) => f.split('.')), owners: new Map() });
      const first = fields[0];
      // Numeric path segments address array positions; leave those to full scans.
      if (!seen.has(first) && !first.split('.').some((s) => /^\d+$/.test(s))) {
        seen.add(first);
        this.fieldIndexes.push({ segments: first.split('.'), ids: new Map(), loose: new Set() });
      }
    }
  }

  /** Keys `doc` occupies in a unique index (several when an indexed field is an array). */
  uniqueKeys(idx: UniqueIndex, doc: PlainObject): string[] {
    let keys: string[] = [''];
    idx.fields.forEach((segments, i) => {
      const vals = [...new Set(pathValues(doc, segments).values.map(keyOf))];
      const next: string[] = [];
      for (const k of keys) for (const v of vals) next.push(i === 0 ? v : `${k}\u0001${v}`);
      keys = next;
    });
    return [...new Set(keys)];
  }

  /** Inserts or replaces a document (by `_id`) and maintains every index. No uniqueness check here. */
  put(doc: Doc): void {
    const old = this.docs.get(doc._id);
    if (old) this.unindex(old);
    this.docs.set(doc._id, doc);
    if (!this.seq.has(doc._id)) this.seq.set(doc._id, this.nextSeq++);
    this.index(doc);
  }

  /** Removes a document by `_id`; answers whether it existed. */
  delete(id: DocId): boolean {
    const old = this.docs.get(id);
    if (!old) return false;
    this.unindex(old);
    this.docs.delete(id);
    this.seq.delete(id);
    return true;
  }

  /** Drops every document (indexes stay declared). */
  clear(): void {
    this.docs.clear();
    this.seq.clear();
    for (const u of this.unique) u.owners.clear();
    for (const f of this.fieldIndexes) {
      f.ids.clear();
      f.loose.clear();
    }
  }

  private index(doc: Doc): void {
    for (const u of this.unique) {
      for (const k of this.uniqueKeys(u, doc)) {
        const owner = u.owners.get(k);
        if (owner === undefined) u.owners.set(k, doc._id);
        else if (owner !== doc._id) {
          this.onLoadConflict(
            `collection ${this.name}: stored documents ${String(owner)} and ${String(doc._id)} share a key of unique index ${u.name}`,
          );
        }
      }
    }
    for (const f of this.fieldIndexes) {
      const { values, irregular } = pathValues(doc, f.segments);
      if (irregular) {
        f.loose.add(doc._id);
        continue;
      }
      for (const v of values) {
        if (v === null || v === undefined) continue;
        const k = keyOf(v);
        let set = f.ids.get(k);
        if (!set) f.ids.set(k, (set = new Set()));
        set.add(doc._id);
      }
    }
  }

  private unindex(doc: Doc): void {
    for (const u of this.unique) {
      for (const k of this.uniqueKeys(u, doc)) if (u.owners.get(k) === doc._id) u.owners.delete(k);
    }
    for (const f of this.fieldIndexes) {
      if (f.loose.delete(doc._id)) continue;
      for (const v of pathValues(doc, f.segments).values) {
        if (v === null || v === undefined) continue;
        const k = keyOf(v);
        const set = f.ids.get(k);
        if (set) {
          set.delete(doc._id);
          if (set.size === 0) f.ids.delete(k);
        }
      }
    }
  }

  /**
   * A superset of the documents matching `query`, in natural order, when an index can narrow the
   * scan (top-level equality or `$in` on `_id` or on an indexed field); otherwise undefined, meaning
   * "scan everything".
   */
  candidates(query: PlainObject): Doc[] | undefined {
    if ('_id' in query) {
      const ids = equalityValues(query._id);
      if (ids && ids.every((v) => typeof v === 'string' || typeof v === 'number')) {
        return this.inOrder(new Set(ids as DocId[]));
      }
    }
    let best: Set<DocId> | undefined;
    for (const f of this.fieldIndexes) {
      const field = f.segments.join('.');
      if (!(field in query)) continue;
      const vals = equalityValues(query[field]);
      if (!vals) continue;
      const ids = new Set<DocId>(f.loose);
      for (const v of vals) for (const id of f.ids.get(keyOf(v)) ?? []) ids.add(id);
      if (!best || ids.size < best.size) best = ids;
    }
    return best ? this.inOrder(best) : undefined;
  }

  private inOrder(ids: Set<DocId>): Doc[] {
    const out: Doc[] = [];
    for (const id of ids) {
      const d = this.docs.get(id);
      if (d) out.push(d);
    }
    if (out.length > 1) out.sort((a, b) => (this.seq.get(a._id) ?? 0) - (this.seq.get(b._id) ?? 0));
    return out;
  }
}
