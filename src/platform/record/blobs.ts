/**
 * Evidence blobs stored by content hash. The interface lets an S3-compatible store follow;
 * the file-system store keeps DATA_DIR/blobs/<h0h1>/<h2h3>/<hash>.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HashAlg } from '../../domain/merkle.ts';
import { AppError } from '../errors.ts';

export interface StoredBlob {
  hash: string;
  sizeBytes: number;
}

export interface BlobStore {
  /** Streams the content in (constant memory), returns its hash and size. */
  put(content: Readable, maxBytes: number): Promise<StoredBlob>;
  /** Streams the content out; does not check it. */
  read(hash: string): Readable;
  /** Re-hashes the stored content; false if missing or changed. */
  verify(hash: string): Promise<boolean>;
  size(hash: string): Promise<number | null>;
}

export class FsBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly alg: HashAlg,
  ) {
    mkdirSync(join(root, 'tmp'), { recursive: true });
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('bad blob hash');
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(content: Readable, maxBytes: number): Promise<StoredBlob> {
    const tmp = join(this.root, 'tmp', randomUUID());
    const h = createHash(this.alg);
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new AppError('PAYLOAD_TOO_LARGE', `文件超过允许的大小（${maxBytes} 字节）`));
        h.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(tmp));
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    const hash = h.digest('hex');
    const dest = this.pathOf(hash);
    if (existsSync(dest)) {
      await rm(tmp, { force: true });
    } else {
      mkdirSync(join(dest, '..'), { recursive: true });
      await rename(tmp, dest);
    }
    return { hash, sizeBytes: size };
  }

  read(hash: string): Readable {
    return createReadStream(this.pathOf(hash));
  }

  async size(hash: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(hash))).size;
    } catch {
      return null;
    }
  }

  async verify(hash: string): Promise<boolean> {
    if ((await this.size(hash)) === null) return false;
    const h = createHash(this.alg);
    for await (const chunk of this.read(hash)) h.update(chunk as Buffer);
    return h.digest('hex') === hash;
  }
}
