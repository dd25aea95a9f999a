/** Anchor colours of a perceptually ordered dark-blue → teal → yellow scale. */
const ANCHORS: Array<[number, number, number]> = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37]
];

/** The colour of t in [0, 1] on the scale, as `rgb(r,g,b)`; grey for NaN. */
export function scaleColor(t: number): string {
  if (!Number.isFinite(t)) return 'rgb(209,213,219)';
  const x = Math.min(1, Math.max(0, t)) * (ANCHORS.length - 1);
  const i = Math.min(ANCHORS.length - 2, Math.floor(x));
  const f = x - i;
  const mix = (k: number) => Math.round(ANCHORS[i][k] + f * (ANCHORS[i + 1][k] - ANCHORS[i][k]));
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}

/** Black or white, whichever reads better on the scale colour of t. */
export function textColorOn(t: number): string {
  return Number.isFinite(t) && t > 0.55 ? '#111827' : '#ffffff';
}
