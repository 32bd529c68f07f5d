import { byteChars } from './byte-text.ts';

/**
 * A page saved as a single file (Chrome's "Webpage, Single File", `.mhtml`): a MIME multipart message
 * whose first `text/html` part is the page, usually quoted-printable. Read without a network: only
 * that part is decoded; images and styles in the other parts are not needed.
 */
export interface MhtmlPage {
  html: Uint8Array;
  /** The part's declared charset, if any. */
  charset: string | null;
}

export function extractMhtml(bytes: Uint8Array): MhtmlPage | null {
  const head = byteChars(bytes.subarray(0, 4096));
  if (!/^MIME-Version:/im.test(head) || !/^Content-Type:\s*multipart\/related/im.test(head)) return null;
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(head)?.[1];
  if (!boundary) return null;
  const text = byteChars(bytes);
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/^\s*Content-Type:\s*text\/html/im.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /^Content-Transfer-Encoding:\s*([\w-]+)/im.exec(headers)?.[1].toLowerCase() ?? '8bit';
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1] ?? null;
    return { html: encoding === 'quoted-printable' ? quotedPrintable(body) : encoding === 'base64' ? base64(body) : byteCodes(body), charset };
  }
  return null;
}

/** `=XX` is a byte, `=` at a line end is a soft break (RFC 2045). */
function quotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x3d) {
      const hex = body.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
      const soft = /^\r?\n/.exec(body.slice(i + 1, i + 3));
      if (soft) {
        i += soft[0].length;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function base64(body: string): Uint8Array {
  const binary = atob(body.replace(/[^A-Za-z0-9+/=]/g, ''));
  return byteCodes(binary);
}

/** The bytes of a byte string (each character's code a byte, as `byteChars` gives or `atob` returns). */
function byteCodes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
