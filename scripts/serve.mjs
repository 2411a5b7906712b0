// A static server for the page on loopback: www/ and pkg/ from this checkout, with the headers
// an intranet should send (the same Content-Security-Policy as the page, nosniff, no referrer)
// and gzip for text, so transfer sizes are what a real server gives.
//
//   node scripts/serve.mjs [--port 8000]     then open http://127.0.0.1:8000/
//
// The browser tests import `serve` and start it on a free port.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Only these folders are served: the page and the engine it loads. */
const SERVED = ['www', 'pkg'];

/** The page's policy (see www/index.html), plus what only a header can say. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'none'; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cache-Control': 'no-cache',
};

/**
 * Starts the server. Resolves with the server and its base URL once it is listening.
 *
 * @param {{ port?: number, host?: string }} [options]
 */
export function serve({ port = 8000, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    respond(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'Server error\n'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${typeof address === 'object' && address ? address.port : port}/` });
    });
  });
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
async function respond(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (path === '/') {
    response.writeHead(302, { ...HEADERS, Location: '/www/' });
    return response.end();
  }
  const relative = normalize(path).replace(/^[/\\]+/, '');
  if (!SERVED.some((folder) => relative === folder || relative.startsWith(folder + sep)) || relative.split(sep).includes('..')) {
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  }
  let file = join(ROOT, relative);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!path.endsWith('/')) {
      response.writeHead(301, { ...HEADERS, Location: `${path}/` });
      return response.end();
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const body = await readFile(file);
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && !type.startsWith('image/png');
  if (gzip) {
    return send(response, 200, type, gzipSync(body, { level: 9 }), { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }, request.method === 'HEAD');
  }
  return send(response, 200, type, body, {}, request.method === 'HEAD');
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} type
 * @param {string | Buffer} body
 * @param {Record<string, string>} [extra]
 * @param {boolean} [headOnly]
 */
function send(response, status, type, body, extra = {}, headOnly = false) {
  response.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  response.end(headOnly ? undefined : body);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : 8000;
  const { url } = await serve({ port });
  console.log(`Waymark is being served at ${url} (Ctrl+C to stop)`);
}
