/**
 * The backup file: a small container of our own, encrypted with a passphrase.
 *
 * Why not tar: the project takes no new dependencies, and a tar writer/reader handles far more than
 * we need (modes, links, long names, sparse files) — each a way to write outside the target on restore.
 * Our entries are only regular files with names from a fixed set of patterns, so a length-prefixed
 * format is shorter to write and to check. (PGlite's own database dump, `dumpDataDir`, is a tar — it is
 * carried as one opaque entry and read by PGlite itself.)
 *
 * Layout of the file:
 *
 *   header  = "FAZHIBAK" | version u8 (1) | scrypt log2(N) u8 | r u8 | p u8 | salt 16 | nonce prefix 7 | key check 32
 *   segment = final u8 (0/1) | length u32 BE (≤ 1 MiB) | AES-256-GCM ciphertext | tag 16      (repeated; the last has final = 1)
 *
 * The key is scrypt(passphrase, salt) → 64 bytes: the first 32 are the AES key, the last 32 an HMAC key
 * whose HMAC of the header is the key check, so a wrong passphrase is told apart from a damaged file
 * before anything is decrypted. Segments are the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár 2015): the nonce is prefix | segment counter u32 | final flag u8, the header is the additional
 * data of every segment — so segments cannot be reordered, dropped, repeated, taken from another
 * backup or cut off at the end without the tag check failing; a segment's plaintext is only used
 * after its tag verified.
 *
 * The plaintext is a sequence of entries: name length u16 BE | name (UTF-8) | chunks (length u32 BE |
 * bytes)… | u32 0. An entry with an empty name ends the archive. The last entry is `manifest.json`
 * (it lists every other entry with its SHA-256, which is only known once the entry was written — the
 * database dump is streamed from pg_dump).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

export const MAGIC = Buffer.from('FAZHIBAK', 'ascii');
const VERSION = 1;
const SALT_BYTES = 16;
const PREFIX_BYTES = 7;
const CHECK_BYTES = 32;
const TAG_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES;
export const SEGMENT_BYTES = 1 << 20;
const CHUNK_BYTES = 1 << 20;

/** scrypt N = 2^17, r = 8, p = 1: 128 MiB and about half a second per derivation (OWASP's recommendation). */
export const DEFAULT_KDF = { logN: 17, r: 8, p: 1 };
/** bounds for the parameters read from a file, so that a crafted header cannot ask for gigabytes */
const MAX_KDF = { logN: 20, r: 16, p: 4 };

/** A failure the user must see as it is (Chinese message), exit code 1. */
export class BackupError extends Error {}

function scrypt(passphrase: string, salt: Buffer, kdf: { logN: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: 2 ** kdf.logN, r: kdf.r, p: kdf.p, maxmem: 256 * 2 ** kdf.logN * kdf.r + 32 * 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 64, opts, (e, key) => (e ? reject(e) : resolve(key))));
}

function nonce(prefix: Buffer, counter: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, PREFIX_BYTES);
  n[11] = final ? 1 : 0;
  return n;
}

/** Reads exact byte counts from an async sequence of buffers. */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly src: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    if (this.buf.length >= n) return true;
    const parts = [this.buf];
    let have = this.buf.length;
    while (have < n && !this.done) {
      const r = await this.src.next();
      if (r.done) this.done = true;
      else {
        parts.push(r.value);
        have += r.value.length;
      }
    }
    this.buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    return this.buf.length >= n;
  }

  /** Exactly n bytes, or null if the source ended first. */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) return null;
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}

