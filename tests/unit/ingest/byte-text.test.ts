import { describe, expect, it } from 'vitest';
import { byteChars, windows1252 } from '../../../src/lib/ingest/byte-text.ts';

const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('bytes as text, the same in Node and in browsers', () => {
  it('a byte string keeps every byte as the character of its code (so a container’s bytes can be taken back)', () => {
    const text = byteChars(everyByte);
    expect(Array.from(text, (c) => c.charCodeAt(0))).toEqual(Array.from(everyByte));
    expect(byteChars(new Uint8Array(10_000).fill(0x97)).length).toBe(10_000);
  });

  it('Windows-1252 maps 0x80–0x9F to its punctuation (Word’s 8-bit text: “test” — it’s €5), the rest as Latin-1', () => {
    const text = windows1252(everyByte);
    const at = (byte: number) => text.codePointAt(byte);
    expect([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f].map(at)).toEqual([0x20ac, 0x2026, 0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2122, 0x178]);
    // The five bytes Windows-1252 leaves undefined keep their own codes, as the WHATWG index has them.
    expect([0x81, 0x8d, 0x8f, 0x90, 0x9d].map(at)).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect([0x41, 0x7f, 0xa0, 0xe9, 0xff].map(at)).toEqual([0x41, 0x7f, 0xa0, 0xe9, 0xff]);
    expect(windows1252(new Uint8Array([0x93, 0x74, 0x94, 0x20, 0x97, 0x20, 0x92, 0x80]))).toBe('“t” — ’€');
  });
});
