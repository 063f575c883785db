import type { Config } from './config.ts';
import type { Db, Queryable } from './db/index.ts';
import type { BlobStore } from './record/blobs.ts';
import type { Actor, Ledger } from './record/ledger.ts';
import type { Registry } from './modules.ts';
import type { Principal } from './policies.ts';

/** Everything a command needs: configuration, the database, the record and the blob store. */
export interface AppContext {
  config: Config;
  db: Db;
  ledger: Ledger;
  blobs: BlobStore;
  /** the modules' declarations: workflows, visibility, listeners, matter resolvers … (platform/modules.ts) */
  registry: Registry;
}

export const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.displayName });

/** Runs a command in one transaction: its changes and its record entries commit together or not at all. */
export const inTransaction = <T>(ctx: AppContext, fn: (tx: Queryable) => Promise<T>): Promise<T> => ctx.db.transaction(fn);