/** Writes the encrypted container: header, then sealed segments of the plaintext written to it. */
export class SealedWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private counter = 0;
  bytesWritten = 0;

  private constructor(
    private readonly out: FileHandle,
    private readonly key: Buffer,
    private readonly prefix: Buffer,
    private readonly header: Buffer,
  ) {}

  static async create(out: FileHandle, passphrase: string, kdf = DEFAULT_KDF): Promise<SealedWriter> {
    const salt = randomBytes(SALT_BYTES);
    const prefix = randomBytes(PREFIX_BYTES);
    const derived = await scrypt(passphrase, salt, kdf);
    const head = Buffer.concat([MAGIC, Buffer.from([VERSION, kdf.logN, kdf.r, kdf.p]), salt, prefix]);
    const check = createHmac('sha256', derived.subarray(32)).update(head).digest();
    const header = Buffer.concat([head, check]);
    const w = new SealedWriter(out, derived.subarray(0, 32), prefix, header);
    await w.raw(header);
    return w;
  }

  private async raw(b: Buffer): Promise<void> {
    let off = 0;
    while (off < b.length) off += (await this.out.write(b, off, b.length - off)).bytesWritten;
    this.bytesWritten += b.length;
  }

  private async seal(plain: Buffer, final: boolean): Promise<void> {
    if (this.counter === 0xffffffff) throw new BackupError('备份过大：加密分段数超过上限');
    const c = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++, final));
    c.setAAD(this.header);
    const ct = Buffer.concat([c.update(plain), c.final()]);
    const frame = Buffer.alloc(5);
    frame[0] = final ? 1 : 0;
    frame.writeUInt32BE(plain.length, 1);
    await this.raw(Buffer.concat([frame, ct, c.getAuthTag()]));
  }

  async write(data: Buffer): Promise<void> {
    this.pending.push(data);
    this.pendingBytes += data.length;
    // keep at least one byte back: the final segment is sealed by finish()
    while (this.pendingBytes > SEGMENT_BYTES) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, SEGMENT_BYTES), false);
      const rest = all.subarray(SEGMENT_BYTES);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  async finish(): Promise<void> {
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/**
 * Opens an encrypted container: checks the header and the passphrase, then yields the plaintext
 * segment by segment, each only after its tag verified. Throws BackupError on a wrong passphrase,
 * a damaged or truncated file, or bytes after the final segment.
 */
export async function openSealed(src: AsyncIterator<Buffer>, passphrase: string): Promise<AsyncGenerator<Buffer>> {
  const r = new ByteReader(src);
  const header = await r.read(HEADER_BYTES);
  if (!header?.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupError('不是法治平台的备份文件（文件头不符）');
  const [version, logN, rr, p] = header.subarray(MAGIC.length, MAGIC.length + 4);
  if (version !== VERSION) throw new BackupError(`不支持的备份格式版本 ${version}`);
  if (logN < 10 || logN > MAX_KDF.logN || rr < 1 || rr > MAX_KDF.r || p < 1 || p > MAX_KDF.p) throw new BackupError('备份文件头已损坏（密钥派生参数超出范围）');
  let off = MAGIC.length + 4;
  const salt = header.subarray(off, (off += SALT_BYTES));
  const prefix = header.subarray(off, (off += PREFIX_BYTES));
  const check = header.subarray(off, (off += CHECK_BYTES));
  const derived = await scrypt(passphrase, salt, { logN, r: rr, p });
  const want = createHmac('sha256', derived.subarray(32))
    .update(header.subarray(0, HEADER_BYTES - CHECK_BYTES))
    .digest();
  if (!timingSafeEqual(want, check)) throw new BackupError('备份口令错误（或备份文件头已损坏），未恢复任何数据');
  const key = derived.subarray(0, 32);
  return (async function* () {
    for (let counter = 0; ; counter++) {
      const frame = await r.read(5);
      if (!frame) throw new BackupError(`备份文件不完整：第 ${counter + 1} 段缺失（文件被截短），未恢复任何数据`);
      const final = frame[0] === 1;
      const len = frame.readUInt32BE(1);
      if (frame[0] > 1 || len > SEGMENT_BYTES) throw new BackupError(`备份文件已损坏或被篡改：第 ${counter + 1} 段的长度或标志无效，未恢复任何数据`);
      const body = await r.read(len + TAG_BYTES);
      if (!body) throw new BackupError(`备份文件不完整：第 ${counter + 1} 段被截短，未恢复任何数据`);
      const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter, final));
      d.setAAD(header);
      d.setAuthTag(body.subarray(len));
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(body.subarray(0, len)), d.final()]);
      } catch {
        throw new BackupError(`备份文件已损坏或被篡改：第 ${counter + 1} 段认证失败，未恢复任何数据`);
      }
      yield plain;
      if (final) {
        if (!(await r.atEnd())) throw new BackupError('备份文件已损坏或被篡改：最后一段之后还有多余的数据，未恢复任何数据');
        return;
      }
    }
  })();
}

/** Writes the entry framing into a SealedWriter. */
export class EntryWriter {
  constructor(private readonly w: SealedWriter) {}

  private static u32(n: number): Buffer {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  }

  async begin(name: string): Promise<void> {
    const n = Buffer.from(name, 'utf8');
    if (n.length === 0 || n.length > 0xffff) throw new Error(`bad entry name ${name}`);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(n.length);
    await this.w.write(Buffer.concat([len, n]));
  }

  async chunk(data: Buffer): Promise<void> {
    for (let off = 0; off < data.length; off += CHUNK_BYTES) {
      const part = data.subarray(off, off + CHUNK_BYTES);
      await this.w.write(Buffer.concat([EntryWriter.u32(part.length), part]));
    }
  }

  async end(): Promise<void> {
    await this.w.write(EntryWriter.u32(0));
  }

  async close(): Promise<void> {
    await this.w.write(Buffer.from([0, 0]));
    await this.w.finish();
  }
}

/** Reads the entry framing: for each entry its name and an async sequence of its chunks (to be consumed before the next). */
export async function* readEntries(plain: AsyncIterator<Buffer>): AsyncGenerator<{ name: string; chunks: AsyncGenerator<Buffer> }> {
  const r = new ByteReader(plain);
  const truncated = () => new BackupError('备份内容不完整（条目被截断），未恢复任何数据');
  for (;;) {
    const len = await r.read(2);
    if (!len) throw truncated();
    const n = len.readUInt16BE(0);
    if (n === 0) {
      if (!(await r.atEnd())) throw new BackupError('备份内容在结束标记之后还有数据，未恢复任何数据');
      return;
    }
    const name = await r.read(n);
    if (!name) throw truncated();
    let finished = false;
    const chunks = (async function* () {
      for (;;) {
        const l = await r.read(4);
        if (!l) throw truncated();
        const size = l.readUInt32BE(0);
        if (size === 0) {
          finished = true;
          return;
        }
        if (size > CHUNK_BYTES) throw new BackupError('备份内容已损坏（分块长度无效），未恢复任何数据');
        const data = await r.read(size);
        if (!data) throw truncated();
        yield data;
      }
    })();
    yield { name: name.toString('utf8'), chunks };
    if (!finished) for await (const _ of chunks); // the consumer skipped (part of) the entry
  }
}
