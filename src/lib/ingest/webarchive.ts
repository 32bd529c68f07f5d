import { byteChars } from './byte-text.ts';
import type { MhtmlPage } from './mhtml.ts';

/**
 * A page saved by Safari (.webarchive, its default on a Mac): a binary property list whose
 * `WebMainResource` holds the page's HTML (`WebResourceData`) and its encoding
 * (`WebResourceTextEncodingName`). Only what that takes of the format is read (the trailer, the
 * offset table, dictionaries, ASCII strings and data), never the page's images and scripts beside it.
 * Null for anything else, or a list without such a page.
 */
export function extractWebArchive(bytes: Uint8Array): MhtmlPage | null {
  if (bytes.length < 40 || byteChars(bytes.subarray(0, 8)) !== 'bplist00') return null;
  try {
    const list = new BinaryPlist(bytes);
    const main = list.dictionary(list.top).get('WebMainResource');
    if (main === undefined) return null;
    const resource = list.dictionary(main);
    const data = resource.get('WebResourceData');
    const encoding = resource.get('WebResourceTextEncodingName');
    const html = data === undefined ? null : list.value(data);
    const charset = encoding === undefined ? null : list.value(encoding);
    return html instanceof Uint8Array ? { html, charset: typeof charset === 'string' ? charset : null } : null;
  } catch {
    return null;
  }
}

class BinaryPlist {
  private readonly offsetSize: number;
  private readonly refSize: number;
  private readonly count: number;
  private readonly tableAt: number;
  readonly top: number;

  constructor(private readonly bytes: Uint8Array) {
    const trailer = bytes.length - 32;
    this.offsetSize = bytes[trailer + 6];
    this.refSize = bytes[trailer + 7];
    this.count = this.uint(trailer + 8, 8);
    this.top = this.uint(trailer + 16, 8);
    this.tableAt = this.uint(trailer + 24, 8);
    if (this.offsetSize < 1 || this.offsetSize > 8 || this.refSize < 1 || this.refSize > 8 || this.tableAt + this.count * this.offsetSize > trailer) {
      throw new Error('not a binary property list');
    }
  }

  private uint(at: number, size: number): number {
    if (at < 0 || at + size > this.bytes.length) throw new Error('past the end');
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + this.bytes[at + i];
    return value;
  }

  /** Where object `ref` starts, its marker's type, and its length and contents' start. */
  private at(ref: number): { type: number; length: number; start: number } {
    if (ref >= this.count) throw new Error('bad reference');
    const at = this.uint(this.tableAt + ref * this.offsetSize, this.offsetSize);
    const marker = this.uint(at, 1);
    const low = marker & 0x0f;
    // A length of 15 and more follows the marker as an integer object.
    if (low !== 0x0f) return { type: marker >> 4, length: low, start: at + 1 };
    const size = 1 << (this.uint(at + 1, 1) & 0x0f);
    return { type: marker >> 4, length: this.uint(at + 2, size), start: at + 2 + size };
  }

  /** A dictionary's keys (strings) with the references of their values, left unread. */
  dictionary(ref: number): Map<string, number> {
    const { type, length, start } = this.at(ref);
    if (type !== 0xd) throw new Error('not a dictionary');
    const entries = new Map<string, number>();
    for (let i = 0; i < length; i++) {
      const key = this.value(this.uint(start + i * this.refSize, this.refSize));
      if (typeof key === 'string') entries.set(key, this.uint(start + (length + i) * this.refSize, this.refSize));
    }
    return entries;
  }

  /** An ASCII string or a data object (all a web archive's keys, encoding name and page are); null for any other. */
  value(ref: number): string | Uint8Array | null {
    const { type, length, start } = this.at(ref);
    if (start + length > this.bytes.length) throw new Error('past the end');
    if (type === 0x4) return this.bytes.slice(start, start + length);
    if (type === 0x5) return byteChars(this.bytes.subarray(start, start + length));
    return null;
  }
}
