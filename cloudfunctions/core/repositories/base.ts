import type { Database } from '../deps';
import { isDuplicateWrite } from './db-errors';

/** Collection names, matching config/database.json. */
export const COLLECTIONS = {
  users: 'users',
  roleInvites: 'roleInvites',
  stations: 'stations',
  activities: 'activities',
  bookings: 'bookings',
  auditLog: 'auditLog',
  messages: 'messages',
  volunteers: 'volunteers',
  idDisputes: 'idDisputes',
  shifts: 'shifts',
  hourEntries: 'hourEntries',
  hourClaims: 'hourClaims',
  certificates: 'certificates',
  charities: 'charities',
  needs: 'needs',
  pledges: 'pledges',
  distributions: 'distributions',
  counters: 'counters',
  targets: 'targets',
  visits: 'visits',
  readLog: 'readLog',
  visitPolicies: 'visitPolicies',
  menuItems: 'menuItems',
  orders: 'orders',
  orderPolicies: 'orderPolicies',
  codeAttempts: 'codeAttempts',
  targetLinkCodes: 'targetLinkCodes',
  targetLinks: 'targetLinks',
} as const;

/** Page arguments as the contracts define them (1-based). */
export interface PageArgs {
  page: number;
  pageSize: number;
}

/** A page of documents plus the total, so the client can say "共 N 条" and stop loading. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** One document by `_id`, or null. `doc().get()` answers a list; this takes its first row. */
export async function getById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).doc(id).get()) as { data: T[] | T | null };
  if (Array.isArray(res.data)) return (res.data[0] as T | undefined) ?? null;
  return res.data ?? null;
}

/**
 * Insert `doc` unless its `_id` (or a unique index) is already taken: `false` then, and nothing
 * written. The database decides, so two concurrent inserts of the same deterministic id yield
 * one row and one `false` — never check-then-insert.
 */
export async function insertUnlessExists(db: Database, collection: string, doc: object): Promise<boolean> {
  try {
    await db.collection(collection).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Rows of a `get()` answer, typed. */
export function rows<T>(res: unknown): T[] {
  return ((res as { data?: T[] }).data ?? []) as T[];
}

/** The `updated` count of an update answer (`where().update()` and `doc().update()` alike). */
export function updatedCount(res: unknown): number {
  return Number((res as { updated?: number }).updated ?? 0);
}

/**
 * A page of a query: one `count()` and one `get()` with skip/limit, so a list costs two calls
 * whatever its length. `build` applies filters and order to a fresh query each time.
 */
export async function pageOf<T>(
  build: () => ReturnType<ReturnType<Database['collection']>['where']>,
  args: PageArgs,
): Promise<Page<T>> {
  const [countRes, listRes] = await Promise.all([
    build().count(),
    build()
      .skip((args.page - 1) * args.pageSize)
      .limit(args.pageSize)
      .get(),
  ]);
  const total = Number((countRes as { total?: number }).total ?? 0);
  const items = rows<T>(listRes);
  return { items, total, page: args.page, pageSize: args.pageSize, hasMore: args.page * args.pageSize < total };
}

/**
 * The part of the SDK's transaction handle repositories use: single-document reads and writes
 * (CloudBase transactions allow nothing else).
 */
export interface TransactionLike {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      update(data: object): Promise<unknown>;
      set(data: object): Promise<unknown>;
      remove(): Promise<unknown>;
    };
  };
}
