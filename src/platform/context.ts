import type { Config } from './config.ts';
import type { Db, Queryable } from './db/index.ts';
import type { ReadReplica } from './db/replica.ts';
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
  /** the read replica (DATABASE_READ_URL), when configured: reads through `readsOf(ctx)` */
  replica?: ReadReplica;
}

/** Where a read that may lag a little (the portal, statistics) goes: the replica while it is fresh enough, else `ctx.db`. Never for a write. */
export const readsOf = (ctx: AppContext): Queryable => ctx.replica?.reads ?? ctx.db;

export const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.displayName });

/** Runs a command in one transaction: its changes and its record entries commit together or not at all. */
export const inTransaction = <T>(ctx: AppContext, fn: (tx: Queryable) => Promise<T>): Promise<T> => ctx.db.transaction(fn);
