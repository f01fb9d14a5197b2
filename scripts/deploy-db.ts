import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeStep, planDatabaseDeploy, type ManifestLike } from './lib/deploy-plan';

/**
 * Push config/database.json to a CloudBase environment through @cloudbase/manager-node:
 * collections, indexes, closed security rules, closed cloud storage. `--dry-run` prints the plan
 * and touches nothing.
 * Needs TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY for a real run.
 */
async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const manifest = JSON.parse(
    readFileSync(resolve(__dirname, '..', 'config', 'database.json'), 'utf8'),
  ) as ManifestLike;
  const steps = planDatabaseDeploy(manifest);
  if (dryRun) {
    console.log(`Dry run: ${steps.length} steps for ${Object.keys(manifest.collections).length} collections`);
    for (const step of steps) console.log(`  - ${describeStep(step)}`);
    return;
  }
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
  if (!TCB_ENV || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('需要环境变量 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY（或先用 --dry-run 查看计划）');
    process.exit(2);
  }
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ envId: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY });
  for (const step of steps) {
    console.log(`» ${describeStep(step)}`);
    switch (step.kind) {
      case 'createCollection':
        await manager.database.createCollectionIfNotExists(step.collection);
        break;
      case 'createIndex': {
        const exists = await manager.database.checkIndexExists(step.collection, step.index);
        if (!exists.Exists) {
          await manager.database.updateCollection(step.collection, {
            CreateIndexes: [
              { IndexName: step.index, MgoKeySchema: { MgoIndexKeys: step.keys, MgoIsUnique: step.unique } },
            ],
          });
        }
        break;
      }
      case 'securityRule':
        await manager.permission.modifyResourcePermission({
          resourceType: 'collection',
          resource: step.collection,
          permission: 'CUSTOM',
          securityRule: step.rule,
        });
        break;
      case 'storageAcl':
        await manager.storage.setStorageAcl(step.acl);
        break;
    }
  }
  console.log('数据库和云存储配置已同步');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
