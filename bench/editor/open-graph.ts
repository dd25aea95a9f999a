/**
 * How the editor copes with a large graph, in headless Chromium: the time to open a generated
 * 1000-node graph (dropped onto the canvas as a file), the longest main-thread task meanwhile
 * (PerformanceObserver "longtask"), and the frame time while dragging a node in it against a
 * 10-node graph in the same run. Prints figures and ratios; it is not a test.
 *
 * Needs a build: `npm run build`, then `npx tsx bench/editor/open-graph.ts [nodes]`. It serves
 * build/ itself with `vite preview` on 127.0.0.1:5377.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { longTaskParts } from './long-tasks';

const PORT = 5377;
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  ...(process.env.KUMIKI_TRACE_FILE ? ['disabled-by-default-v8.cpu_profiler'] : [])
];
const BIG = Number(process.argv[2] ?? 1000);
const SMALL = 10;
const DRAGS = 3;

/** A graph of `count` nodes: chains of point cloud → persistence → diagram plot on a grid. */
function generatedGraph(count: number) {
  const nodes = [];
  const edges = [];
  const columns = 12;
  for (let i = 0; i < count; i++) {
    const step = i % 3;
    const type = ['data/points', 'topology/persistence', 'plot/diagram'][step];
    const params =
      step === 0
        ? { file: '', format: 'auto', sample: 'circle' }
        : step === 1
          ? { maxDimension: 1, threshold: 0, metric: 'euclidean' }
          : { which: 'first', index: 0, style: 'diagram', title: `plot ${i}` };
    const position = { x: (i % columns) * 380, y: Math.floor(i / columns) * 420 };
    nodes.push({ id: `n${i}`, type, version: 1, params, position });
    if (step > 0) {
      const [output, input] = step === 1 ? ['clouds', 'clouds'] : ['diagrams', 'diagrams'];
      edges.push({ from: { node: `n${i - 1}`, output }, to: { node: `n${i}`, input } });
    }
  }
  return {
    format: 'kumiki-graph',
    version: 1,
    title: `Generated graph of ${count} nodes`,
    seed: 1,
    nodes,
    edges,
    view: { x: 40, y: 40, zoom: 0.6 }
  };
}

interface OpenFigures {
  openMs: number;
  /** Node views mounted once open, of all the nodes. */
  mounted: number;
  longestTaskMs: number;
  longTasks: number;
}

/** Drops the graph file onto the canvas and waits until every node is on screen. */
async function openGraph(page: Page, count: number): Promise<OpenFigures> {
  const text = JSON.stringify(generatedGraph(count));
  return page.evaluate(
    async ([fileText, expected]) => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      const transfer = new DataTransfer();
      transfer.items.add(new File([fileText], 'big.json', { type: 'application/json' }));
      const stage = document.querySelector('[aria-label="Graph canvas"]')!;
      const start = performance.now();
      stage.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      // Open means: every node and edge is on the canvas and every node near the view is
      // mounted (virtual-nodes.ts writes these counts on the canvas element).
      const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')!;
      const edgesWanted = expected - Math.ceil(expected / 3);
      const open = () =>
        canvas.dataset.nodes === String(expected) &&
        canvas.dataset.edges === String(edgesWanted) &&
        canvas.dataset.pending === '0';
      while (!open()) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const openMs = performance.now() - start;
      await new Promise((r) => setTimeout(r, 300));
      return {
        openMs,
        longestTaskMs: Math.max(0, ...w.longTasks),
        longTasks: w.longTasks.length,
        mounted: document.querySelectorAll('[data-testid="node"]').length
      };
    },
    [text, count] as const
  );
}

/** Drags one node in small steps and returns the mean and worst frame interval meanwhile. */
async function dragCost(page: Page): Promise<{ meanFrameMs: number; worstFrameMs: number }> {
  const title = page.locator('[data-node-id="n0"] .title');
  const box = (await title.boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; recording: boolean };
    w.frames = [];
    w.recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.frames.push(now - last);
      last = now;
      if (w.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 10, box.y + 5);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + 10 + i * 4, box.y + 5 + i * 2);
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { frames: number[]; recording: boolean };
    w.recording = false;
    const frames = w.frames.slice(1);
    const mean = frames.reduce((s, f) => s + f, 0) / frames.length;
    return { meanFrameMs: mean, worstFrameMs: Math.max(...frames) };
  });
}

