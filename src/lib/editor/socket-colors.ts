import type { SocketType } from '../graph/values';

const COLORS: Record<SocketType, string> = {
  'sentence-pairs': '#3b82f6',
  'vector-pairs': '#8b5cf6',
  'cloud-pairs': '#10b981',
  'diagram-pairs': '#0d9488',
  numbers: '#f59e0b',
  correlation: '#ef4444',
  plot: '#ec4899',
  matrix: '#a16207',
  environment: '#16a34a',
  'rl-runs': '#e11d48',
  samples: '#0891b2',
  schedule: '#7c3aed',
  'noise-predictor': '#c2410c',
  trajectories: '#4d7c0f',
  'mechanics-model': '#65a30d'
};

/** The colour of a socket type, so that sockets that fit each other look alike. */
export function socketColor(type: SocketType | string): string {
  return COLORS[type as SocketType] ?? '#6b7280';
}
