import { randomBytes } from 'node:crypto';
import { ProcessingMode, update as mingoUpdate } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { AnyObject } from 'mingo/types';
import type { s2 } from 's2js';
import { Collection, keyOf, type Doc, type DocId } from './collection';
import {
  cloneValue,
  decodeEJSON,
  encodeEJSON,
  isPlainObject,
  parseEJSON,
  stringifyEJSON,
  type PlainObject,
} from './ejson';
import { collectionNotExist, DbError, TRANSACTION_NOT_EXIST_MESSAGE, transactionConflict } from './errors';
import { distanceMeters, isGeoJSON, nearPoint, parseGeometry } from './geo';
import { pathValues } from './indexes';
import { Journal, type JournalRecord } from './journal';
import type { Manifest } from './manifest';
import { compileGroupPrefix } from './compiled-group';
import { LOOKUP_CONTEXT, withEqualityLookups } from './compiled-lookup';
import { compileQuery, type Matcher } from './compiled-query';
import { MINGO_OPTIONS, rewriteBucket } from './operators';
import { Counters, Explain, type ExplainStats, type OperationStats } from './stats';

/** Settings of one engine instance. */
export interface EngineOptions {
  dataDir: string;
  manifest: Manifest;
  /** fsync every journal append (power-loss durability); off by default. */
  fsync: boolean;
  /** A transaction idle longer than this is aborted and its locks released. */
  transactionTimeoutMs: number;
  /** Rows an aggregation answers when its pipeline has no `$limit` stage (0 = unlimited). */
  aggregateDefaultLimit: number;
  /** Compact (snapshot + empty journal) once the journal grows past this many bytes. */
  compactBytes: number;
  log: (msg: string) => void;
}

/** What an action answers: `data` goes under `data`, `top` fields go at the top level. */
export interface ActionResult {
  data?: unknown;
  top?: PlainObject;
}

/** A write inside one atomic batch. `insert` fails on an existing `_id`; `put` replaces or creates. */
type WriteOp = { kind: 'insert' | 'put'; coll: string; id: DocId; doc: Doc } | { kind: 'del'; coll: string; id: DocId };

interface TxnWrite {
  coll: string;
  id: DocId;
  /** The document as the transaction will leave it; null = deleted. */
  doc: Doc | null;
}

interface Txn {
  id: string;
  startedAt: number;
  lastActive: number;
  /**
   * The commit clock when the transaction's first operation ran: it reads the database as of
   * then (MongoDB's snapshot isolation), and writing a document committed after it conflicts.
   */
  snapshot: number | undefined;
  /** Buffered writes, applied atomically on commit. */
  writes: Map<string, TxnWrite>;
}

type FinishReason = 'committed' | 'aborted' | 'conflict' | 'expired';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const FINISHED_MEMORY = 10_000;
/**
 * The aggregation stages CloudBase documents (Aggregate.addFields … unwind). Any other stage
 * (`$facet`, `$out`, `$merge`, `$graphLookup`, …) is refused: it is not part of the contract the
 * project codes against, so a pipeline that passes here runs on CloudBase. See ADR 0015.
 */
const DOCUMENTED_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$geoNear',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/** A `$nearSphere` condition lifted out of a where() query: the engine filters and sorts by distance. */
interface NearQuery {
  field: string;
  point: s2.Point;
  min: number;
  max: number;
}

/** What one call read, for `explain`. */
interface CallScan {
  examined: number;
  /** Index used (`_id`, manifest name, `2dsphere:<field>`), null = full scan, undefined = read nothing. */
  index: string | null | undefined;
  returned: number;
}

function docKey(coll: string, id: DocId): string {
  return `${coll}\u0000${keyOf(id)}`;
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

/** `data` with `_id` set to `id` as its first field (the order CloudBase answers documents in). */
function withId(id: DocId, data: PlainObject): Doc {
  const out: PlainObject = { _id: id };
  for (const k of Object.keys(data)) if (k !== '_id') out[k] = data[k];
  return out as Doc;
}

function invalid(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

/**
 * A transaction the server no longer has (committed, rolled back, expired after 30 s): CloudBase's
 * documented `DATABASE_TRANSACTION_FAIL` with its exact `[ResourceUnavailable.TransactionNotExist]` message.
 */
function transactionGone(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST_MESSAGE, detail);
}

/**
 * Refuses a stored document with a `$` field name at any depth, as MongoDB before 5.0 does. The
 * code is CloudBase's: its SDK suite asserts `DATABASE_REQUEST_FAILED` for `add({ $_key: 1 })`
 * against a real environment (TencentCloudBase/node-sdk, test/database/index.test.ts).
 */
function checkFieldNames(v: unknown, path: string): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkFieldNames(x, `${path}.${i}`));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) {
    if (k.startsWith('$'))
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `Document can't have $ prefixed field names: ${path ? `${path}.` : ''}${k}`,
      );
    checkFieldNames(v[k], path ? `${path}.${k}` : k);
  }
}

/**
 * A `2dsphere` index refuses a document whose indexed field holds something other than GeoJSON
 * (null or a missing field is fine), as MongoDB does: "Can't extract geo keys".
 */
function checkGeoFields(c: Collection, doc: PlainObject): void {
  for (const field of c.geoFields) {
    for (const v of pathValues(doc, field.split('.')).values) {
      if (v === null || v === undefined) continue;
      parseGeometry(v);
    }
  }
}

