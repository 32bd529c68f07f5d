/**
 * Bytes read as text without TextDecoder's single-byte labels, which differ by runtime: in browsers
 * `latin1` means windows-1252 (0x80–0x9F become ‘ ’ “ ” …), and Node 20.18.3 and later decode
 * windows-1252 as Latin-1 (nodejs/node#56542). Ingest runs in both, so it maps the bytes itself.
 */

/** Character codes (UTF-16 units) as text, a few thousand at a time: one call's arguments are limited. */
export function charsOf(codes: Uint8Array | Uint16Array | number[]): string {
  // `apply` takes a typed array as it is, where a spread walks it through its iterator.
  if (codes.length <= 4096) return String.fromCharCode.apply(null, codes as number[]);
  let text = '';
  for (let at = 0; at < codes.length; at += 4096) text += String.fromCharCode.apply(null, codes.slice(at, at + 4096) as number[]);
  return text;
}

/** Each byte as the character of its own code: a byte string, for parsing a container's ASCII structure and taking its bytes back. */
export const byteChars = (bytes: Uint8Array): string => charsOf(bytes);

/** Windows-1252's characters for 0x80–0x9F (the WHATWG index: the five bytes it leaves undefined keep their own codes). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 text (Word's 8-bit text): Latin-1 but for 0x80–0x9F. */
export function windows1252(bytes: Uint8Array): string {
  return charsOf(Uint16Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : b)));
}

/** Byte arrays one after another, as one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
