/**
 * The Lagrange–Dirac training step in headless Chromium, as the product trains it (a module
 * worker, tfjs 4.22 WASM), next to PyTorch CPU with the same thread counts, in alternating
 * rounds. Builds bench/mechanics/browser with Vite, serves it on 127.0.0.1 (port 5310 unless
 * given) with COOP same-origin + COEP require-corp, so the page is cross-origin isolated and
 * tfjs can start XNNPACK's thread pool, and with the script, worker, style and connect rules of
 * the app's Content-Security-Policy (svelte.config.js): as they are with `--csp app` (tfjs's
 * threaded build then never finishes starting: its pthread workers are blob: URLs), plus blob:
 * for workers and scripts with `--csp blob` (the default), or none with `--csp none`.
 * The bundle is not minified: tfjs 4.22 starts its pthread workers from the source text of its
 * threaded module factory, and minifying renames names that text refers to ("e is not
 * defined"; BENCH_MINIFY=1 shows it). tfjs also caps its pool at hardwareConcurrency / 2, so
 * the page reports 2 × the largest thread count asked for (see step-worker.ts).
 * Run it inside the browser lock: flock /tmp/kumiki/browser.lock npx tsx bench/mechanics/browser-run.ts
 * Usage: ... browser-run.ts [repeats] [rounds] [--csp app|blob|none] [--port N]
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { torchPeer } from './torch-peer';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const csp = option('csp', 'blob');
const port = Number(option('port', '5310'));
const repeats = Number(args[0] ?? 7);
const rounds = Number(args[1] ?? 3);
const batch = 1024;
const threadCounts = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number);

const outDir = mkdtempSync(join(tmpdir(), 'kumiki-step-bench-'));
await build({
  configFile: false,
  root: resolve('bench/mechanics/browser'),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    minify: process.env.BENCH_MINIFY === '1'
  }
});

/** The app's policy (svelte.config.js), optionally with blob: workers and scripts. */
function policy(): string | undefined {
  if (csp === 'none') return undefined;
  const blob = csp === 'blob' ? ' blob:' : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${blob}`,
    `worker-src 'self'${blob}`,
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "object-src 'none'"
  ].join('; ');
}
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm'
};
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (process.env.BENCH_LOG) console.log(`GET ${path}`);
  if (path === '/favicon.ico') {
    response.statusCode = 204;
    response.end();
    return;
  }
  try {
    const body = readFileSync(file);
    response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    const header = policy();
    if (header) response.setHeader('Content-Security-Policy', header);
    response.end(body);
  } catch {
    response.statusCode = 404;
    response.end();
  }
});
await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));

const profile = mkdtempSync(join(tmpdir(), 'kumiki-cr-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.KUMIKI_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking']
});
const problems: string[] = [];

interface WorkerResult {
  threads: number;
  cores?: number;
  used?: number;
  isolated?: boolean;
  loss?: number;
  times?: number[];
  error?: string;
}
async function browserRound(): Promise<{ isolated: boolean; results: WorkerResult[] }> {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const query =
    `threads=${threadCounts.join(',')}&repeats=${repeats}&batch=${batch}` +
    `&cores=${2 * Math.max(...threadCounts)}`;
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  const wait = Number(process.env.BENCH_WAIT_S ?? 480) * 1000;
  try {
    await page.waitForFunction(() => 'benchResults' in window, null, { timeout: wait });
  } catch (error) {
    throw new Error(
      `no result within ${wait / 1000} s; page errors:\n${[...new Set(problems)].join('\n')}`,
      { cause: error }
    );
  }
  const out = await page.evaluate(
    () => (window as unknown as { benchResults: unknown }).benchResults
  );
  await page.close();
  return out as { isolated: boolean; results: WorkerResult[] };
}

const torch = torchPeer(batch, repeats);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(
  `Lagrange–Dirac training step, batch ${batch}, MLP 8-256×4-1, ${repeats} timed steps per ` +
    `entry, ${rounds} rounds; ${cpus().length} cores; CSP ${csp}`
);
console.log(
  '\n| round | threads | Chromium worker median (ms) | threads used | PyTorch median (ms) | ratio |'
);
console.log('|---:|---:|---:|---:|---:|---:|');
const ratios = new Map<number, number[]>(threadCounts.map((n) => [n, []]));
let note = '';
try {
  for (let round = 1; round <= rounds; round++) {
    const page = await browserRound();
    for (const r of page.results) {
      if (r.error || !r.times) {
        console.log(`| ${round} | ${r.threads} | failed: ${r.error} | | | |`);
        continue;
      }
      const ours = median(r.times);
      if (r.threads <= 0) {
        console.log(`| ${round} | default | ${ours.toFixed(1)} | ${r.used} | | |`);
        continue;
      }
      const peer = torch(r.threads);
      ratios.get(r.threads)!.push(ours / peer.median);
      console.log(
        `| ${round} | ${r.threads} | ${ours.toFixed(1)} | ${r.used} | ${peer.median.toFixed(1)} | ` +
          `${(ours / peer.median).toFixed(2)} |`
      );
      note =
        `page crossOriginIsolated: ${page.isolated}, worker: ${r.isolated}, ` +
        `hardwareConcurrency ${r.cores}; loss at step 1: Chromium ` +
        `${r.loss?.toFixed(5)}, PyTorch ${peer.version} ${peer.loss.toFixed(5)}`;
    }
  }
  console.log('');
  for (const [n, list] of ratios) {
    if (list.length) console.log(`median ratio with ${n} thread(s): ${median(list).toFixed(2)}`);
  }
  console.log(note);
  if (problems.length) console.log(`page errors:\n${[...new Set(problems)].join('\n')}`);
} finally {
  await context.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
