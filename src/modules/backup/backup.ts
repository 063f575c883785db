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
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildRegistry } from '../../platform/modules.ts';
import { openContext } from '../../platform/open.ts';
import { frontierRoot, type HashAlg } from '../../domain/merkle.ts';
import type { Config } from '../../platform/config.ts';
import { verifyRecord } from '../../platform/record/verify.ts';
import { BackupError, EntryWriter, openSealed, readEntries, SealedWriter } from './archive.ts';

export { BackupError } from './archive.ts';

export const FORMAT = 'fazhi-backup';
export const FORMAT_VERSION = 1;
const PGLITE_PART = 'database/pglite.tar.gz';
const POSTGRES_PART = 'database/postgres.dump';
const KEY_FILE = 'record-ed25519.pem';

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

const kindOf = (config: Config): Manifest['database'] => (config.databaseUrl ? 'postgres' : 'pglite');
const ownerUrlOf = (config: Config) => config.migrationDatabaseUrl ?? config.databaseUrl!;

/** The name of a part as it may appear in an archive; anything else is refused (no path can leave the target). */
function partKind(name: string): 'database' | 'key' | 'blob' | null {
  if (name === PGLITE_PART || name === POSTGRES_PART) return 'database';
  if (/^keys\/[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name)) return 'key';
  const m = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(name);
  if (m?.[3].startsWith(m[1] + m[2])) return 'blob';
  return null;
}

async function recordState(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>, fallback: HashAlg): Promise<Manifest['record']> {
  const head = (await query('select size, frontier, hash_alg from ledger_head where id = 1')).rows[0] as
    | { size: number | string; frontier: string; hash_alg: HashAlg }
    | undefined;
  if (!head) return { size: 0, rootHash: frontierRoot(fallback, []), hashAlg: fallback };
  return { size: Number(head.size), rootHash: frontierRoot(head.hash_alg, JSON.parse(head.frontier)), hashAlg: head.hash_alg };
}

