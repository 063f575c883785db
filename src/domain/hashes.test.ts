import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sm3, toHex, utf8 } from './hashes.ts';

describe('plain TypeScript hashes agree with Node crypto', () => {
  it('SM3 standard example (GB/T 32905-2016 A.1, A.2)', () => {
    expect(toHex(sm3(utf8('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(toHex(sm3(utf8('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 1000, 4096])('random input of %i bytes', (n) => {
    const b = randomBytes(n);
    expect(toHex(sm3(b))).toBe(createHash('sm3').update(b).digest('hex'));
    expect(toHex(sha256(b))).toBe(createHash('sha256').update(b).digest('hex'));
  });
});
