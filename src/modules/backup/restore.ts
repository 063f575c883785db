/**
 * `fazhi restore`: decrypts and checks a backup, restores the database, the signing key and the blobs into an
 * empty data directory (or, with --force, replaces it, keeping the replaced files aside), then verifies the
 * whole record against the backup's manifest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildRegistry } from '../../platform/modules.ts';
import { openContext } from '../../platform/open.ts';
import type { Config } from '../../platform/config.ts';
import { verifyRecord } from '../../platform/record/verify.ts';
import { openSealed, readEntries } from './archive.ts';
import {
  BackupError,
  FORMAT,
  FORMAT_VERSION,
  KEY_FILE,
  kindOf,
  libpqTarget,
  listFiles,
  ownerUrlOf,
  partKind,
  PGLITE_PART,
  POSTGRES_PART,
  runTool,
  type Manifest,
  type RestoreResult,
} from './backup.ts';

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