async function schemaVersion(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<string | null> {
  return ((await query('select max(version) as v from schema_migrations')).rows[0]?.v as string | null) ?? null;
}

/** libpq arguments for a URL without its password in the process list (the password goes in PGPASSWORD). */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
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
function runTool<T>(tool: string, args: string[], env: NodeJS.ProcessEnv, consume: (stdout: NodeJS.ReadableStream) => Promise<T>): Promise<T> {
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
function listFiles(root: string, rel = ''): string[] {
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
async function postgresObjectCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      `select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)')
            + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname not in ('pg_catalog', 'information_schema')) as n`,
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

const DATA_PARTS = ['pglite', 'keys', 'blobs'];

export async function restoreBackup(config: Config, file: string, passphrase: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const t0 = performance.now();
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`备份文件 ${source} 不存在`);
  const kind = kindOf(config);
  const dataDir = config.dataDir;

  // the target must be empty: nothing is merged into existing data
  const existing = existsSync(dataDir) ? listFiles(dataDir).filter((f) => !f.startsWith('.restore-')) : [];
  if (existing.length > 0 && !opts.force)
    throw new BackupError(`目标数据目录 ${dataDir} 不为空（如 ${existing[0]}）：恢复只写入空的数据目录；确需替换现有数据，请加 --force`);
  if (kind === 'postgres') {
    const n = await postgresObjectCount(ownerUrlOf(config));
    if (n > 0 && !opts.force)
      throw new BackupError(`目标数据库不为空（已有 ${n} 个表、序列或函数）：恢复只写入空数据库；确需替换，请加 --force（先删除备份中的对象再重建）`);
  }

  const createdDataDir = !existsSync(dataDir);
  const staging = join(dataDir, `.restore-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  let placed = false;
  const cleanup: (() => void)[] = [];
  try {
    // 1. decrypt and check everything into the staging directory
    const tDecrypt = performance.now();
    const received = new Map<string, { bytes: number; sha256: string }>();
    let manifest: Manifest | null = null;
    const input = createReadStream(source, { highWaterMark: 1 << 20 });
    cleanup.push(() => input.destroy());
    const plain = await openSealed(input[Symbol.asyncIterator](), passphrase);
    for await (const entry of readEntries(plain)) {
      if (manifest) throw new BackupError('备份内容已损坏：清单之后还有条目，未恢复任何数据');
      if (entry.name === 'manifest.json') {
        const bufs: Buffer[] = [];
        for await (const c of entry.chunks) bufs.push(c);
        try {
          manifest = JSON.parse(Buffer.concat(bufs).toString('utf8')) as Manifest;
        } catch {
          throw new BackupError('备份清单不是有效的 JSON，未恢复任何数据');
        }
        continue;
      }
      const pk = partKind(entry.name);
      if (!pk || received.has(entry.name)) throw new BackupError(`备份中有不允许或重复的条目“${entry.name}”，未恢复任何数据`);
      if (pk === 'database' && entry.name !== (kind === 'pglite' ? PGLITE_PART : POSTGRES_PART))
        throw new BackupError(
          `备份来自 ${entry.name === PGLITE_PART ? 'PGlite' : 'PostgreSQL'}，而当前配置的是 ${kind === 'pglite' ? 'PGlite（未设置 DATABASE_URL）' : 'PostgreSQL'}：不支持跨数据库恢复`,
        );
      const dest = join(staging, entry.name);
      await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
      const out = await open(dest, 'wx', pk === 'key' ? 0o600 : 0o644);
      const h = createHash('sha256');
      let bytes = 0;
      try {
        for await (const c of entry.chunks) {
          h.update(c);
          bytes += c.length;
          let off = 0;
          while (off < c.length) off += (await out.write(c, off, c.length - off)).bytesWritten;
        }
      } finally {
        await out.close();
      }
      received.set(entry.name, { bytes, sha256: h.digest('hex') });
    }
    if (!manifest) throw new BackupError('备份中没有清单（manifest.json），未恢复任何数据');
    if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION)
      throw new BackupError(`不支持的备份清单格式 ${manifest.format} ${manifest.formatVersion}，未恢复任何数据`);
    if (manifest.database !== kind) throw new BackupError(`备份来自 ${manifest.database}，当前配置的是 ${kind}：不支持跨数据库恢复`);
    for (const p of manifest.parts) {
      const got = received.get(p.name);
      if (!got) throw new BackupError(`备份清单列出的“${p.name}”不在备份中，未恢复任何数据`);
      if (got.bytes !== p.bytes || got.sha256 !== p.sha256) throw new BackupError(`“${p.name}”与备份清单中的 SHA-256 不符，未恢复任何数据`);
      received.delete(p.name);
    }
    if (received.size > 0) throw new BackupError(`备份中有清单未列出的条目“${[...received.keys()][0]}”，未恢复任何数据`);
    const databasePart = kind === 'pglite' ? PGLITE_PART : POSTGRES_PART;
    if (!manifest.parts.some((p) => p.name === databasePart)) throw new BackupError('备份中没有数据库，未恢复任何数据');
    if (!existsSync(join(staging, 'keys', KEY_FILE))) throw new BackupError('备份中没有签名私钥，未恢复任何数据');
    const decryptMs = performance.now() - tDecrypt;

    // 2. the database
    const tDb = performance.now();
    if (kind === 'pglite') {
      // loaded into the staging directory, moved into place below
      const lite = await PGlite.create(join(staging, 'pglite'), { loadDataDir: new Blob([readFileSync(join(staging, PGLITE_PART))]) });
      await lite.close();
      await rm(join(staging, 'database'), { recursive: true, force: true });
    } else {
      // --no-owner/--no-privileges: the objects belong to the owner restoring them, and the application role's grants are
      // made again by the migration step when the database is opened for verification (the role may not exist yet on a new server).
      // --single-transaction: a failure leaves the database as it was. --force adds --clean --if-exists: each object of the backup
      // is dropped before it is recreated, in the same transaction; the database itself is not dropped (its owner may not be allowed
      // to create databases, and it carries settings and grants of its own). Objects that are not in the backup are left alone.
      const { dbname, env } = libpqTarget(ownerUrlOf(config));
      const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${dbname}`];
      if (opts.force) args.push('--clean', '--if-exists');
      await runTool('pg_restore', [...args, join(staging, POSTGRES_PART)], env, async (stdout) => {
        for await (const _ of stdout);
      });
      await rm(join(staging, 'database'), { recursive: true, force: true });
    }
    const databaseMs = performance.now() - tDb;

    // 3. into place: existing (empty, or with --force replaced) parts are moved aside, never deleted with data in them
    const aside = join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    for (const part of DATA_PARTS) {
      const cur = join(dataDir, part);
      if (!existsSync(cur)) continue;
      if (listFiles(cur).length === 0) await rm(cur, { recursive: true, force: true });
      else {
        await mkdir(aside, { recursive: true, mode: 0o700 });
        await rename(cur, join(aside, part));
      }
    }
    for (const part of DATA_PARTS) if (existsSync(join(staging, part))) await rename(join(staging, part), join(dataDir, part));
    placed = true;
    await rm(staging, { recursive: true, force: true });

    // 4. the record, as `fazhi ledger verify` checks it, against the manifest
    const tVerify = performance.now();
    // verifying the record needs no module: an empty registry
    const ctx = await openContext(config, buildRegistry([]));
    try {
      const report = await verifyRecord(ctx.db, { publicKeyPem: ctx.ledger.signer.publicKeyPem, blobs: ctx.blobs, fallbackAlg: ctx.ledger.hashAlg });
      if (!report.ok) {
        const p = report.firstProblem!;
        throw new BackupError(`恢复后的记录校验失败：${p.seq === null ? '' : `第 ${p.seq} 条，`}${p.code}：${p.message}`);
      }
      if (report.size !== manifest.record.size || report.rootHash !== manifest.record.rootHash)
        throw new BackupError(
          `恢复后的记录与备份清单不符：清单 ${manifest.record.size} 条、根哈希 ${manifest.record.rootHash}，恢复后 ${report.size} 条、根哈希 ${report.rootHash}`,
        );
      const verifyMs = performance.now() - tVerify;
      return {
        database: kind,
        createdAt: manifest.createdAt,
        record: manifest.record,
        blobs: manifest.parts.filter((p) => p.name.startsWith('blobs/')).length,
        blobsChecked: report.blobsChecked,
        treeHeadsChecked: report.treeHeadsChecked,
        timings: { decryptMs, databaseMs, verifyMs, totalMs: performance.now() - t0 },
      };
    } finally {
      await ctx.db.close();
    }
  } finally {
    for (const c of cleanup) c();
    if (!placed) {
      await rm(staging, { recursive: true, force: true });
      if (createdDataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }
}
