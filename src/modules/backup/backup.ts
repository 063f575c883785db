/**
 * `fazhi backup` / `fazhi restore`: a consistent snapshot of the database, the signing key (DATA_DIR/keys)
 * and the evidence and instrument blobs (DATA_DIR/blobs), in one passphrase-encrypted file (archive.ts).
 *
 * Consistency:
 * - PGlite is one process's data directory and PGlite takes no lock of its own: while the server runs,
 *   `pglite/postmaster.pid` exists, and backup refuses to start — the server must be stopped. The
 *   directory is then opened here alone and dumped with `dumpDataDir` (a tar of the data directory).
 * - PostgreSQL: `pg_dump --format=custom` of the owner's database (MIGRATION_DATABASE_URL, else
 *   DATABASE_URL). The server may keep running: a REPEATABLE READ transaction exports its snapshot,
 *   reads the record's size and root in it, and pg_dump dumps exactly that snapshot (`--snapshot`).
 * - Blobs are content-addressed and written (renamed into place) before the row that names them is
 *   committed, so listing them after the snapshot was taken finds every blob the snapshot refers to
 *   (later ones are harmless extras).
 *
 * Restore writes only into an empty target: every part is decrypted, authenticated and checked against
 * the manifest's SHA-256 in a staging directory inside DATA_DIR first, so a wrong passphrase or a damaged
 * file leaves the target as it was. Then the database is loaded (PGlite: `loadDataDir`; PostgreSQL:
 * `pg_restore` in one transaction), keys and blobs are moved into place, and the record is verified as
 * `fazhi ledger verify` does, including blobs, and compared with the size and root in the manifest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { frontierRoot, type HashAlg } from '../../domain/merkle.ts';
import type { Config } from '../../platform/config.ts';
import { BackupError, EntryWriter, SealedWriter } from './archive.ts';

export { BackupError } from './archive.ts';

export const FORMAT = 'fazhi-backup';
export const FORMAT_VERSION = 1;
export const PGLITE_PART = 'database/pglite.tar.gz';
export const POSTGRES_PART = 'database/postgres.dump';
export const KEY_FILE = 'record-ed25519.pem';

export interface ManifestPart {
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** the last migration applied to the backed-up database */
  schemaVersion: string | null;
  /** the enforcement record in the snapshot */
  record: { size: number; rootHash: string; hashAlg: HashAlg };
  /** hash of the parts below */
  partHashAlg: 'sha256';
  parts: ManifestPart[];
}

export interface BackupResult {
  file: string;
  bytes: number;
  database: Manifest['database'];
  record: Manifest['record'];
  blobs: number;
  timings: { databaseMs: number; totalMs: number };
}

export interface RestoreResult {
  database: Manifest['database'];
  createdAt: string;
  record: Manifest['record'];
  blobs: number;
  blobsChecked: number;
  treeHeadsChecked: number;
  timings: { decryptMs: number; databaseMs: number; verifyMs: number; totalMs: number };
}

export const kindOf = (config: Config): Manifest['database'] => (config.databaseUrl ? 'postgres' : 'pglite');
export const ownerUrlOf = (config: Config) => config.migrationDatabaseUrl ?? config.databaseUrl!;

/** The name of a part as it may appear in an archive; anything else is refused (no path can leave the target). */
export function partKind(name: string): 'database' | 'key' | 'blob' | null {
  if (name === PGLITE_PART || name === POSTGRES_PART) return 'database';
  if (/^keys\/[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name)) return 'key';
  const m = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(name);
  if (m?.[3].startsWith(m[1] + m[2])) return 'blob';
  return null;
}

export async function recordState(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>, fallback: HashAlg): Promise<Manifest['record']> {
  const head = (await query('select size, frontier, hash_alg from ledger_head where id = 1')).rows[0] as
    | { size: number | string; frontier: string; hash_alg: HashAlg }
    | undefined;
  if (!head) return { size: 0, rootHash: frontierRoot(fallback, []), hashAlg: fallback };
  return { size: Number(head.size), rootHash: frontierRoot(head.hash_alg, JSON.parse(head.frontier)), hashAlg: head.hash_alg };
}

export async function schemaVersion(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<string | null> {
  return ((await query('select max(version) as v from schema_migrations')).rows[0]?.v as string | null) ?? null;
}

/** libpq arguments for a URL without its password in the process list (the password goes in PGPASSWORD). */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  try {
    const u = new URL(url);
    const password = decodeURIComponent(u.password) || u.searchParams.get('password') || '';
    u.password = '';
    u.searchParams.delete('password');
    return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
  } catch {
    return { dbname: url, env: {} };
  }
}

/** Runs a PostgreSQL client tool; resolves with its stdout stream consumer's result once it exited 0. */
export function runTool<T>(tool: string, args: string[], env: NodeJS.ProcessEnv, consume: (stdout: NodeJS.ReadableStream) => Promise<T>): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 20_000) stderr += d;
    });
    let result: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    let exit: number | null | undefined;
    const settle = () => {
      if (result === null || exit === undefined) return;
      if (!result.ok) reject(result.error);
      else if (exit !== 0) reject(new BackupError(`${tool} 失败（退出码 ${exit}）：${stderr.trim() || '无输出'}`));
      else resolvePromise(result.value);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new BackupError(`未找到 ${tool}：请安装与数据库服务器同版本或更新的 PostgreSQL 客户端工具（Debian/Ubuntu：postgresql-client）`)
          : e,
      );
    });
    child.on('close', (code) => {
      exit = code;
      settle();
    });
    consume(child.stdout).then(
      (value) => {
        result = { ok: true, value };
        settle();
      },
      (error) => {
        child.kill();
        result = { ok: false, error };
        settle();
      },
    );
  });
}

