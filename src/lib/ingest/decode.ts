export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; code: 'utf16_unsupported' | 'binary_file' };

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else CP932, which is what Excel on
 * Japanese Windows writes. `TextDecoder('shift_jis')` decodes CP932 in Node and Chromium alike.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, code: 'utf16_unsupported' };
  }
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, code: 'binary_file' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
