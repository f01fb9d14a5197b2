import type { Database } from '../deps';
import type { MenuItemDoc, OrderPolicyDoc } from '../documents/orders';
import { COLLECTIONS, getById, insertUnlessExists, rows, updatedCount } from './base';

/** The most items one menu lists (杨浦's district menu has 22; a 室 inherits two levels). */
export const MENU_LIMIT = 300;

/** One menu item by id, or null. */
export function findMenuItem(db: Database, itemId: string): Promise<MenuItemDoc | null> {
  return getById<MenuItemDoc>(db, COLLECTIONS.menuItems, itemId);
}

/**
 * Every item owned by a station on `path` (the 中心's district menu, the 站's and the 室's own),
 * paused ones included, in one query. Callers filter what residents may see.
 */
export async function findMenuForPath(db: Database, path: readonly string[]): Promise<MenuItemDoc[]> {
  const _ = db.command;
  return rows<MenuItemDoc>(
    await db
      .collection(COLLECTIONS.menuItems)
      .where({ ownerId: _.in([...path]) })
      .orderBy('createdAt', 'asc')
      .limit(MENU_LIMIT)
      .get(),
  );
}

/** Insert a new item under its own id. */
export async function insertMenuItem(db: Database, item: MenuItemDoc): Promise<void> {
  await db.collection(COLLECTIONS.menuItems).add(item);
}

/**
 * Change an item only if it is still at the revision the editor saw (bumping it), so two staff
 * editing the same item at once cannot silently overwrite each other. True iff applied.
 */
export async function updateMenuItemAtRev(
  db: Database,
  change: { itemId: string; rev: number; set: Partial<MenuItemDoc>; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.menuItems)
    .where({ _id: change.itemId, rev: change.rev })
    .update({ ...change.set, rev: _.inc(1), updatedAt: change.now });
  return updatedCount(res) === 1;
}

/** A 中心's deadline rules, or null when it keeps the defaults. */
export function findOrderPolicy(db: Database, centerId: string): Promise<OrderPolicyDoc | null> {
  return getById<OrderPolicyDoc>(db, COLLECTIONS.orderPolicies, centerId);
}

/**
 * Save a 中心's rules conditionally: the first save inserts (a concurrent first save is a
 * duplicate write), later saves apply only at the revision the editor saw. True iff applied.
 */
export async function saveOrderPolicy(
  db: Database,
  policy: OrderPolicyDoc,
  expectedRev: number | null,
): Promise<boolean> {
  if (expectedRev === null) return insertUnlessExists(db, COLLECTIONS.orderPolicies, policy);
  const { _id, ...fields } = policy;
  const res = await db.collection(COLLECTIONS.orderPolicies).where({ _id, rev: expectedRev }).update(fields);
  return updatedCount(res) === 1;
}
