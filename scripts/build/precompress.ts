import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.wasm', '.bin', '.arrow', '.csv', '.json', '.svg', '.webmanifest', '.txt']);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
/** Small files gain little and cost a request's worth of headers either way. */
const MIN_BYTES = 1024;
/**
 * Brotli's top quality takes minutes on DuckDB's 34 MB wasm; 5 is within 5% of it there, in a second.
 * Elsewhere 9: within ~2% of 11 on the app's JS, in a fraction of the build time.
 */
const LARGE = 4 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Writes `.br` and `.gz` beside every compressible file of the build (the service worker, rewritten
 * after the bundle is written, aside), so a server sends them as they are instead of compressing
 * per request. Runs on libuv's thread pool, in parallel.
 */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotli: number; gzip: number }> {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  const jobs: Array<Promise<void>> = [];
  for (const path of files(dir)) {
    const size = statSync(path).size;
    if (!COMPRESSIBLE.has(extname(path)) || size < MIN_BYTES || path.endsWith('sw.js')) continue;
    jobs.push(
      (async () => {
        const bytes = readFileSync(path);
        const quality = size > LARGE ? 5 : 9;
        const [br, gz] = await Promise.all([
          brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size } }),
          gzipAsync(bytes, { level: 9 }),
        ]);
        writeFileSync(`${path}.br`, br);
        writeFileSync(`${path}.gz`, gz);
        totals.files++;
        totals.bytes += size;
        totals.brotli += br.length;
        totals.gzip += gz.length;
      })(),
    );
  }
  await Promise.all(jobs);
  return totals;
}

/**
 * Connect middleware for `vite preview`: a request for a file that has a `.br` (or `.gz`) beside it,
 * from a client that accepts it, gets the compressed file with `Content-Encoding`.
 */
export function servePrecompressed(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (relative(dir, file).startsWith('..') || !TYPES[extname(file)]) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepted) && existsSync(`${file}.gz`) ? 'gzip' : null;
    if (!encoding) return next();
    const compressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    res.setHeader('Content-Type', TYPES[extname(file)]);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', statSync(compressed).size);
    res.setHeader('Vary', 'Accept-Encoding');
    // Hashed assets never change; the page and the service worker are asked again.
    res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (req.method === 'HEAD') return res.end();
    createReadStream(compressed).pipe(res);
  };
}
