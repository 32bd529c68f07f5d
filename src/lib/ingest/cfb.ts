/**
 * An OLE compound file ([MS-CFB]: what an `.xls` or `.doc`, and a password-protected `.xlsx`, are):
 * a small file system of sectors chained by a table (the FAT), its streams named in a directory.
 * Only reading a stream by its name is needed. Damage (a chain out of the file, a loop) throws.
 */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT = 109;
const DIRECTORY_ENTRY = 128;
const STREAM = 2;
const ROOT = 5;

/** A workbook or document saved with a password to open: its content is encrypted. */
export class PasswordProtected extends Error {
  constructor() {
    super('the file is encrypted');
  }
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether a stream of that name is in the directory, found by its UTF-16LE name alone (the file may be cut short or damaged). */
export function namesStream(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  for (let at = bytes.indexOf(needle[0]); at !== -1 && at + needle.length <= bytes.length; at = bytes.indexOf(needle[0], at + 1)) {
    let k = 1;
    while (k < needle.length && bytes[at + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** The compound file `source` is or holds, or null when its bytes are not one. */
export function compoundFileOf(source: Uint8Array | CompoundFile): CompoundFile | null {
  if (source instanceof CompoundFile) return source;
  return isCompoundFile(source) ? new CompoundFile(source) : null;
}

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
  /** The entries beside it in its storage's tree, and the root of its own children's tree (NO_ENTRY when none). */
  left: number;
  right: number;
  child: number;
}

const NO_ENTRY = 0xffffffff;

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly fat: Uint32Array;
  private readonly entries: Entry[];
  private readonly miniFat: Uint32Array;
  private readonly miniCutoff: number;
  private miniStream: Uint8Array | null = null;

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw new Error('not a compound file');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new Error(`sector size 2^${shift}`);
    this.sectorSize = 1 << shift;
    this.miniCutoff = this.view.getUint32(0x38, true);
    this.fat = this.readFat();
    this.entries = this.readDirectory();
    this.miniFat = words(this.chain(this.view.getUint32(0x3c, true)));
  }

  /**
   * The top-level stream of that name (compared case-insensitively, as the format says), or null.
   * Only the root storage's own: a document's embedded objects are storages of their own, with
   * streams of the same names (an embedded Word document's `1Table`, a workbook's `Workbook`).
   */
  stream(name: string): Uint8Array | null {
    const entry = this.topLevel().find((e) => e.type === STREAM && e.name.toLowerCase() === name.toLowerCase());
    if (!entry) return null;
    if (entry.size < this.miniCutoff) return this.miniChain(entry.start, entry.size);
    return this.chain(entry.start, entry.size);
  }

  /** The root storage's children: its tree walked from its child through each entry's left and right. */
  private topLevel(): Entry[] {
    const found: Entry[] = [];
    const seen = new Set<number>();
    const pending = [this.entries[0].child];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (id === NO_ENTRY || id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries[id];
      found.push(entry);
      pending.push(entry.left, entry.right);
    }
    return found;
  }

  private sector(n: number): Uint8Array {
    const at = (n + 1) * this.sectorSize;
    if (at + this.sectorSize > this.bytes.length) {
      // The last sector may be cut short by a writer that does not pad the file.
      if (at < this.bytes.length) return this.bytes.subarray(at);
      throw new Error(`sector ${n} outside the file`);
    }
    return this.bytes.subarray(at, at + this.sectorSize);
  }

  /** The FAT, from the header's 109 sector numbers and the chain of DIFAT sectors after them. */
  private readFat(): Uint32Array {
    const count = this.view.getUint32(0x2c, true);
    const fatSectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT && fatSectors.length < count; i++) fatSectors.push(this.view.getUint32(0x4c + i * 4, true));
    const perSector = this.sectorSize / 4 - 1;
    let difat = this.view.getUint32(0x44, true);
    for (let seen = 0; fatSectors.length < count && difat !== END_OF_CHAIN && difat !== FREE_SECTOR; seen++) {
      if (seen > this.bytes.length / this.sectorSize) throw new Error('DIFAT loops');
      const bytes = this.sector(difat);
      if (bytes.length < this.sectorSize) throw new Error('DIFAT sector cut short');
      const sector = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < perSector && fatSectors.length < count; i++) fatSectors.push(sector.getUint32(i * 4, true));
      difat = sector.getUint32(perSector * 4, true);
    }
    const fat = new Uint8Array(fatSectors.length * this.sectorSize);
    fatSectors.forEach((n, i) => fat.set(this.sector(n), i * this.sectorSize));
    return words(fat);
  }

  /** A chain of sectors from `start`, joined (cut to `size` when given). */
  private chain(start: number, size?: number): Uint8Array {
    const sectors: number[] = [];
    for (let n = start; n !== END_OF_CHAIN && n !== FREE_SECTOR; n = this.fat[n]) {
      if (n >= this.fat.length || sectors.length > this.fat.length) throw new Error('sector chain broken');
      sectors.push(n);
    }
    const out = new Uint8Array(sectors.length * this.sectorSize);
    let at = 0;
    for (const n of sectors) {
      const sector = this.sector(n);
      out.set(sector, at);
      at += sector.length;
    }
    if (size !== undefined && size > at) throw new Error('stream shorter than its size');
    return out.subarray(0, size ?? at);
  }

  /** A small stream, kept in 64-byte sectors of the root's own stream and chained by the mini FAT. */
  private miniChain(start: number, size: number): Uint8Array {
    const root = this.entries[0];
    this.miniStream ??= this.chain(root.start, root.size);
    const out = new Uint8Array(size);
    let at = 0;
    for (let n = start, seen = 0; at < size; n = this.miniFat[n], seen++) {
      if (n >= this.miniFat.length || seen > this.miniFat.length || (n + 1) * 64 > this.miniStream.length) throw new Error('mini sector chain broken');
      const part = this.miniStream.subarray(n * 64, Math.min((n + 1) * 64, n * 64 + size - at));
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  private readDirectory(): Entry[] {
    const directory = this.chain(this.view.getUint32(0x30, true));
    const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
    const entries: Entry[] = [];
    for (let at = 0; at + DIRECTORY_ENTRY <= directory.length; at += DIRECTORY_ENTRY) {
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      entries.push({
        name,
        type: view.getUint8(at + 0x42),
        left: view.getUint32(at + 0x44, true),
        right: view.getUint32(at + 0x48, true),
        child: view.getUint32(at + 0x4c, true),
        start: view.getUint32(at + 0x74, true),
        size: view.getUint32(at + 0x78, true),
      });
    }
    if (entries[0]?.type !== ROOT) throw new Error('no root entry');
    return entries;
  }
}

function words(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