/** Files of a directory tree, relative paths with '/', sorted. */
export function listFiles(root: string, rel = ''): string[] {
  if (!existsSync(join(root, rel))) return [];
  const out: string[] = [];
  for (const d of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...listFiles(root, p));
    else out.push(p);
  }
  return out;
}

export async function createBackup(config: Config, file: string, passphrase: string): Promise<BackupResult> {
  const t0 = performance.now();
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`文件 ${target} 已存在：备份不会覆盖已有文件`);
  const kind = kindOf(config);
  const keyFile = join(config.dataDir, 'keys', KEY_FILE);
  if (!existsSync(keyFile)) throw new BackupError(`${keyFile} 不存在：没有签名私钥的备份无法恢复记录的签名，请检查 DATA_DIR`);
  const pgliteDir = join(config.dataDir, 'pglite');
  if (kind === 'pglite') {
    if (!existsSync(join(pgliteDir, 'PG_VERSION'))) throw new BackupError(`${pgliteDir} 中没有 PGlite 数据库，请检查 DATA_DIR`);
    if (existsSync(join(pgliteDir, 'postmaster.pid')))
      throw new BackupError(
        `PGlite 数据目录 ${pgliteDir} 正在使用中（存在 postmaster.pid）：PGlite 的数据目录由服务器独占，请先停止服务器再备份。` +
          '若服务器已停止而上次未正常退出，先运行一次 `fazhi migrate`（正常打开并关闭数据库）再备份。',
      );
  }

  const tmp = `${target}.partial-${randomBytes(4).toString('hex')}`;
  await mkdir(dirname(target), { recursive: true });
  const fh = await open(tmp, 'wx', 0o600);
  let ok = false;
  try {
    const sealed = await SealedWriter.create(fh, passphrase);
    const entries = new EntryWriter(sealed);
    const parts: ManifestPart[] = [];
    const addPart = async (name: string, source: AsyncIterable<Buffer | string> | Iterable<Buffer>) => {
      const h = createHash('sha256');
      let bytes = 0;
      await entries.begin(name);
      for await (const c of source) {
        const chunk = typeof c === 'string' ? Buffer.from(c) : c;
        h.update(chunk);
        bytes += chunk.length;
        await entries.chunk(chunk);
      }
      await entries.end();
      parts.push({ name, bytes, sha256: h.digest('hex') });
    };

    // 1. the database, and the record's state in the same snapshot
    const tDb = performance.now();
    let record: Manifest['record'];
    let schema: string | null;
    if (kind === 'pglite') {
      const lite = await PGlite.create(pgliteDir);
      try {
        const q = (sql: string) => lite.query<Record<string, unknown>>(sql);
        record = await recordState(q, config.ledgerHashAlg);
        schema = await schemaVersion(q);
        const dump = await lite.dumpDataDir('gzip');
        await addPart(PGLITE_PART, [Buffer.from(await dump.arrayBuffer())]);
      } finally {
        await lite.close();
      }
    } else {
      const url = ownerUrlOf(config);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('begin isolation level repeatable read, read only');
        const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0].s;
        const q = (sql: string) => client.query(sql);
        record = await recordState(q, config.ledgerHashAlg);
        schema = await schemaVersion(q);
        const { dbname, env } = libpqTarget(url);
        await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--dbname=${dbname}`], env, (stdout) =>
          addPart(POSTGRES_PART, stdout as AsyncIterable<Buffer>),
        );
        await client.query('commit');
      } finally {
        await client.end();
      }
    }
    const databaseMs = performance.now() - tDb;

    // 2. the signing key, 3. the blobs (listed after the snapshot: see the top of the file)
    for (const f of listFiles(join(config.dataDir, 'keys'))) {
      if (partKind(`keys/${f}`) !== 'key') continue;
      await addPart(`keys/${f}`, createReadStream(join(config.dataDir, 'keys', f), { highWaterMark: 1 << 20 }));
    }
    let blobs = 0;
    for (const f of listFiles(join(config.dataDir, 'blobs'))) {
      if (partKind(`blobs/${f}`) !== 'blob') continue; // tmp/ holds uploads in progress
      await addPart(`blobs/${f}`, createReadStream(join(config.dataDir, 'blobs', f), { highWaterMark: 1 << 20 }));
      blobs++;
    }

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: kind,
      schemaVersion: schema,
      record,
      partHashAlg: 'sha256',
      parts,
    };
    await entries.begin('manifest.json');
    await entries.chunk(Buffer.from(JSON.stringify(manifest, null, 1)));
    await entries.end();
    await entries.close();
    await fh.sync();
    await fh.close();
    await rename(tmp, target);
    ok = true;
    return { file: target, bytes: sealed.bytesWritten, database: kind, record, blobs, timings: { databaseMs, totalMs: performance.now() - t0 } };
  } finally {
    if (!ok) {
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
    }
  }
}

/** Objects of the application in the target PostgreSQL database (tables, sequences, views, functions). */
