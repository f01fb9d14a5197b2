import { randomBytes } from 'node:crypto';
import { Aggregator, ProcessingMode, Query, update as mingoUpdate } from 'mingo';
import type { AnyObject, Options as MingoOptions } from 'mingo/types';
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
import { collectionNotExist, DbError, transactionConflict } from './errors';
import { Journal, type JournalRecord } from './journal';
import type { Manifest } from './manifest';
import { Counters, type OperationStats } from './stats';

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
  /** Document key → write version seen when the transaction first read or wrote it. */
  touched: Map<string, number>;
  /** Buffered writes, applied atomically on commit. */
  writes: Map<string, TxnWrite>;
}

type FinishReason = 'committed' | 'aborted' | 'conflict' | 'expired';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const FINISHED_MEMORY = 10_000;
const QUERY_OPTIONS: Partial<MingoOptions> = { idKey: '_id' };
/** Aggregation stages that write or need features the emulator does not have. */
const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$geoNear',
  '$search',
  '$listSessions',
  '$currentOp',
  '$indexStats',
  '$collStats',
]);

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

function checkFieldNames(v: unknown, path: string): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkFieldNames(x, `${path}.${i}`));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) {
    if (k.startsWith('$')) throw invalid(`field name ${path ? `${path}.` : ''}${k} must not start with '$'`);
    checkFieldNames(v[k], path ? `${path}.${k}` : k);
  }
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
  private readonly opts: EngineOptions;
  private readonly journal: Journal;
  private readonly collections = new Map<string, Collection>();
  private readonly txns = new Map<string, Txn>();
  private readonly finished = new Map<string, FinishReason>();
  /** Document key → id of the transaction holding a buffered write on it. */
  private readonly locks = new Map<string, string>();
  /** Document key → version of its last committed write; kept only while transactions are open. */
  private readonly lastWrite = new Map<string, number>();
  private clock = 0;
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

  /**
   * Runs one wire action (e.g. `database.getDocument`) with its decoded JSON body.
   * Throws {@link DbError} for answers CloudBase gives as `{ code, message }`.
   */
  dispatch(action: string, params: PlainObject): ActionResult {
    const name = action.startsWith('database.') ? action.slice('database.'.length) : action;
    this.counters.record(typeof params.collectionName === 'string' ? params.collectionName : undefined, name);
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
      if (op.kind === 'del') c.delete(op.id);
      else c.put(op.doc);
      if (this.txns.size > 0) this.lastWrite.set(docKey(op.coll, op.id), ++this.clock);
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

  private compile(query: PlainObject): Query {
    return new Query(query as AnyObject, QUERY_OPTIONS);
  }

  /** Matching documents in natural order; the first one only unless `multi`. */
  private matching(c: Collection, query: PlainObject, multi: boolean): Doc[] {
    const q = this.compile(query);
    const out: Doc[] = [];
    for (const d of c.candidates(query) ?? c.docs.values()) {
      if (q.test(d)) {
        out.push(d);
        if (!multi) break;
      }
    }
    return out;
  }

  private project(docs: Doc[], projection: PlainObject | undefined): PlainObject[] {
    if (!projection || Object.keys(projection).length === 0 || docs.length === 0) return docs;
    return new Query({}, QUERY_OPTIONS).find<PlainObject>(docs, projection as AnyObject).all();
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

  private singleDocId(query: PlainObject): DocId {
    let id = query._id;
    if (isPlainObject(id) && Object.keys(id).length === 1 && '$eq' in id) id = id.$eq;
    if (typeof id === 'string' || typeof id === 'number') return id;
    throw invalid(
      'transactions support single-document operations only (doc().get/set/update/remove and add); where() queries run outside the transaction',
    );
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
    let docs: PlainObject[];
    if (txn) {
      const doc = this.txnRead(txn, c.name, this.singleDocId(query));
      docs = this.project(doc && this.matches(query, doc) ? [doc] : [], projection);
    } else {
      const order = this.parseObject(params.order, 'order');
      let cursor = this.compile(query).find<PlainObject>(
        c.candidates(query) ?? c.docs.values(),
        projection as AnyObject | undefined,
      );
      if (order && Object.keys(order).length) {
        for (const [f, dir] of Object.entries(order))
          if (dir !== 1 && dir !== -1) throw invalid(`order of ${f} must be 1 or -1`);
        cursor = cursor.sort(order as AnyObject);
      }
      if (offset) cursor = cursor.skip(offset);
      docs = cursor.limit(limit).all();
    }
    return { data: { list: docs.map(stringifyEJSON), limit, offset } };
  }

  private calculateDocument(params: PlainObject, now: number): ActionResult {
    const c = this.requireCollection(params);
    const query = this.parseQuery(params.query, now);
    const total = Object.keys(query).length === 0 ? c.docs.size : this.matching(c, query, true).length;
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
      let updated = 0;
      let result: Doc | null = null;
      this.txnWrite(txn, c.name, this.singleDocId(query), now, (base) => {
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
    const pipeline: PlainObject[] = params.stages.map((s: unknown) => {
      if (!isPlainObject(s) || typeof s.stageKey !== 'string') throw invalid('every stage needs a stageKey');
      const key = s.stageKey.startsWith('$') ? s.stageKey : `$${s.stageKey}`;
      if (UNSUPPORTED_STAGES.has(key))
        throw new DbError('DATABASE_REQUEST_FAILED', `aggregation stage ${key} is not supported by the local emulator`);
      const value = typeof s.stageValue === 'string' ? parseEJSON(s.stageValue, now) : decodeEJSON(s.stageValue, now);
      return { [key]: value };
    });
    const hasLimit = pipeline.some((st) => '$limit' in st);
    if (!hasLimit && this.opts.aggregateDefaultLimit > 0) pipeline.push({ $limit: this.opts.aggregateDefaultLimit });
    let source: Iterable<Doc> = c.docs.values();
    if (pipeline.length && isPlainObject(pipeline[0].$match)) {
      // A leading $match filters through the indexes first, so the pipeline clones only matches.
      source = this.matching(c, pipeline[0].$match, true);
      pipeline.shift();
    }
    const agg = new Aggregator(pipeline as AnyObject[], {
      idKey: '_id',
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) => {
        const other = this.collections.get(name);
        return other ? [...other.docs.values()].map((d) => cloneValue(d) as AnyObject) : [];
      },
    });
    const out = agg.run<PlainObject>(source);
    return { data: { list: out.map(stringifyEJSON) } };
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
    this.txns.set(id, { id, startedAt: now, lastActive: now, touched: new Map(), writes: new Map() });
    return { top: { transactionId: id } };
  }

  private commitTransaction(params: PlainObject, now: number): ActionResult {
    const txn = this.activeTxn(params.transactionId, now);
    for (const [key, seen] of txn.touched) {
      if ((this.lastWrite.get(key) ?? 0) !== seen)
        this.conflict(txn, 'a document it read or wrote was changed by another write');
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
      if (reason === 'expired')
        throw new DbError(
          'DATABASE_TRANSACTION_FAIL',
          'transaction expired: it was idle too long and has been aborted',
        );
      throw new DbError(
        'DATABASE_TRANSACTION_FAIL',
        reason ? `transaction already ${reason}` : `transaction ${id} not found`,
      );
    }
    if (now - txn.lastActive > this.opts.transactionTimeoutMs) {
      this.finish(txn, 'expired');
      throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction expired: it was idle too long and has been aborted');
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
    if (this.txns.size === 0) this.lastWrite.clear();
  }

  private sweepTransactions(now: number): void {
    for (const t of [...this.txns.values()])
      if (now - t.lastActive > this.opts.transactionTimeoutMs) this.finish(t, 'expired');
  }

  /** The document as `txn` sees it (its own buffered write, else the committed one), recording the read. */
  private txnRead(txn: Txn, coll: string, id: DocId): Doc | null {
    const key = docKey(coll, id);
    const w = txn.writes.get(key);
    if (w) return w.doc;
    const seen = txn.touched.get(key);
    const version = this.lastWrite.get(key) ?? 0;
    if (seen === undefined) txn.touched.set(key, version);
    else if (seen !== version)
      this.conflict(txn, `document ${String(id)} of ${coll} changed since the transaction read it`);
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
    const next = compute(base);
    if (next === undefined) return;
    const ops: WriteOp[] = [];
    for (const [k, w] of txn.writes) {
      if (k === key) continue;
      ops.push(w.doc ? { kind: 'put', coll: w.coll, id: w.id, doc: w.doc } : { kind: 'del', coll: w.coll, id: w.id });
    }
    ops.push(next ? { kind: 'put', coll, id, doc: next } : { kind: 'del', coll, id });
    this.validate(ops);
    txn.writes.set(key, { coll, id, doc: next });
    this.locks.set(key, txn.id);
  }
}
