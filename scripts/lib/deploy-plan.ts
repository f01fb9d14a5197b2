/** The manifest's shape as the deploy reads it (config/database.json). */
export interface ManifestLike {
  collections: Record<
    string,
    { indexes: { name: string; keys: Record<string, 1 | -1 | '2dsphere'>; unique?: boolean }[] }
  >;
}

/** Every collection is closed to mini-program clients: only cloud functions (admin SDK) read or write. */
export const CLOSED_RULE = JSON.stringify({ read: false, write: false });

/** One step of a database deploy, in the order it runs. */
export type DeployStep =
  | { kind: 'createCollection'; collection: string }
  | {
      kind: 'createIndex';
      collection: string;
      index: string;
      keys: { Name: string; Direction: string }[];
      unique: boolean;
    }
  | { kind: 'securityRule'; collection: string; rule: string }
  | { kind: 'storageAcl'; acl: 'ADMINONLY' };

/**
 * The steps that make a CloudBase environment match the manifest: create each collection if
 * missing, create each index if missing (by name), close the collection to clients, and close
 * cloud storage to clients. Pure, so
 * `--dry-run` prints exactly what the real run would do.
 */
export function planDatabaseDeploy(manifest: ManifestLike): DeployStep[] {
  const steps: DeployStep[] = [];
  for (const [collection, spec] of Object.entries(manifest.collections)) {
    steps.push({ kind: 'createCollection', collection });
    for (const index of spec.indexes) {
      steps.push({
        kind: 'createIndex',
        collection,
        index: index.name,
        keys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
        unique: index.unique === true,
      });
    }
    steps.push({ kind: 'securityRule', collection, rule: CLOSED_RULE });
  }
  // Cloud storage is closed to clients too: functions write arrival photos and exports, clients
  // read them only through the signed links functions hand out (ADR 0013).
  steps.push({ kind: 'storageAcl', acl: 'ADMINONLY' });
  return steps;
}

/** One line per step, for the dry run and the deploy log. */
export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case 'createCollection':
      return `create collection ${step.collection} (if missing)`;
    case 'createIndex':
      return `create ${step.unique ? 'unique ' : ''}index ${step.collection}.${step.index} on ${step.keys.map((k) => `${k.Name}:${k.Direction}`).join(', ')} (if missing)`;
    case 'securityRule':
      return `set security rule of ${step.collection} to ${step.rule}`;
    case 'storageAcl':
      return `set cloud storage permission to ${step.acl} (clients read only through signed links)`;
  }
}
