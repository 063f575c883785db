/**
 * HMAC_DRBG (NIST SP 800-90A Rev. 1 §10.1.2) over SHA-256 or SM3, without reseeding or
 * additional input: the whole draw follows from one seed, so anyone can re-run it.
 */
import { createHmac } from 'node:crypto';

export type DrbgHash = 'sha256' | 'sm3';

export class HmacDrbg {
  private k: Buffer;
  private v: Buffer;
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly hash: DrbgHash,
    seed: Buffer,
  ) {
    this.k = Buffer.alloc(32, 0x00);
    this.v = Buffer.alloc(32, 0x01);
    this.update(seed);
  }

  private hmac(key: Buffer, ...parts: Buffer[]): Buffer {
    const h = createHmac(this.hash, key);
    for (const p of parts) h.update(p);
    return h.digest();
  }

  private update(data?: Buffer) {
    this.k = this.hmac(this.k, this.v, Buffer.from([0x00]), data ?? Buffer.alloc(0));
    this.v = this.hmac(this.k, this.v);
    if (data && data.length > 0) {
      this.k = this.hmac(this.k, this.v, Buffer.from([0x01]), data);
      this.v = this.hmac(this.k, this.v);
    }
  }

  /** Generate(n) of the standard: n bytes, then the state update. */
  generate(n: number): Buffer {
    const out: Buffer[] = [];
    let len = 0;
    while (len < n) {
      this.v = this.hmac(this.k, this.v);
      out.push(this.v);
      len += this.v.length;
    }
    this.update();
    return Buffer.concat(out).subarray(0, n);
  }

  /**
   * A uniform integer in [0, n), n ≤ 2^32, by rejection sampling on 32-bit words. Words are
   * taken from 1 KiB blocks produced by generate(), so the sequence is fixed by the seed.
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`int(${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      if (this.buffer.length < 4) this.buffer = this.generate(1024);
      const x = this.buffer.readUInt32BE(0);
      this.buffer = this.buffer.subarray(4);
      if (x < limit) return x % n;
    }
  }
}