async function measure(browser: Browser, page: Page, count: number) {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('[data-testid="node"]');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const discard = page.getByRole('button', { name: /Discard/ });
  if (await discard.isVisible()) await discard.click();
  // An experiment's extra CSS (say, to see what hiding a part of the page saves).
  if (process.env.KUMIKI_CSS) await page.addStyleTag({ content: process.env.KUMIKI_CSS });
  const what = process.env.KUMIKI_PROFILE;
  const profiler = what ? await page.context().newCDPSession(page) : null;
  if (profiler && what !== 'drag' && what !== 'run') {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const trace = process.env.KUMIKI_TRACE === 'open' && count === BIG;
  if (trace)
    await browser.startTracing(page, {
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline']
    });
  const open = await openGraph(page, count);
  if (trace)
    for (const line of longTaskParts((await browser.stopTracing()).toString(), 50))
      console.log(line);
  if (profiler && what !== 'drag' && what !== 'run')
    printHotSpots((await profiler.send('Profiler.stop')).profile);
  if (profiler && what === 'drag' && count === BIG) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
    await dragCost(page);
    printHotSpots((await profiler.send('Profiler.stop')).profile);
  }
  const traceDrag = process.env.KUMIKI_TRACE === 'drag';
  if (traceDrag) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // The median of three drags: a single one swings with whatever else the machine does.
  const drags = [];
  for (let i = 0; i < DRAGS; i++) drags.push(await dragCost(page));
  const drag = drags.sort((a, b) => a.meanFrameMs - b.meanFrameMs)[Math.floor(DRAGS / 2)];
  if (traceDrag) {
    const json = (await browser.stopTracing()).toString();
    if (process.env.KUMIKI_TRACE_FILE)
      writeFileSync(`${process.env.KUMIKI_TRACE_FILE}.${count}`, json);
  }
  const traceRun = process.env.KUMIKI_TRACE === 'run' && count === BIG;
  if (traceRun) {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    // Starting the sampling profiler stalls the page once; let that pass before the click.
    if (process.env.KUMIKI_TRACE_FILE) await page.waitForTimeout(1000);
  }
  const profileRun = profiler && what === 'run' && count === BIG;
  if (profileRun) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const run = count === BIG ? await runCost(page) : null;
  if (profileRun) printHotSpots((await profiler.send('Profiler.stop')).profile);
  if (traceRun) {
    const json = (await browser.stopTracing()).toString();
    if (process.env.KUMIKI_TRACE_FILE) writeFileSync(process.env.KUMIKI_TRACE_FILE, json);
    for (const line of longTaskParts(json, 50)) console.log(line);
  }
  return { count, ...open, ...drag, run };
}

/**
 * Runs the open graph in the worker (Run button) and returns the longest main-thread task
 * from the click until the run has ended and its results are shown.
 */
async function runCost(
  page: Page
): Promise<{ runMs: number; longestTaskMs: number; longTasks: number }> {
  const stop = page.getByTestId('stop-button');
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const start = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await stop.waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="stop-button"]') as HTMLButtonElement).disabled,
    undefined,
    { timeout: 600_000, polling: 200 }
  );
  const runMs = Date.now() - start;
  await page.waitForTimeout(500);
  return page.evaluate((ms) => {
    const tasks = (window as unknown as { longTasks: number[] }).longTasks;
    return { runMs: ms, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length };
  }, runMs);
}

/** Prints the functions with the most self time in a CPU profile (KUMIKI_PROFILE=1). */
function printHotSpots(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}) {
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + deltas[i]));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, us] of top) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

async function main() {
  // Started with node itself (not npx), so that killing it stops the server.
  const vite = 'node_modules/vite/bin/vite.js';
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', `${PORT}`, '--strictPort'],
    { stdio: 'ignore' }
  );
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: process.env.KUMIKI_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader']
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx names inner functions with a helper the page lacks; give the page a stand-in.
    await context.addInitScript('globalThis.__name = (f) => f;');
    await context.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const rows = [];
    for (const count of [SMALL, BIG])
      rows.push(await measure(browser, await context.newPage(), count));
    await browser.close();

    const fmt = (v: number) => v.toFixed(1).padStart(9);
    console.log(
      'nodes  mounted    open ms  longest task ms  long tasks  drag frame ms (mean / worst)'
    );
    for (const r of rows) {
      console.log(
        `${String(r.count).padStart(5)} ${String(r.mounted).padStart(8)} ${fmt(r.openMs)} ${fmt(r.longestTaskMs)}        ` +
          `${String(r.longTasks).padStart(4)}     ${fmt(r.meanFrameMs)} / ${fmt(r.worstFrameMs)}`
      );
    }
    const [small, big] = rows;
    if (big.run) {
      console.log(
        `run of the ${BIG}-node graph in the worker: ${(big.run.runMs / 1000).toFixed(1)} s, ` +
          `longest main-thread task ${big.run.longestTaskMs.toFixed(0)} ms, ` +
          `${big.run.longTasks} tasks over 50 ms`
      );
    }
    console.log(
      `drag frame time ${BIG} vs ${SMALL} nodes: ${(big.meanFrameMs / small.meanFrameMs).toFixed(2)}×`
    );
  } finally {
    server.kill();
  }
}

async function waitForServer() {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`vite preview did not answer on port ${PORT}.`);
}

await main();
