/**
 * `fazhi backup <file>` and `fazhi restore <file> [--force]` (backup.ts). The passphrase comes from
 * `--passphrase-file`, the environment variable FAZHI_BACKUP_PASSPHRASE or standard input — never from an
 * argument value, which every user of the machine could read in the process list.
 * Any failure prints its reason and exits 1.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { BackupError, createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

export const PASSPHRASE_ENV = 'FAZHI_BACKUP_PASSPHRASE';
const MIN_PASSPHRASE = 12;

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let s = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(s);
    };
    const onData = (data: string) => {
      for (const c of data) {
        if (c === '\r' || c === '\n' || c === '\u0004') return finish();
        if (c === '\u0003') return finish(new BackupError('已取消'));
        if (c === '\u007f' || c === '\b') s = Array.from(s).slice(0, -1).join('');
        else s += c;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassphrase(opts: { passphraseFile?: string }, forBackup: boolean): Promise<string> {
  let p: string;
  if (opts.passphraseFile) {
    try {
      p = readFileSync(opts.passphraseFile, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new BackupError(`无法读取口令文件 ${opts.passphraseFile}`);
    }
  } else if (process.env[PASSPHRASE_ENV]) {
    p = process.env[PASSPHRASE_ENV]!;
  } else if (process.stdin.isTTY) {
    p = await promptHidden('备份口令：');
    if (forBackup && (await promptHidden('再次输入备份口令：')) !== p) throw new BackupError('两次输入的口令不一致');
  } else {
    p = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  }
  if (!p) throw new BackupError(`未提供备份口令：请用 --passphrase-file、环境变量 ${PASSPHRASE_ENV} 或标准输入提供`);
  if (forBackup && Array.from(p).length < MIN_PASSPHRASE) throw new BackupError(`备份口令至少 ${MIN_PASSPHRASE} 个字符`);
  return p;
}

const ms = (n: number) => n.toFixed(0);

function fail(what: string, e: unknown): void {
  const msg = e instanceof BackupError ? e.message : e instanceof AppError ? `${e.code}：${e.messageZh}` : e instanceof Error ? e.message : String(e);
  console.error(`${what}失败：${msg}`);
  process.exitCode = 1;
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      '备份数据库（一致性快照）、签名密钥和证据文件到一个用口令加密的文件；PGlite 须先停止服务器。口令来自 --passphrase-file、环境变量 FAZHI_BACKUP_PASSPHRASE 或标准输入',
    )
    .option('--passphrase-file <file>', '从该文件读取口令（第一行）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { passphraseFile?: string; json?: boolean }) => {
      try {
        const passphrase = await readPassphrase(opts, true);
        const r = await createBackup(loadConfig(), file, passphrase);
        if (opts.json) console.log(JSON.stringify(r, null, 2));
        else
          console.log(
            `已备份到 ${r.file}（${(r.bytes / 1048576).toFixed(1)} MB）：${r.database} 数据库，记录 ${r.record.size} 条，根哈希 ${r.record.rootHash}，` +
              `签名密钥和 ${r.blobs} 个证据及文书文件；用时 ${ms(r.timings.totalMs)} ms（其中导出数据库 ${ms(r.timings.databaseMs)} ms）`,
          );
      } catch (e) {
        fail('备份', e);
      }
    });

  program
    .command('restore <file>')
    .description('从加密备份恢复到空的数据目录和空数据库，随后校验整个记录（同 fazhi ledger verify）并与备份时的条数、根哈希比对')
    .option('--passphrase-file <file>', '从该文件读取口令（第一行）')
    .option('--force', '目标不为空时仍然恢复：数据库中备份包含的对象先删除再重建，数据目录中原有的 pglite/keys/blobs 移到 replaced-<时间>/')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { passphraseFile?: string; force?: boolean; json?: boolean }) => {
      try {
        const passphrase = await readPassphrase(opts, false);
        const r = await restoreBackup(loadConfig(), file, passphrase, { force: opts.force });
        if (opts.json) console.log(JSON.stringify(r, null, 2));
        else
          console.log(
            `已恢复 ${r.createdAt} 的备份（${r.database}）：记录 ${r.record.size} 条、根哈希 ${r.record.rootHash} 与备份时一致，` +
              `记录校验通过（${r.treeHeadsChecked} 个签名树头、${r.blobsChecked} 个证据文件）；用时 ${ms(r.timings.totalMs)} ms` +
              `（解密与核对 ${ms(r.timings.decryptMs)} ms、载入数据库 ${ms(r.timings.databaseMs)} ms、记录校验 ${ms(r.timings.verifyMs)} ms）`,
          );
      } catch (e) {
        fail('恢复', e);
      }
    });
}