/** Sets `path` (dot notation) on `obj`, creating objects on the way. */
function setPath(obj: PlainObject, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur = obj;
  for (const seg of segs.slice(0, -1)) {
    if (!isPlainObject(cur[seg])) cur[seg] = {};
    cur = cur[seg] as PlainObject;
  }
  cur[segs[segs.length - 1]] = value;
}

function describeKey(doc: PlainObject, fields: string[][]): string {
  const parts = fields.map((segs) => {
    let v: unknown = doc;
    for (const s of segs) v = isPlainObject(v) ? v[s] : undefined;
    return `${segs.join('.')}: ${JSON.stringify(encodeEJSON(v ?? null))}`;
  });
  return `{ ${parts.join(', ')} }`;
}

/**
 * The database: collections in memory, every write journaled before it is applied, transactions
 * with buffered writes and optimistic conflict detection.
 *
 * Every action runs synchronously from decoding to journaling to applying, so on Node's single
 * thread each request's read-modify-write is atomic with respect to every other request.
 */
export class Engine {
  readonly counters = new Counters();
  /** Documents examined per collection and action (MongoDB's `explain` figures). */
  readonly explained = new Explain();
  private scan: CallScan = { examined: 0, index: undefined, returned: 0 };
  private readonly opts: EngineOptions;
  private readonly journal: Journal;
  private readonly collections = new Map<string, Collection>();
  private readonly txns = new Map<string, Txn>();
  private readonly finished = new Map<string, FinishReason>();
  /** Document key → id of the transaction holding a buffered write on it. */
  private readonly locks = new Map<string, string>();
  /** Document key → version of its last committed write; kept only while transactions are open. */
  private readonly lastWrite = new Map<string, number>();
  /**
   * Document key → the versions it replaced while transactions were open, oldest first: what a
   * transaction whose snapshot predates a write reads instead of the current document.
   */
  private readonly history = new Map<string, Array<{ clock: number; before: Doc | null }>>();
  private clock = 0;
  private finishedSincePrune = 0;
  private readonly sweeper: NodeJS.Timeout;
  private warnedLoadConflict = false;

  constructor(opts: EngineOptions) {
    this.opts = opts;
    this.journal = new Journal(opts.dataDir, opts.fsync);
    try {
      this.load();
    } catch (e) {
      this.journal.close();
      throw e;
    }
    const every = Math.max(50, Math.min(5_000, opts.transactionTimeoutMs));
    this.sweeper = setInterval(() => this.sweepTransactions(Date.now()), every);
    this.sweeper.unref?.();
  }

  /** Operation counters `{ [collection]: { [action]: n } }`. */
  stats(): OperationStats {
    return this.counters.snapshot();
  }

  /** Documents examined and returned per collection and action, and the most recent calls. */
  explain(): ExplainStats {
    return this.explained.snapshot();
  }

  /**
   * Runs one wire action (e.g. `database.getDocument`) with its decoded JSON body.
   * Throws {@link DbError} for answers CloudBase gives as `{ code, message }`.
   */
  dispatch(action: string, params: PlainObject): ActionResult {
    const name = action.startsWith('database.') ? action.slice('database.'.length) : action;
    const collection = typeof params.collectionName === 'string' ? params.collectionName : undefined;
    this.counters.record(collection, name);
    this.scan = { examined: 0, index: undefined, returned: 0 };
    const now = Date.now();
    try {
      switch (name) {
        case 'getDocument':
          return this.getDocument(params, now);
        case 'calculateDocument':
          return this.calculateDocument(params, now);
        case 'insertDocument':
          return this.insertDocument(params, now);
        case 'modifyDocument':
          return this.modifyDocument(params, now);
        case 'removeDocument':
          return this.removeDocument(params, now);
        case 'modifyAndReturnDoc':
          return this.modifyAndReturnDoc(params, now);
        case 'aggregateDocuments':
          return this.aggregateDocuments(params, now);
        case 'addCollection':
          return this.addCollection(params);
        case 'startTransaction':
          return this.startTransaction(now);
        case 'commitTransaction':
          return this.commitTransaction(params, now);
        case 'abortTransaction':
          return this.abortTransaction(params);
        default:
          throw new DbError('INVALID_ACTION', `action ${action} is not supported by the local CloudBase emulator`);
      }
    } catch (e) {
      if (e instanceof DbError) throw e;
      throw new DbError('DATABASE_REQUEST_FAILED', (e as Error)?.message ?? String(e));
    } finally {
      const { examined, index, returned } = this.scan;
      if (collection && index !== undefined)
        this.explained.record({ collection, action: name, index, examined, returned });
    }
  }

  /** Drops every document and every created collection (manifest collections stay), durably. */
  reset(): void {
    for (const t of [...this.txns.values()]) this.finish(t, 'aborted');
    this.append({ r: 1 });
    this.resetMemory();
    this.compact();
  }

  /** Stops the transaction sweeper and closes the journal. */
  close(): void {
    clearInterval(this.sweeper);
    this.journal.close();
  }

  // ---------------------------------------------------------------- loading and persistence

  private load(): void {
    const loaded = this.journal.open();
    this.resetMemory();
    for (const entry of loaded.snapshot) {
      const c = this.ensureCollection(entry.c);
      if (entry.d !== undefined) c.put(decodeEJSON(entry.d) as Doc);
    }
    for (const rec of loaded.records) this.replay(rec);
    if (loaded.tornTail)
      this.opts.log(
        'journal: ignored a torn last line (the process died mid-write; that write was never acknowledged)',
      );
    if (loaded.records.length > 0 || loaded.tornTail || loaded.snapshot.length === 0) this.compact();
  }

