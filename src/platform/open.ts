/**
 * Opening the platform's parts for a process: checks SM3, opens (and migrates) the database, loads the
 * signing key and the blob store. `app.ts` adds the module registry (`createContext`); a command that needs
 * no module (restoring a backup, verifying the record) opens a context with an empty registry.
 */
import { join } from 'node:path';
import { hashBytes } from '../domain/merkle.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openPglite, openPostgres, type Db } from './db/index.ts';
import { APP_ROLE, migrate } from './db/migrate.ts';
import { ReadReplica, withReplica } from './db/replica.ts';
import { checkAppLogin, ensureAppLogin } from './db/roles.ts';
import { selectCjkFonts } from './documents/fonts.ts';
import type { Registry } from './modules.ts';
import { FsBlobStore } from './record/blobs.ts';
import { Ledger, recordHashAlg } from './record/ledger.ts';
import { loadOrCreateSigner } from './record/signer.ts';

/** SM3 must be available and correct (GB/T 32905-2016 example: SM3("abc")). */
export function checkSm3(): void {
  const got = hashBytes('sm3', 'abc').toString('hex');
  if (got !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0') throw new Error(`SM3 self-test failed: ${got}`);
}

/**
 * Opens the configured database and applies pending migrations.
 *
 * PostgreSQL has two modes. With `MIGRATION_DATABASE_URL` (production): the migrations run as that
 * owner, which also makes sure the login of `DATABASE_URL` exists and is a member of `fazhi_app`; the
 * application then connects with `DATABASE_URL` as it is, and start-up is refused if that login could
 * reach the owner (superuser, CREATEROLE, member of the owner…), since it could then switch the record's
 * triggers off. Without it (development): `DATABASE_URL` is the owner and every connection starts as
 * role `fazhi_app` — which `SET ROLE NONE` (or `SET ROLE` owner) undoes, so a warning says so.
 */
export async function openDatabase(config: Config): Promise<Db> {
  if (!config.databaseUrl) {
    const db = await openPglite(config.dataDir);
    await migrate(db);
    return db;
  }
  const owner = await openPostgres(config.migrationDatabaseUrl ?? config.databaseUrl, { max: 1 });
  try {
    await migrate(owner);
    if (config.migrationDatabaseUrl) await ensureAppLogin(owner, config.databaseUrl);
  } finally {
    await owner.close();
  }
  if (!config.migrationDatabaseUrl) {
    console.warn(
      `警告：未设置 MIGRATION_DATABASE_URL，应用以 DATABASE_URL 的所有者身份登录、仅以角色 ${APP_ROLE} 运行，SET ROLE NONE 即可回到所有者——仅供开发使用。生产环境请用两个地址（见 README「配置」）。`,
    );
    return openPostgres(config.databaseUrl, { appRole: APP_ROLE });
  }
  // the application logs in as its own role: no SET ROLE back to anything with more rights
  const db = await openPostgres(config.databaseUrl);
  try {
    await checkAppLogin(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/** The context of a process: the database (opened here unless given), the record, the blobs and the registry. */
export async function openContext(config: Config, registry: Registry, db?: Db): Promise<AppContext> {
  checkSm3();
  selectCjkFonts(config.pdfFonts); // a missing font stops start-up here, before anything is seeded
  let database = db ?? (await openDatabase(config));
  // DATABASE_READ_URL: the portal's and the statistics' reads go to the replica while its lag is within bounds (db/replica.ts)
  let replica: ReadReplica | undefined;
  if (config.databaseReadUrl && database.kind === 'postgres') {
    replica = new ReadReplica(database, config.databaseReadUrl, {
      maxLagMs: config.replicaMaxLagMs,
      checkMs: config.replicaCheckMs,
      appRole: config.migrationDatabaseUrl ? undefined : APP_ROLE,
    });
    database = withReplica(database, replica);
    await replica.check();
  }
  const hashAlg = await recordHashAlg(database, config.ledgerHashAlg);
  const ledger = new Ledger(hashAlg, loadOrCreateSigner(config.dataDir));
  // the record's integrator: positions committed entries within the maximum merge delay (record/integrator.ts)
  ledger.attach(database, {
    delayMs: config.recordIntegrateDelayMs,
    mmdMs: config.recordMmdMs,
    onError: (e) => console.error('执法全过程记录的排序整合失败（下一轮重试）：', e),
  });
  return { config, db: database, ledger, blobs: new FsBlobStore(join(config.dataDir, 'blobs'), hashAlg), registry, ...(replica ? { replica } : {}) };
}
