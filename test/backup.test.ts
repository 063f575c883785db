/**
 * `fazhi backup` / `fazhi restore` through the CLI, on PGlite or (TEST_DATABASE_URL) PostgreSQL: back up the
 * demo data, write more, restore into an empty data directory and database, verify; refusals leave the target alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/platform/db/index.ts';
import { treeHeadMessage, type TreeHead } from '../src/platform/record/ledger.ts';
import { verifySignature } from '../src/platform/record/signer.ts';
import { createTestDatabase, usingPostgres } from './helpers.ts';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'fazhi-backup-'));
const PASSPHRASE = '正确的马 电池 订书钉 2026';

interface Target {
  dataDir: string;
  env: Record<string, string>;
  /** PostgreSQL: the owner URL of the target database */
  url?: string;
}
const drops: (() => Promise<void>)[] = [];

async function target(name: string): Promise<Target> {
  const dataDir = join(root, name);
  if (!usingPostgres()) return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: '', MIGRATION_DATABASE_URL: '' } };
  const t = await createTestDatabase('fazhi_backup');
  drops.push(t.drop);
  return { dataDir, url: t.url, env: { DATA_DIR: dataDir, ...t.env } };
}

async function fazhi(t: Target, args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_BACKUP_PASSPHRASE: '', ...t.env, ...extraEnv };
  try {
    const r = await run(process.execPath, ['bin/fazhi.js', ...args], { env, timeout: 240_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Files under a directory (recursively), relative; [] if it does not exist. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}

async function postgresObjects(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'`)).rows[0].n);
  } finally {
    await c.end();
  }
}

/** The target was left untouched: no file in its data directory, no table in its database. */
async function expectUntouched(t: Target) {
  expect(files(t.dataDir)).toEqual([]);
  if (t.url) expect(await postgresObjects(t.url)).toBe(0);
}

let source: Target;
let archive: string;
let passFile: string;
let backup: { record: { size: number; rootHash: string }; timings: { totalMs: number; databaseMs: number }; bytes: number };
let headBefore: TreeHead;
let blobName: string;

beforeAll(async () => {
  source = await target('source');
  archive = join(root, 'demo.fzbk');
  passFile = join(root, 'passphrase');
  writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
});
afterAll(async () => {
  for (const d of drops) await d();
  rmSync(root, { recursive: true, force: true });
});

describe(`fazhi backup / restore (${usingPostgres() ? 'PostgreSQL' : 'PGlite'})`, { timeout: 300_000 }, () => {
  it('backs up the demo data with the signing key and the blobs, encrypted', async () => {
    const seed = await fazhi(source, ['seed', '--demo']);
    expect(seed.code, seed.stderr).toBe(0);
    const sign = await fazhi(source, ['ledger', 'sign']);
    expect(sign.code, sign.stderr).toBe(0);
    headBefore = JSON.parse(sign.stdout);
    blobName = files(join(source.dataDir, 'blobs')).find((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))!;
    expect(blobName).toBeTruthy();

    if (!usingPostgres()) {
      // PGlite: refused while something holds the data directory (the server)
      const held = await openPglite(source.dataDir);
      try {
        const busy = await fazhi(source, ['backup', archive, '--passphrase-file', passFile]);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toContain('请先停止服务器');
        expect(existsSync(archive)).toBe(false);
      } finally {
        await held.close();
      }
    }
    const short = await fazhi(source, ['backup', archive], { FAZHI_BACKUP_PASSPHRASE: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('至少 12 个字符');

    const b = await fazhi(source, ['backup', archive, '--passphrase-file', passFile, '--json']);
    expect(b.code, b.stderr).toBe(0);
    backup = JSON.parse(b.stdout);
    expect(backup.record.size).toBe(headBefore.treeSize);
    expect(backup.record.rootHash).toBe(headBefore.rootHash);
    const bytes = readFileSync(archive);
    expect(bytes.subarray(0, 8).toString()).toBe('FAZHIBAK');
    // encrypted: neither the key nor the demo data appear in the file
    expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(bytes.includes(Buffer.from('ledger_entries'))).toBe(false);
    expect((await fazhi(source, ['backup', archive, '--passphrase-file', passFile])).stderr).toContain('已存在');

    // more is written after the backup
    const u = await fazhi(source, ['user', 'create', '--username', 'after_backup', '--name', '备份后用户', '--org', '法制科', '--role', 'officer'], {
      FAZHI_PASSWORD: 'AfterBackup2026',
    });
    expect(u.code, u.stderr).toBe(0);
    const v = await fazhi(source, ['ledger', 'verify', '--json']);
    expect(JSON.parse(v.stdout).size).toBeGreaterThan(backup.record.size);
  });

  it('refuses a wrong passphrase, a damaged file and a non-empty target, writing nothing', async () => {
    const empty = await target('untouched');
    const wrong = await fazhi(empty, ['restore', archive], { FAZHI_BACKUP_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('口令错误');
    await expectUntouched(empty);

    const damaged = join(root, 'damaged.fzbk');
    const bytes = readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(damaged, bytes);
    const flipped = await fazhi(empty, ['restore', damaged, '--passphrase-file', passFile]);
    expect(flipped.code).toBe(1);
    expect(flipped.stderr).toContain('已损坏或被篡改');
    await expectUntouched(empty);

    const truncated = join(root, 'truncated.fzbk');
    writeFileSync(truncated, readFileSync(archive).subarray(0, bytes.length - 100));
    const cut = await fazhi(empty, ['restore', truncated, '--passphrase-file', passFile]);
    expect(cut.code).toBe(1);
    await expectUntouched(empty);

    const nonEmptyDir = await fazhi(source, ['restore', archive, '--passphrase-file', passFile]);
    expect(nonEmptyDir.code).toBe(1);
    expect(nonEmptyDir.stderr).toContain('不为空');
    if (usingPostgres()) {
      // an empty data directory, but the source's (non-empty) database
      const nonEmptyDb = await fazhi({ ...source, env: { ...source.env, DATA_DIR: empty.dataDir } }, ['restore', archive, '--passphrase-file', passFile]);
      expect(nonEmptyDb.code).toBe(1);
      expect(nonEmptyDb.stderr).toContain('目标数据库不为空');
      await expectUntouched(empty);
    }
  });

  it('restores into an empty target: the record as it was at backup time, the same key and blobs', async () => {
    const restored = await target('restored');
    const r = await fazhi(restored, ['restore', archive, '--json'], { FAZHI_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.record).toMatchObject(backup.record);

    const v = await fazhi(restored, ['ledger', 'verify', '--json']);
    expect(v.code, v.stderr).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.ok).toBe(true);
    expect(report.size).toBe(backup.record.size); // the user created after the backup is not there
    expect(report.rootHash).toBe(backup.record.rootHash);
    expect(report.blobsChecked).toBeGreaterThan(0);

    // the same signing key: a tree head signed before the backup verifies with the restored public key
    const pub = readFileSync(join(restored.dataDir, 'keys', 'record-ed25519.pub.pem'), 'utf8');
    expect(verifySignature(pub, treeHeadMessage(headBefore), headBefore.signature)).toBe(true);
    expect(readFileSync(join(restored.dataDir, 'keys', 'record-ed25519.pem'))).toEqual(readFileSync(join(source.dataDir, 'keys', 'record-ed25519.pem')));
    expect(readFileSync(join(restored.dataDir, 'blobs', blobName))).toEqual(readFileSync(join(source.dataDir, 'blobs', blobName)));
    expect(files(restored.dataDir).some((f) => f.startsWith('.restore-'))).toBe(false);

    console.log(
      `[backup timings, demo data, ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}] backup ${backup.timings.totalMs.toFixed(0)} ms ` +
        `(database ${backup.timings.databaseMs.toFixed(0)} ms, ${(backup.bytes / 1048576).toFixed(1)} MB, ${backup.record.size} entries); ` +
        `restore ${result.timings.totalMs.toFixed(0)} ms (decrypt+check ${result.timings.decryptMs.toFixed(0)} ms, database ${result.timings.databaseMs.toFixed(0)} ms, ` +
        `verify ${result.timings.verifyMs.toFixed(0)} ms)`,
    );
  });

  it('with --force replaces a non-empty target, keeping the replaced files aside', async () => {
    const r = await fazhi(source, ['restore', archive, '--passphrase-file', passFile, '--force']);
    expect(r.code, r.stderr).toBe(0);
    const v = await fazhi(source, ['ledger', 'verify', '--json']);
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout).size).toBe(backup.record.size);
    expect(readdirSync(source.dataDir).some((f) => f.startsWith('replaced-'))).toBe(true);
  });
});