  private replay(rec: JournalRecord): void {
    if ('o' in rec) {
      for (const [kind, coll, x] of rec.o) {
        const c = this.ensureCollection(coll);
        if (kind === 'p') c.put(decodeEJSON(x) as Doc);
        else c.delete(decodeEJSON(x) as DocId);
      }
    } else if ('c' in rec) this.ensureCollection(rec.c);
    else if ('r' in rec) this.resetMemory();
  }

  private resetMemory(): void {
    this.collections.clear();
    for (const name of Object.keys(this.opts.manifest.collections)) this.ensureCollection(name);
  }

  private ensureCollection(name: string): Collection {
    let c = this.collections.get(name);
    if (!c) {
      const indexes = this.opts.manifest.collections[name]?.indexes ?? [];
      c = new Collection(name, indexes, (msg) => {
        if (!this.warnedLoadConflict) this.opts.log(`warning: ${msg} (stored data predates the unique index)`);
        this.warnedLoadConflict = true;
      });
      this.collections.set(name, c);
    }
    return c;
  }

  private append(rec: JournalRecord): void {
    try {
      this.journal.append(rec);
    } catch (e) {
      throw new DbError('SYS_ERR', `journal write failed, nothing was written: ${(e as Error).message}`);
    }
  }

  private compact(): void {
    const collections = this.collections;
    function* entries(): Generator<[string, Iterable<unknown>]> {
      for (const [name, c] of collections) {
        yield [
          name,
          (function* docs() {
            for (const d of c.docs.values()) yield encodeEJSON(d);
          })(),
        ];
      }
    }
    this.journal.compact(entries());
  }

  // ---------------------------------------------------------------- atomic write batches

  /** Validates, journals, then applies a batch: all of it or (on any error) none of it. */
  private commit(ops: WriteOp[]): void {
    if (ops.length === 0) return;
    this.validate(ops);
    this.append({
      o: ops.map((op) =>
        op.kind === 'del' ? ['d', op.coll, encodeEJSON(op.id)] : ['p', op.coll, encodeEJSON(op.doc)],
      ),
    });
    for (const op of ops) {
      const c = this.ensureCollection(op.coll);
      if (this.txns.size > 0) {
        const key = docKey(op.coll, op.id);
        const clock = ++this.clock;
        const versions = this.history.get(key) ?? [];
        versions.push({ clock, before: c.docs.get(op.id) ?? null });
        this.history.set(key, versions);
        this.lastWrite.set(key, clock);
      }
      if (op.kind === 'del') c.delete(op.id);
      else c.put(op.doc);
    }
    if (this.journal.size > this.opts.compactBytes) {
      try {
        this.compact();
      } catch (e) {
        // The batch is journaled and applied; a failed compaction only leaves a longer journal.
        this.opts.log(`compaction failed, will retry after the next write: ${(e as Error).message}`);
      }
    }
  }

  /** Throws `DATABASE_DUPLICATE_WRITE` if applying `ops` in order would break a unique index or `_id`. */
  private validate(ops: WriteOp[]): void {
    const owners = new Map<string, DocId | null>();
    const view = new Map<string, Doc | null>();
    for (const op of ops) {
      const c = this.collections.get(op.coll);
      if (!c) throw collectionNotExist(op.coll);
      if (op.kind !== 'del') checkGeoFields(c, op.doc);
      const dk = docKey(op.coll, op.id);
      const cur = view.has(dk) ? (view.get(dk) ?? null) : (c.docs.get(op.id) ?? null);
      if (op.kind === 'insert' && cur) {
        throw new DbError(
          'DATABASE_DUPLICATE_WRITE',
          `E11000 duplicate key error collection: ${op.coll} index: _id_ dup key: { _id: ${JSON.stringify(op.id)} }`,
        );
      }
      if (c.unique.length === 0) {
        view.set(dk, op.kind === 'del' ? null : op.doc);
        continue;
      }
      if (cur)
        for (const u of c.unique)
          for (const k of c.uniqueKeys(u, cur)) owners.set(`${op.coll}\u0000${u.name}\u0000${k}`, null);
      if (op.kind !== 'del') {
        for (const u of c.unique) {
          for (const k of c.uniqueKeys(u, op.doc)) {
            const fk = `${op.coll}\u0000${u.name}\u0000${k}`;
            const owner = owners.has(fk) ? owners.get(fk) : u.owners.get(k);
            if (owner !== undefined && owner !== null && owner !== op.id) {
              throw new DbError(
                'DATABASE_DUPLICATE_WRITE',
                `E11000 duplicate key error collection: ${op.coll} index: ${u.name} dup key: ${describeKey(op.doc, u.fields)}`,
              );
            }
            owners.set(fk, op.id);
          }
        }
      }
      view.set(dk, op.kind === 'del' ? null : op.doc);
    }
  }

  // ---------------------------------------------------------------- request decoding helpers

  private requireCollection(params: PlainObject): Collection {
    const name = params.collectionName;
    if (typeof name !== 'string' || !name) throw invalid('collectionName is required');
    const c = this.collections.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  private parseQuery(raw: unknown, now: number): PlainObject {
    if (raw === undefined || raw === null || raw === '') return {};
    const q = parseEJSON(raw, now);
    if (!isPlainObject(q)) throw invalid('query must be an object');
    return q;
  }

  private parseObject(raw: unknown, what: string, now?: number): PlainObject | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    const v = parseEJSON(raw, now);
    if (!isPlainObject(v)) throw invalid(`${what} must be an object`);
    return v;
  }

  private compile(query: PlainObject): Matcher {
    return compileQuery(query) ?? new Query(query as AnyObject, MINGO_OPTIONS);
  }

