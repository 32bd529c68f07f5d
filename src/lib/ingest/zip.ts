import { concatBytes } from './byte-text.ts';
import { PartTooLarge } from './limits.ts';

/**
 * The entries of a zip archive (an `.xlsx` is one), read from its central directory, and one entry's
 * bytes inflated by the platform's `DecompressionStream` (Chromium and Node 20 both have it): only
 * what an Office file or a compressed folder needs, stored or deflated entries, no ZIP64, no
 * encryption (an encrypted entry is flagged, for the caller to refuse).
 */
export interface ZipEntry {
  name: string;
  /** General purpose flags: bit 0, the entry is encrypted; bit 11, its name is UTF-8. */
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes and may carry a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

/**
 * An entry's most bytes once inflated: past it the text could not be one string (V8's limit is about
 * 2^29 characters), and a small file inflating past it is a zip bomb, not a sheet.
 */
export const MAX_ENTRY_BYTES = 2 ** 29;

/** An entry would inflate past the limit: the file is refused as too large, not as damaged. */
export class ZipEntryTooLarge extends PartTooLarge {}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && uint32(bytes, 0) === LOCAL_HEADER;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();

  /** Throws when the bytes hold no readable central directory (a truncated download, a renamed file). */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxEntryBytes = MAX_ENTRY_BYTES,
  ) {
    const end = findEndOfDirectory(bytes);
    const count = uint16(bytes, end + 10);
    let at = uint32(bytes, end + 16);
    for (let k = 0; k < count; k++) {
      if (at + 46 > bytes.length || uint32(bytes, at) !== CENTRAL_HEADER) throw new Error('damaged zip directory');
      const nameLength = uint16(bytes, at + 28);
      const flags = uint16(bytes, at + 8);
      const entry: ZipEntry = {
        name: entryName(bytes.subarray(at + 46, at + 46 + nameLength), flags),
        flags,
        method: uint16(bytes, at + 10),
        compressedSize: uint32(bytes, at + 20),
        size: uint32(bytes, at + 24),
        headerOffset: uint32(bytes, at + 42),
      };
      // Office writes `xl/…`; some tools write `/xl/…` or Windows separators.
      this.entries.set(entry.name.replace(/\\/g, '/').replace(/^\//, ''), entry);
      at += 46 + nameLength + uint16(bytes, at + 30) + uint16(bytes, at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, or null when the archive has no such entry. */
  async read(name: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || uint32(this.bytes, at) !== LOCAL_HEADER) throw new Error(`damaged zip entry ${name}`);
    const start = at + 30 + uint16(this.bytes, at + 26) + uint16(this.bytes, at + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new Error(`truncated zip entry ${name}`);
    if (entry.size > this.maxEntryBytes || data.length > this.maxEntryBytes) throw new ZipEntryTooLarge(name, this.maxEntryBytes);
    if (entry.method === 0) return data;
    if (entry.method !== 8) throw new Error(`zip method ${entry.method} of ${name}`);
    return inflate(data, name, this.maxEntryBytes);
  }

  async text(name: string): Promise<string | null> {
    const data = await this.read(name);
    return data === null ? null : new TextDecoder('utf-8').decode(data);
  }
}

/**
 * Inflated chunk by chunk, stopped at the limit whatever size the directory declared. `deflate` is
 * the zlib-wrapped form (a PDF's streams); with `partial`, data damaged part way gives what came
 * before the damage (a PDF stream cut short, or with a wrong checksum) instead of an error: it is fed
 * in pieces of at most 64 bytes (a small stream's a byte each), so what each piece inflates to is out
 * before the damage is met (slower: for a second try at data that failed whole).
 */
export async function inflate(data: Uint8Array, name: string, limit: number, format: 'deflate-raw' | 'deflate' = 'deflate-raw', partial = false): Promise<Uint8Array> {
  const source = partial ? piecewise(data, Math.max(1, Math.min(64, data.length >> 8))) : new Blob([data as Uint8Array<ArrayBuffer>]).stream();
  const reader = source.pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let next = await readOrEnd(reader, partial); !next.done; next = await readOrEnd(reader, partial)) {
    length += next.value.length;
    if (length > limit) {
      await reader.cancel();
      throw new ZipEntryTooLarge(name, limit);
    }
    chunks.push(next.value);
  }
  return concatBytes(chunks);
}

function piecewise(data: Uint8Array, size: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) controller.close();
      else controller.enqueue(data.slice(at, (at += size)));
    },
  });
}

async function readOrEnd(reader: ReadableStreamDefaultReader<Uint8Array>, partial: boolean): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (!partial) return reader.read();
  try {
    return await reader.read();
  } catch {
    return { done: true, value: undefined };
  }
}

const UTF8 = new TextDecoder('utf-8');
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const SHIFT_JIS = new TextDecoder('shift_jis');

/**
 * An entry's name: UTF-8 when its flag says so; otherwise in the writer's code page, which for a
 * folder compressed on Japanese Windows is Shift_JIS (CP932), for most other tools UTF-8 unflagged.
 * Composed (NFC): a Mac writes names decomposed (デ as テ and a combining mark).
 */
function entryName(bytes: Uint8Array, flags: number): string {
  if (flags & 0x800 || bytes.every((b) => b < 0x80)) return UTF8.decode(bytes).normalize('NFC');
  try {
    return STRICT_UTF8.decode(bytes).normalize('NFC');
  } catch {
    return SHIFT_JIS.decode(bytes);
  }
}

function findEndOfDirectory(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (uint32(bytes, at) === END_OF_DIRECTORY) return at;
  }
  throw new Error('no zip directory');
}

const uint16 = (bytes: Uint8Array, at: number) => bytes[at] | (bytes[at + 1] << 8);
const uint32 = (bytes: Uint8Array, at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
