import { encodeEJSON, isDate, isPlainObject, type PlainObject } from './ejson';
import { OrderedIndex, pathValues, queryBounds } from './indexes';
import type { IndexSpec } from './manifest';

/** Positions packed beside a sequence number in one double (2^53 > 2^31 sequences × 2^22). */
const POSITIONS = 2 ** 22;

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

/** A unique index: key → owning `_id`. Missing fields index as null (MongoDB semantics). */
export interface UniqueIndex {
  readonly name: string;
  readonly fields: string[][];
  readonly owners: Map<string, DocId>;
}

/** Which documents a query reads: an index's candidates, or (no usable index) every document. */
export interface ScanPlan {
  /** Candidates in natural order; undefined means a full scan. */
  docs: Doc[] | undefined;
  /** The index that produced them: `_id`, a manifest index name, or null for a full scan. */
  index: string | null;
}

/** The ids an `_id` condition names by equality or `$in`, or undefined when it does not. */
function idValues(cond: unknown): DocId[] | undefined {
  const ok = (v: unknown): v is DocId => typeof v === 'string' || typeof v === 'number';
  if (ok(cond)) return [cond];
  if (!isPlainObject(cond)) return undefined;
  const keys = Object.keys(cond);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq' && ok(cond.$eq)) return [cond.$eq];
  if (keys[0] === '$in' && Array.isArray(cond.$in) && cond.$in.every(ok)) return cond.$in;
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
  /** Manifest indexes in key order (2dsphere indexes aside), used to narrow scans. */
  readonly ordered: OrderedIndex[] = [];
  /** Fields with a `2dsphere` index: what geo queries and `$geoNear` require. */
  readonly geoFields: string[] = [];
  private readonly seq = new Map<DocId, number>();
  private nextSeq = 0;
  /** Called when stored data already violates a unique index (e.g. the manifest changed). */
  private readonly onLoadConflict: (msg: string) => void;

  constructor(name: string, indexes: IndexSpec[] = [], onLoadConflict: (msg: string) => void = () => undefined) {
    this.name = name;
    this.onLoadConflict = onLoadConflict;
    for (const idx of indexes) {
      const fields = Object.keys(idx.keys);
      const geo = fields.filter((f) => idx.keys[f] === '2dsphere');
      if (geo.length) {
        for (const f of geo) if (!this.geoFields.includes(f)) this.geoFields.push(f);
        continue;
      }
      if (idx.unique) this.unique.push({ name: idx.name, fields: fields.map((f) => f.split('.')), owners: new Map() });
      // Numeric path segments address array positions; leave those to full scans.
      if (!fields.some((f) => f.split('.').some((s) => /^\d+$/.test(s))))
        this.ordered.push(new OrderedIndex(idx.name, fields));
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
    for (const o of this.ordered) o.clear();
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
    const seq = this.seq.get(doc._id) ?? 0;
    for (const o of this.ordered) o.add(doc._id, doc, seq);
  }

  private unindex(doc: Doc): void {
    for (const u of this.unique) {
      for (const k of this.uniqueKeys(u, doc)) if (u.owners.get(k) === doc._id) u.owners.delete(k);
    }
    for (const o of this.ordered) o.remove(doc._id);
  }

  /**
   * The documents a query must examine, in natural order: those of an `_id` equality/`$in`, or of
   * the manifest index whose equality prefix (plus at most one range) bounds the query best
   * (the smallest candidate set among equally good plans), or every document. Candidates are a
   * superset of the matches: the caller still tests each one against the whole query.
   */
  plan(query: PlainObject): ScanPlan {
    if ('_id' in query) {
      const ids = idValues(query._id);
      if (ids) return { docs: this.inOrder(new Set(ids)), index: '_id' };
    }
    const bounds = queryBounds(query);
    if (bounds.size === 0) return { docs: undefined, index: null };
    let best: { score: number; plans: ReturnType<OrderedIndex['plan']>[] } = { score: 0, plans: [] };
    for (const o of this.ordered) {
      const p = o.plan(bounds);
      if (!p) continue;
      const score = p.eqFields * 2 + (p.range ? 1 : 0);
      if (score > best.score) best = { score, plans: [p] };
      else if (score === best.score) best.plans.push(p);
    }
    let chosen: { ids: Set<DocId>; index: string } | undefined;
    for (const p of best.plans) {
      if (!p) continue;
      const ids = p.index.scan(p, bounds);
      if (!chosen || ids.size < chosen.ids.size) chosen = { ids, index: p.index.name };
    }
    return chosen ? { docs: this.inOrder(chosen.ids), index: chosen.index } : { docs: undefined, index: null };
  }

  /** {@link plan}'s candidates only (undefined = scan everything). */
  candidates(query: PlainObject): Doc[] | undefined {
    return this.plan(query).docs;
  }

  private inOrder(ids: Set<DocId>): Doc[] {
    // Most of the collection: filter it in Map order, which is natural order (a replaced
    // document keeps its place in a Map).
    if (ids.size * 2 >= this.docs.size || ids.size >= POSITIONS || this.nextSeq >= 2 ** 31) {
      const out: Doc[] = [];
      for (const [id, d] of this.docs) if (ids.has(id)) out.push(d);
      return out;
    }
    // Otherwise sort (sequence number, position) pairs packed into one double each — a native
    // numeric sort — and read the documents back by position.
    const found: Doc[] = [];
    const keys = new Float64Array(ids.size);
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      keys[found.length] = (this.seq.get(id) ?? 0) * POSITIONS + found.length;
      found.push(doc);
    }
    const sorted = keys.subarray(0, found.length).sort();
    const out = new Array<Doc>(found.length);
    for (let i = 0; i < sorted.length; i++) out[i] = found[sorted[i]! % POSITIONS]!;
    return out;
  }
}