  /**
   * The documents `query` must examine (an index's candidates or the whole collection), each
   * counted as examined as it is read. The scan's index is recorded for `explain`.
   */
  private source(c: Collection, query: PlainObject): Iterable<Doc> {
    const plan = c.plan(query);
    this.scan.index = plan.index;
    const docs: Iterable<Doc> = plan.docs ?? c.docs.values();
    const scan = this.scan;
    return (function* counted() {
      for (const d of docs) {
        scan.examined += 1;
        yield d;
      }
    })();
  }

  /** Matching documents in natural order; the first one only unless `multi`. */
  private matching(c: Collection, query: PlainObject, multi: boolean): Doc[] {
    const q = this.compile(query);
    const out: Doc[] = [];
    for (const d of this.source(c, query)) {
      if (q.test(d)) {
        out.push(d);
        if (!multi) break;
      }
    }
    return out;
  }

  /**
   * Lifts a top-level `$nearSphere` (the SDK's `_.geoNear`) out of `query`. It needs a `2dsphere`
   * index on its field, as in CloudBase, and may appear only at the top level.
   */
  private liftNear(c: Collection, query: PlainObject): { query: PlainObject; near?: NearQuery } {
    let near: NearQuery | undefined;
    const rest: PlainObject = {};
    for (const [field, cond] of Object.entries(query)) {
      if (!field.startsWith('$') && isPlainObject(cond) && ('$nearSphere' in cond || '$near' in cond)) {
        if (near) throw new DbError('DATABASE_REQUEST_FAILED', 'Too many geoNear expressions');
        if (!c.geoFields.includes(field))
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `unable to find index for $geoNear query: ${c.name}.${field} needs a 2dsphere index (config/database.json)`,
          );
        const spec = (cond.$nearSphere ?? cond.$near) as PlainObject;
        if (!isPlainObject(spec)) throw new DbError('DATABASE_REQUEST_FAILED', '$nearSphere needs $geometry');
        const num = (v: unknown, dflt: number) => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);
        near = {
          field,
          point: nearPoint(spec.$geometry, 'geoNear geometry'),
          min: num(spec.$minDistance, 0),
          max: num(spec.$maxDistance, Infinity),
        };
        const others = Object.keys(cond).filter((k) => k !== '$nearSphere' && k !== '$near');
        if (others.length) rest[field] = Object.fromEntries(others.map((k) => [k, cond[k]]));
      } else rest[field] = cond;
    }
    return { query: rest, near };
  }

  /** Distance in metres from the near point to the nearest geo value of `doc` at `field`, or undefined. */
  private distanceOf(doc: PlainObject, field: string, point: s2.Point): number | undefined {
    let best: number | undefined;
    for (const v of pathValues(doc, field.split('.')).values) {
      if (!isGeoJSON(v)) continue;
      const d = distanceMeters(point, parseGeometry(v));
      if (best === undefined || d < best) best = d;
    }
    return best;
  }

  /**
   * Documents with a geo value at the near field, within its distances, nearest first; `docs` are
   * the collection's stored documents unless a transaction's view of them is given.
   */
  private nearest(
    c: Collection,
    near: NearQuery,
    query: PlainObject,
    docs: Iterable<Doc> = c.docs.values(),
  ): Array<{ doc: Doc; distance: number }> {
    const q = this.compile(query);
    const found: Array<{ doc: Doc; distance: number; seq: number }> = [];
    this.scan.index = `2dsphere:${near.field}`;
    let seq = 0;
    for (const d of docs) {
      seq += 1;
      const distance = this.distanceOf(d, near.field, near.point);
      if (distance === undefined) continue;
      this.scan.examined += 1;
      if (distance < near.min || distance > near.max) continue;
      if (q.test(d)) found.push({ doc: d, distance, seq });
    }
    found.sort((a, b) => a.distance - b.distance || a.seq - b.seq);
    return found;
  }

  private project(docs: Doc[], projection: PlainObject | undefined): PlainObject[] {
    if (!projection || Object.keys(projection).length === 0 || docs.length === 0) return docs;
    return new Query({}, MINGO_OPTIONS).find<PlainObject>(docs, projection as AnyObject).all();
  }

  /**
   * Applies operator update `data` to a copy of `doc`; null when nothing changed. `query` is
   * the filter that selected `doc`, needed by the positional operator (`'arr.$.field'`).
   */
  private applyUpdate(doc: Doc, data: PlainObject, query?: PlainObject): Doc | null {
    const spec: PlainObject = {};
    const plainSet: PlainObject = {};
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith('$')) spec[k] = v;
      else plainSet[k] = v;
    }
    if (Object.keys(plainSet).length) spec.$set = { ...(isPlainObject(spec.$set) ? spec.$set : {}), ...plainSet };
    const copy = cloneValue(doc);
    let changed: string[];
    try {
      const positional = Object.values(spec).some(
        (v) => isPlainObject(v) && Object.keys(v).some((k) => k.includes('.$')),
      );
      changed = positional
        ? mingoUpdate(copy as AnyObject, spec as never, [], (query ?? {}) as AnyObject)
        : mingoUpdate(copy as AnyObject, spec as never);
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `update failed: ${(e as Error).message}`);
    }
    if (copy._id !== doc._id) throw invalid('_id is immutable');
    return changed.length ? copy : null;
  }

  /** The replacement `doc().set(data)` asks for; null when it equals the stored document. */
  private replaceDoc(doc: Doc, data: PlainObject): Doc | null {
    if ('_id' in data && data._id !== doc._id) throw invalid('_id is immutable');
    checkFieldNames(data, '');
    const next = withId(doc._id, data);
    return stringifyEJSON(next) === stringifyEJSON(doc) ? null : next;
  }

  /** The document an upsert creates when nothing matched. */
  private upsertDoc(query: PlainObject, data: PlainObject, merge: boolean): Doc {
    const qid = query._id;
    const id: DocId = typeof qid === 'string' || typeof qid === 'number' ? qid : newId();
    if (!merge) {
      checkFieldNames(data, '');
      return withId(id, data);
    }
    const base: PlainObject = { _id: id };
    for (const [k, v] of Object.entries(query)) {
      if (
        !k.startsWith('$') &&
        !k.includes('.') &&
        !(isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$')))
      )
        base[k] = v;
    }
    return this.applyUpdate(base as Doc, data) ?? (base as Doc);
  }

  /** The one `_id` a query names (`{ _id: v }` or `{ _id: { $eq: v } }`), else undefined. */
  private queryDocId(query: PlainObject): DocId | undefined {
    let id = query._id;
    if (isPlainObject(id) && Object.keys(id).length === 1 && '$eq' in id) id = id.$eq;
    return typeof id === 'string' || typeof id === 'number' ? id : undefined;
  }

  /**
   * The document an update, set or remove inside a transaction writes. The SDK sends these with a
   * transaction id only from `doc(id)` (its `where().update()` and `where().remove()` carry none),
   * so a request naming no `_id` did not come from the SDK.
   */
  private singleDocId(query: PlainObject): DocId {
    const id = this.queryDocId(query);
    if (id !== undefined) return id;
    throw invalid('inside a transaction, update, set and remove take one document by _id (doc(id))');
  }

  /**
   * The documents of `c` as `txn` sees them, in natural order: the versions committed when its
   * snapshot was taken, with its own buffered writes laid over — what a `where()` query inside a
   * MongoDB transaction reads (documents committed by others since stay invisible).
   */
  private txnView(txn: Txn, c: Collection): Doc[] {
    if (txn.snapshot === undefined) txn.snapshot = this.clock;
    const ids = new Set<DocId>(c.docs.keys());
    const prefix = `${c.name}\u0000`;
    for (const [key, versions] of this.history) {
      if (!key.startsWith(prefix)) continue;
      // Deleted since the snapshot: the first later version holds the document the snapshot saw.
      const first = versions.find((v) => v.clock > txn.snapshot!);
      if (first?.before) ids.add(first.before._id);
    }
    for (const w of txn.writes.values()) if (w.coll === c.name) ids.add(w.id);
    const out: Doc[] = [];
    for (const id of ids) {
      const d = this.txnRead(txn, c.name, id);
      if (d) out.push(d);
    }
    return out;
  }

  private matches(query: PlainObject, doc: Doc): boolean {
    return Object.keys(query).length === 0 || this.compile(query).test(doc);
  }

  // ---------------------------------------------------------------- actions

  private getDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    const projection = this.parseObject(params.projection, 'projection');
    const txn = this.txnOf(params, now);
    let limit = Number(params.limit);
    limit = Number.isFinite(limit) && limit > 0 ? Math.min(Math.floor(limit), MAX_LIMIT) : DEFAULT_LIMIT;
    let offset = Number(params.offset ?? 0);
    offset = Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0;
    const order = this.parseObject(params.order, 'order');
    if (order) {
      for (const [f, dir] of Object.entries(order))
        if (dir !== 1 && dir !== -1) throw invalid(`order of ${f} must be 1 or -1`);
    }
    const lifted = this.liftNear(c, query);
    let source: Iterable<Doc>;
    if (txn) {
      // Inside a transaction a query reads the transaction's view: its snapshot plus its own writes.
      const id = lifted.near ? undefined : this.queryDocId(query);
      let view: Doc[];
      if (id !== undefined) {
        const doc = this.txnRead(txn, c.name, id);
        view = doc ? [doc] : [];
        this.scan = { examined: 1, index: '_id', returned: 0 };
      } else {
        view = this.txnView(txn, c);
        this.scan = { examined: view.length, index: null, returned: 0 };
      }
      source = lifted.near ? this.nearest(c, lifted.near, lifted.query, view).map((r) => r.doc) : view;
    } else {
      source = lifted.near ? this.nearest(c, lifted.near, lifted.query).map((r) => r.doc) : this.source(c, query);
    }
    // mingo's cursor (projection, sort, skip, limit; a positional projection reads the query).
    let cursor = new Query((lifted.near ? {} : query) as AnyObject, MINGO_OPTIONS).find<PlainObject>(
      source,
      projection as AnyObject | undefined,
    );
    if (order && Object.keys(order).length) cursor = cursor.sort(order as AnyObject);
    if (offset) cursor = cursor.skip(offset);
    const docs = cursor.limit(limit).all();
    this.scan.returned = docs.length;
    return { data: { list: docs.map(stringifyEJSON), limit, offset } };
  }

  private calculateDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    let total: number;
    if (Object.keys(query).length === 0) total = c.docs.size;
    else {
      const lifted = this.liftNear(c, query);
      total = lifted.near ? this.nearest(c, lifted.near, lifted.query).length : this.matching(c, query, true).length;
    }
    this.scan.returned = total;
    return { data: { total } };
  }

  private insertDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const raw = params.data;
    const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
    if (items.length === 0) throw invalid('data must be a non-empty array of documents');
    const docs = items.map((item) => {
      const d = parseEJSON(item, now);
      if (!isPlainObject(d)) throw invalid('every document must be an object');
      const id = d._id === undefined || d._id === null ? newId() : d._id;
      if (typeof id !== 'string' && typeof id !== 'number') throw invalid('_id must be a string or a number');
      checkFieldNames(d, '');
      return withId(id, d);
    });
    const txn = this.txnOf(params, now);
    if (txn) {
      for (const d of docs) {
        this.txnWrite(txn, c.name, d._id, now, (base) => {
          if (base) {
            throw new DbError(
              'DATABASE_DUPLICATE_WRITE',
              `E11000 duplicate key error collection: ${c.name} index: _id_ dup key: { _id: ${JSON.stringify(d._id)} }`,
            );
          }
          return d;
        });
      }
    } else {
      this.commit(docs.map((d) => ({ kind: 'insert', coll: c.name, id: d._id, doc: d })));
    }
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modifyDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    const data = this.parseObject(params.data, 'data', now);
    if (!data) throw invalid('data is required');
    const merge = params.merge !== false;
    const multi = params.multi === true;
    const upsert = params.upsert === true;
    const txn = this.txnOf(params, now);
    if (txn) {
      const id = this.singleDocId(query);
      let updated = 0;
      let upsertId: DocId | undefined;
      this.txnWrite(txn, c.name, id, now, (base) => {
        if (!base || !this.matches(query, base)) {
          if (!upsert || base) return undefined;
          upsertId = id;
          return this.upsertDoc(query, data, merge);
        }
        const next = merge ? this.applyUpdate(base, data, query) : this.replaceDoc(base, data);
        if (next) updated = 1;
        return next ?? undefined;
      });
      return { data: upsertId !== undefined ? { updated, upsert_id: upsertId } : { updated } };
    }
    const ops: WriteOp[] = [];
    const targets = this.matching(c, query, multi);
    for (const doc of targets) {
      const next = merge ? this.applyUpdate(doc, data, query) : this.replaceDoc(doc, data);
      if (next) ops.push({ kind: 'put', coll: c.name, id: doc._id, doc: next });
    }
    let upsertId: DocId | undefined;
    if (targets.length === 0 && upsert) {
      const doc = this.upsertDoc(query, data, merge);
      ops.push({ kind: 'insert', coll: c.name, id: doc._id, doc });
      upsertId = doc._id;
    }
    this.commit(ops);
    return { data: upsertId !== undefined ? { updated: 0, upsert_id: upsertId } : { updated: ops.length } };
  }

  private removeDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    const txn = this.txnOf(params, now);
    if (txn) {
      let deleted = 0;
      this.txnWrite(txn, c.name, this.singleDocId(query), now, (base) => {
        if (!base || !this.matches(query, base)) return undefined;
        deleted = 1;
        return null;
      });
      return { data: { deleted } };
    }
    const targets = this.matching(c, query, params.multi === true);
    this.commit(targets.map((d) => ({ kind: 'del', coll: c.name, id: d._id })));
    return { data: { deleted: targets.length } };
  }

  private modifyAndReturnDoc(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    const data = this.parseObject(params.data, 'data', now);
    if (!data) throw invalid('data is required');
    const txn = this.txnOf(params, now);
    if (txn) {
      // MongoDB's findOneAndUpdate inside the transaction: the first record of its view that matches.
      let id = this.queryDocId(query);
      if (id === undefined) {
        const q = this.compile(query);
        const view = this.txnView(txn, c);
        this.scan = { examined: view.length, index: null, returned: 0 };
        id = view.find((d) => q.test(d))?._id;
        if (id === undefined) return { data: { updated: 0, doc: null } };
      }
      let updated = 0;
      let result: Doc | null = null;
      this.txnWrite(txn, c.name, id, now, (base) => {
        if (!base || !this.matches(query, base)) return undefined;
        const next = this.applyUpdate(base, data, query);
        updated = next ? 1 : 0;
        result = next ?? base;
        return next ?? undefined;
      });
      return { data: { updated, doc: result ? stringifyEJSON(result) : null } };
    }
    const [target] = this.matching(c, query, false);
    if (!target) return { data: { updated: 0, doc: null } };
    const next = this.applyUpdate(target, data, query);
    if (next) this.commit([{ kind: 'put', coll: c.name, id: target._id, doc: next }]);
    return { data: { updated: next ? 1 : 0, doc: stringifyEJSON(next ?? target) } };
  }

  private aggregateDocuments(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    if (!Array.isArray(params.stages)) throw invalid('stages must be an array');
    const pipeline: PlainObject[] = params.stages
      .map((s: unknown, i: number): PlainObject[] => {
        if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw invalid('every stage needs a stageKey');
        const key = s.stageKey.startsWith('$') ? s.stageKey : `$${s.stageKey}`;
        if (!DOCUMENTED_STAGES.has(key))
          throw new DbError(
            'DATABASE_REQUEST_FAILED',
            `Unrecognized pipeline stage name: '${key}' (CloudBase documents only ${[...DOCUMENTED_STAGES].join(', ')})`,
          );
        if (key === '$geoNear' && i !== 0)
          throw new DbError('DATABASE_REQUEST_FAILED', '$geoNear is only valid as the first stage in a pipeline');
        const value = typeof s.stageValue === 'string' ? parseEJSON(s.stageValue, now) : decodeEJSON(s.stageValue, now);
        return key === '$bucket' ? rewriteBucket(value) : [{ [key]: value }];
      })
      .flat();
    const hasLimit = pipeline.some((st) => '$limit' in st);
    if (!hasLimit && this.opts.aggregateDefaultLimit > 0) pipeline.push({ $limit: this.opts.aggregateDefaultLimit });
    let source: Iterable<PlainObject>;
    if (pipeline.length && isPlainObject(pipeline[0].$geoNear)) {
      source = this.geoNearStage(c, pipeline[0].$geoNear);
      pipeline.shift();
    } else if (pipeline.length && isPlainObject(pipeline[0].$match)) {
      // A leading $match filters through the indexes first, so the pipeline clones only matches.
      source = this.matching(c, pipeline[0].$match, true);
      pipeline.shift();
    } else {
      this.scan.index = null;
      this.scan.examined += c.docs.size;
      source = c.docs.values();
    }
    const scan = this.scan;
    // `[$project] $group` compiled (answers as mingo does, see compiled-group.ts): it reads the
    // stored documents without cloning them, and only its few rows go through mingo.
    const compiled = compileGroupPrefix(pipeline, MINGO_OPTIONS);
    if (compiled) {
      source = compiled.run(source);
      pipeline.splice(0, compiled.stages);
    }
    const options = {
      ...MINGO_OPTIONS,
      collectionResolver: (name: string) => {
        const other = this.collections.get(name);
        // $lookup reads the whole foreign collection here: explain counts it so.
        scan.examined += other?.docs.size ?? 0;
        return other ? [...other.docs.values()].map((d) => cloneValue(d) as AnyObject) : [];
      },
    };
    // Equality `$lookup`s joined by the engine, cloning only the joined documents (compiled-lookup.ts).
    const joined = withEqualityLookups(pipeline, {
      collection: (name) => {
        const other = this.collections.get(name);
        scan.examined += other?.docs.size ?? 0;
        return other ? other.docs.values() : [];
      },
      clone: (d) => cloneValue(d) as PlainObject,
    });
    const agg = new Aggregator((joined ?? pipeline) as AnyObject[], {
      ...options,
      ...(joined ? { context: LOOKUP_CONTEXT } : {}),
      processingMode: ProcessingMode.CLONE_INPUT,
    });
    const out = agg.run<PlainObject>(source);
    this.scan.returned = out.length;
    return { data: { list: out.map(stringifyEJSON) } };
  }

  /**
   * The `$geoNear` stage as CloudBase documents it: `near` (a Point), `spherical: true` and
   * `distanceField` required; `key` picks the `2dsphere` field when there are several;
   * `query`, `minDistance`/`maxDistance` (metres), `distanceMultiplier`, `includeLocs`, `limit`.
   */
  private geoNearStage(c: Collection, spec: PlainObject): PlainObject[] {
    const fail = (msg: string): never => {
      throw new DbError('DATABASE_REQUEST_FAILED', `$geoNear: ${msg}`);
    };
    if (typeof spec.distanceField !== 'string' || !spec.distanceField) fail('distanceField is required');
    if (spec.spherical !== true) fail('spherical must be true (a 2dsphere index measures on the sphere)');
    let field: string;
    if (typeof spec.key === 'string' && spec.key) {
      if (!c.geoFields.includes(spec.key)) fail(`no 2dsphere index on ${c.name}.${spec.key}`);
      field = spec.key;
    } else if (c.geoFields.length === 1) field = c.geoFields[0];
    else if (c.geoFields.length === 0)
      fail(`unable to find index for $geoNear query: ${c.name} has no 2dsphere index (config/database.json)`);
    else fail(`${c.name} has several 2dsphere indexes: name one with key`);
    const num = (v: unknown, dflt: number, what: string) => {
      if (v === undefined || v === null) return dflt;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(`${what} must be a non-negative number`);
      return v as number;
    };
    const near: NearQuery = {
      field: field!,
      point: nearPoint(spec.near, '$geoNear near'),
      min: num(spec.minDistance, 0, 'minDistance'),
      max: num(spec.maxDistance, Infinity, 'maxDistance'),
    };
    const query = spec.query === undefined ? {} : spec.query;
    if (!isPlainObject(query)) fail('query must be an object');
    const multiplier = num(spec.distanceMultiplier, 1, 'distanceMultiplier');
    const limit = spec.limit === undefined ? Infinity : num(spec.limit, Infinity, 'limit');
    const rows = this.nearest(c, near, query as PlainObject).slice(0, limit);
    return rows.map(({ doc, distance }) => {
      const out = cloneValue(doc) as PlainObject;
      setPath(out, spec.distanceField as string, distance * multiplier);
      if (typeof spec.includeLocs === 'string' && spec.includeLocs) {
        const loc = pathValues(doc, near.field.split('.')).values.find(isGeoJSON);
        setPath(out, spec.includeLocs, cloneValue(loc));
      }
      return out;
    });
  }

  private addCollection(params: PlainObject): ActionResult {
    const name = params.collectionName;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(name)) {
      throw invalid('collection name must be 1-128 letters, digits, "_" or "-"');
    }
    if (this.collections.has(name)) {
      throw new DbError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        `[ResourceUnavailable.ResourceExist] Table exist: ${name}`,
      );
    }
    this.append({ c: name });
    this.ensureCollection(name);
    return {};
  }

  // ---------------------------------------------------------------- transactions

  private startTransaction(now: number): ActionResult {
    const id = randomBytes(12).toString('hex');
    this.txns.set(id, { id, startedAt: now, lastActive: now, snapshot: undefined, writes: new Map() });
    return { top: { transactionId: id } };
  }

  private commitTransaction(params: PlainObject, now: number): ActionResult {
    const txn = this.activeTxn(params.transactionId, now);
    for (const key of txn.writes.keys()) {
      if ((this.lastWrite.get(key) ?? 0) > (txn.snapshot ?? this.clock))
        this.conflict(txn, 'a document it wrote was changed by another write since the transaction began');
    }
    const ops: WriteOp[] = [];
    for (const w of txn.writes.values()) {
      if (w.doc) ops.push({ kind: 'put', coll: w.coll, id: w.id, doc: w.doc });
      else if (this.collections.get(w.coll)?.docs.has(w.id)) ops.push({ kind: 'del', coll: w.coll, id: w.id });
    }
    try {
      this.commit(ops);
    } catch (e) {
      this.finish(txn, 'aborted');
      throw e;
    }
    this.finish(txn, 'committed');
    return {};
  }

  private abortTransaction(params: PlainObject): ActionResult {
    const txn = typeof params.transactionId === 'string' ? this.txns.get(params.transactionId) : undefined;
    if (txn) this.finish(txn, 'aborted');
    return {};
  }

  private txnOf(params: PlainObject, now: number): Txn | undefined {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    return this.activeTxn(id, now);
  }

  private activeTxn(id: unknown, now: number): Txn {
    if (typeof id !== 'string' || !id) throw invalid('transactionId is required');
    const txn = this.txns.get(id);
    if (!txn) {
      const reason = this.finished.get(id);
      if (reason === 'conflict') throw transactionConflict('the transaction was aborted by an earlier conflict');
      if (reason === 'expired') throw transactionGone('it was idle too long and has been aborted');
      throw transactionGone(reason ? `it was already ${reason}` : `no transaction ${id}`);
    }
    if (now - txn.lastActive > this.opts.transactionTimeoutMs) {
      this.finish(txn, 'expired');
      throw transactionGone('it was idle too long and has been aborted');
    }
    txn.lastActive = now;
    return txn;
  }

  private conflict(txn: Txn, detail: string): never {
    this.finish(txn, 'conflict');
    throw transactionConflict(detail);
  }

  private finish(txn: Txn, reason: FinishReason): void {
    this.txns.delete(txn.id);
    for (const key of txn.writes.keys()) if (this.locks.get(key) === txn.id) this.locks.delete(key);
    this.finished.set(txn.id, reason);
    if (this.finished.size > FINISHED_MEMORY) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
    if (this.txns.size === 0) {
      this.lastWrite.clear();
      this.history.clear();
    } else if (++this.finishedSincePrune >= 1000) this.pruneHistory();
  }

  /** Drops versions no open transaction can read any more (older than every open snapshot). */
  private pruneHistory(): void {
    this.finishedSincePrune = 0;
    let oldest = this.clock;
    for (const t of this.txns.values()) if (t.snapshot !== undefined && t.snapshot < oldest) oldest = t.snapshot;
    for (const [key, versions] of this.history) {
      const keep = versions.filter((v) => v.clock > oldest);
      if (keep.length) this.history.set(key, keep);
      else this.history.delete(key);
    }
  }

  private sweepTransactions(now: number): void {
    for (const t of [...this.txns.values()])
      if (now - t.lastActive > this.opts.transactionTimeoutMs) this.finish(t, 'expired');
  }

  /**
   * The document as `txn` sees it: its own buffered write, else the version committed when its
   * snapshot was taken (later commits by others stay invisible, as in MongoDB's snapshot reads).
   */
  private txnRead(txn: Txn, coll: string, id: DocId): Doc | null {
    const key = docKey(coll, id);
    const w = txn.writes.get(key);
    if (w) return w.doc;
    if (txn.snapshot === undefined) txn.snapshot = this.clock;
    if ((this.lastWrite.get(key) ?? 0) > txn.snapshot) {
      const first = this.history.get(key)?.find((v) => v.clock > txn.snapshot!);
      if (first) return first.before;
    }
    return this.collections.get(coll)?.docs.get(id) ?? null;
  }

  /**
   * Buffers a write of one document inside `txn`. `compute` gets the document as the transaction
   * sees it and answers the new document, null to delete, or undefined for "no change".
   * A document another open transaction has written is a conflict for this one.
   */
  private txnWrite(
    txn: Txn,
    coll: string,
    id: DocId,
    now: number,
    compute: (base: Doc | null) => Doc | null | undefined,
  ): void {
    const key = docKey(coll, id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== txn.id) {
      const other = this.txns.get(holder);
      if (other && now - other.lastActive > this.opts.transactionTimeoutMs) this.finish(other, 'expired');
      else if (other) this.conflict(txn, `document ${String(id)} of ${coll} is being written by another transaction`);
      else this.locks.delete(key);
    }
    const base = this.txnRead(txn, coll, id);
    if (!txn.writes.has(key) && (this.lastWrite.get(key) ?? 0) > txn.snapshot!)
      this.conflict(txn, `document ${String(id)} of ${coll} was changed since the transaction began`);
    let next: Doc | null | undefined;
    try {
      next = compute(base);
      if (next === undefined) return;
      const ops: WriteOp[] = [];
      for (const [k, w] of txn.writes) {
        if (k === key) continue;
        ops.push(w.doc ? { kind: 'put', coll: w.coll, id: w.id, doc: w.doc } : { kind: 'del', coll: w.coll, id: w.id });
      }
      ops.push(next ? { kind: 'put', coll, id, doc: next } : { kind: 'del', coll, id });
      this.validate(ops);
    } catch (e) {
      // MongoDB aborts a transaction on a write error (a duplicate key, an invalid update): the
      // writes before it in the same transaction are never committed either.
      this.finish(txn, 'aborted');
      throw e;
    }
    txn.writes.set(key, { coll, id, doc: next });
    this.locks.set(key, txn.id);
  }
}
