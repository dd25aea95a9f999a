import type { RunStatus } from './kumiki-node.svelte';

/** A duration for people: `840 ms`, `3.2 s`, `2 min 5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** A number with a few significant digits, as a preview shows it. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) {
    return value.toExponential(2);
  }
  return Number(value.toPrecision(digits)).toString();
}

/** The words a node's status badge shows. */
export const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'idle',
  queued: 'queued',
  running: 'running',
  done: 'done',
  cached: 'cached',
  failed: 'failed',
  blocked: 'blocked',
  cancelled: 'stopped'
};

const CATEGORY_HUES: Record<string, number> = {
  data: 205,
  embedding: 265,
  embed: 265,
  topology: 160,
  analysis: 30,
  plot: 330,
  diffusion: 190,
  rl: 100,
  mechanics: 10
};

/** The accent colour of a node category, stable across sessions. */
export function categoryColor(category: string): string {
  const key = category.toLowerCase();
  let hue = CATEGORY_HUES[key];
  if (hue === undefined) {
    hue = 0;
    for (const char of key) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  }
  return `hsl(${hue} 55% 42%)`;
}
