import { concatBytes } from './byte-text.ts';

/**
 * The PDF standard security handler, for a file protected against editing or copying but not against
 * opening: its user password is empty, so any viewer (and this reader) derives the key from the file
 * itself. RC4 (40 to 128 bits, revisions 2–4), AES-128 (revision 4) and AES-256 (revisions 5 and 6)
 * are read; a file that needs a password to open is refused. AES runs in the platform's Web Crypto,
 * RC4 and MD5 here (Web Crypto has neither).
 */

/** Decrypts one object's stream data. */
export type Decrypt = (data: Uint8Array, num: number, gen: number) => Promise<Uint8Array>;

export interface SecurityParameters {
  filter: string | null;
  v: number;
  r: number;
  lengthBits: number;
  o: Uint8Array;
  u: Uint8Array;
  ue: Uint8Array | null;
  p: number;
  id: Uint8Array;
  encryptMetadata: boolean;
  /** The stream filter's method: `V2` (RC4), `AESV2`, `AESV3`, `Identity`; null before revision 4. */
  streamMethod: string | null;
}

/** The user password is not empty, or the handler or its method is one this reader lacks. */
export class NeedsPassword extends Error {}

const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c,
  0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** The decryption for a file whose user password is empty; throws `NeedsPassword` otherwise. */
export async function emptyPasswordDecrypt(params: SecurityParameters): Promise<Decrypt> {
  if (params.filter !== 'Standard') throw new NeedsPassword(`security handler ${params.filter}`);
  if (params.r >= 5) return aes256(params);
  const method = params.v >= 4 ? params.streamMethod : 'V2';
  if (method === 'Identity') return async (data) => data;
  if (method !== 'V2' && method !== 'AESV2') throw new NeedsPassword(`crypt method ${method}`);
  const key = fileKey(params);
  if (!userPasswordIsEmpty(params, key)) throw new NeedsPassword('user password');
  return async (data, num, gen) => {
    const objectKey = md5(concatBytes([key, Uint8Array.of(num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff), method === 'AESV2' ? Uint8Array.of(0x73, 0x41, 0x6c, 0x54) : new Uint8Array()])).subarray(0, Math.min(key.length + 5, 16));
    return method === 'AESV2' ? aesCbcDecrypt(objectKey, data) : rc4(objectKey, data);
  };
}

/** Algorithm 2: the file key from the (empty) password, the owner entry, the permissions and the file's first ID. */
function fileKey(params: SecurityParameters): Uint8Array {
  const length = params.r === 2 ? 5 : Math.max(5, Math.min(16, params.lengthBits / 8));
  const p = params.p >>> 0;
  const noMetadata = params.r >= 4 && !params.encryptMetadata ? Uint8Array.of(0xff, 0xff, 0xff, 0xff) : new Uint8Array();
  let hash = md5(concatBytes([PADDING, params.o.subarray(0, 32), Uint8Array.of(p & 0xff, (p >> 8) & 0xff, (p >> 16) & 0xff, p >>> 24), params.id, noMetadata]));
  if (params.r >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, length));
  return hash.subarray(0, length);
}

/** Algorithms 4 and 5: the user entry is what the empty password gives. */
function userPasswordIsEmpty(params: SecurityParameters, key: Uint8Array): boolean {
  if (params.r === 2) return equal(rc4(key, PADDING), params.u.subarray(0, 32));
  let value = rc4(key, md5(concatBytes([PADDING, params.id])));
  for (let i = 1; i <= 19; i++) value = rc4(key.map((b) => b ^ i), value);
  return equal(value, params.u.subarray(0, 16));
}

/** Revisions 5 and 6: the file key is the user key entry decrypted with a hash of the (empty) password. */
async function aes256(params: SecurityParameters): Promise<Decrypt> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || !params.ue || params.u.length < 48) throw new NeedsPassword('AES-256 without Web Crypto or its entries');
  const validationSalt = params.u.subarray(32, 40);
  const keySalt = params.u.subarray(40, 48);
  const hash = (salt: Uint8Array) => (params.r === 5 ? sha(subtle, 'SHA-256', salt) : hardenedHash(subtle, salt));
  if (!equal(await hash(validationSalt), params.u.subarray(0, 32))) throw new NeedsPassword('user password');
  const key = await aesCbcDecrypt(await hash(keySalt), concatBytes([new Uint8Array(16), params.ue.subarray(0, 32)]), false);
  if (params.streamMethod === 'Identity') return async (data) => data;
  return async (data) => aesCbcDecrypt(key, data);
}

const sha = async (subtle: SubtleCrypto, algorithm: string, data: Uint8Array) => new Uint8Array(await subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>));

/** Algorithm 2.B (revision 6) for the empty password: SHA-256, then rounds of AES-128 and SHA-2 chosen by the data. */
async function hardenedHash(subtle: SubtleCrypto, salt: Uint8Array): Promise<Uint8Array> {
  let k = await sha(subtle, 'SHA-256', salt);
  for (let round = 0; ; round++) {
    const block = k;
    const k1 = new Uint8Array(block.length * 64);
    for (let i = 0; i < 64; i++) k1.set(block, i * block.length);
    const aesKey = await subtle.importKey('raw', k.slice(0, 16), 'AES-CBC', false, ['encrypt']);
    // Web Crypto pads; the blocks before its padding are the unpadded encryption.
    const e = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: k.slice(16, 32) }, aesKey, k1)).subarray(0, k1.length);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = await sha(subtle, ['SHA-256', 'SHA-384', 'SHA-512'][sum % 3], e);
    if (round >= 63 && e[e.length - 1] <= round - 31) return k.subarray(0, 32);
  }
}

/**
 * AES-CBC with the first 16 bytes the IV. `padded`: the data ends in PKCS#5 padding, as a PDF's
 * strings and streams do; the key entry has none, and a stream may lack it: then one block is added
 * that decrypts to a full block of padding, so Web Crypto's check passes and nothing is lost.
 */
async function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, padded = true): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new NeedsPassword('AES without Web Crypto');
  if (data.length < 32 || data.length % 16 !== 0) return new Uint8Array();
  const iv = data.slice(0, 16);
  const body = data.slice(16);
  const cryptoKey = await subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['encrypt', 'decrypt']);
  if (padded) {
    try {
      return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, cryptoKey, body));
    } catch {
      // Padding not as it should be: read as unpadded below.
    }
  }
  const last = body.slice(body.length - 16);
  const extra = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: last }, cryptoKey, new Uint8Array(16).fill(16))).subarray(0, 16);
  return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, cryptoKey, concatBytes([body, extra])));
}

export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const SHIFTS = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const SINES = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 (RFC 1321). */
export function md5(data: Uint8Array): Uint8Array {
  const length = ((data.length + 8) >> 6) * 64 + 64;
  const message = new Uint8Array(length);
  message.set(data);
  message[data.length] = 0x80;
  const view = new DataView(message.buffer);
  view.setUint32(length - 8, (data.length * 8) >>> 0, true);
  view.setUint32(length - 4, Math.floor(data.length / 2 ** 29), true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const words = new Uint32Array(16);
  for (let chunk = 0; chunk < length; chunk += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getUint32(chunk + i * 4, true);
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const sum = (a + f + SINES[i] + words[g]) >>> 0;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << SHIFTS[i]) | (sum >>> (32 - SHIFTS[i])))) >>> 0;
    }
    [a0, b0, c0, d0] = [(a0 + a) >>> 0, (b0 + b) >>> 0, (c0 + c) >>> 0, (d0 + d) >>> 0];
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((w, i) => outView.setUint32(i * 4, w, true));
  return out;
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
