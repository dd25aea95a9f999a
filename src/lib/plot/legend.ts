import { escapeXml, text } from './svg-text';

/** A rectangle in pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the legend must not cover: polylines and vertical spans (bands), in pixels. */
export interface Occupied {
  lines: Array<Array<[number, number]>>;
  /** [x, yTop, yBottom] of each band column. */
  spans: Array<[number, number, number]>;
}

const ROW = 16;
const PAD = 8;

/** The size in pixels of a legend box listing `names`, one per row. */
export function legendSize(names: string[]): { width: number; height: number } {
  const longest = Math.max(0, ...names.map((n) => n.length));
  return { width: 34 + longest * 6.5, height: names.length * ROW + 6 };
}

function hits(rect: Rect, used: Occupied): boolean {
  const inside = (x: number, y: number) =>
    x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
  for (const line of used.lines) {
    for (let i = 0; i < line.length; i++) {
      const [x, y] = line[i];
      if (inside(x, y)) return true;
      if (i === 0) continue;
      // Points along the segment, so that a long segment across the box counts too.
      const [px, py] = line[i - 1];
      const steps = Math.ceil(Math.hypot(x - px, y - py) / 4);
      for (let k = 1; k < steps; k++) {
        if (inside(px + ((x - px) * k) / steps, py + ((y - py) * k) / steps)) return true;
      }
    }
  }
  return used.spans.some(
    ([x, top, bottom]) =>
      x >= rect.left && x <= rect.right && bottom >= rect.top && top <= rect.bottom
  );
}

/**
 * The first corner of the plot frame (top right, top left, bottom right, bottom left) where a
 * legend of `size` covers no line and no band, or null when every corner holds data.
 */
export function freeCorner(
  box: Rect,
  size: { width: number; height: number },
  used: Occupied
): Rect | null {
  const right = { left: box.right - PAD - size.width, right: box.right - PAD };
  const left = { left: box.left + PAD, right: box.left + PAD + size.width };
  const top = { top: box.top + PAD, bottom: box.top + PAD + size.height };
  const bottom = { top: box.bottom - PAD - size.height, bottom: box.bottom - PAD };
  const corners = [
    { ...right, ...top },
    { ...left, ...top },
    { ...right, ...bottom },
    { ...left, ...bottom }
  ];
  return corners.find((rect) => !hits(rect, used)) ?? null;
}

/** The legend drawn in `rect`: a white box, then a coloured stroke and the name per row. */
export function drawLegend(rect: Rect, names: string[], colors: string[]): string[] {
  const parts = [
    `<rect class="legend" x="${rect.left}" y="${rect.top}" width="${rect.right - rect.left}" ` +
      `height="${rect.bottom - rect.top}" fill="#ffffff" fill-opacity="0.9" stroke="#d1d5db"/>`
  ];
  names.forEach((name, k) => {
    const y = rect.top + ROW * (k + 1);
    const x = rect.left + 6;
    parts.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 20}" y2="${y - 4}" ` +
        `stroke="${colors[k]}" stroke-width="3"/>`,
      `<g><title>${escapeXml(name)}</title>${text(x + 26, y, name, 'start', 11)}</g>`
    );
  });
  return parts;
}

/**
 * The legend laid out in one row per `width` pixels above the plot frame, for when no corner
 * is free: entries side by side, wrapping to new rows. Returns the rows it needs and the parts
 * once the row band's top is known.
 */
export function legendRows(names: string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 40 + name.length * 6.5;
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** The legend entries side by side from (left, top), wrapping within `width`. */
export function drawLegendAbove(
  left: number,
  top: number,
  width: number,
  names: string[],
  colors: string[]
): string[] {
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  names.forEach((name, k) => {
    const w = 40 + name.length * 6.5;
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    const y = top + ROW * (row + 1) - 4;
    parts.push(
      `<line x1="${left + x}" y1="${y - 4}" x2="${left + x + 20}" y2="${y - 4}" ` +
        `stroke="${colors[k]}" stroke-width="3"/>`,
      `<g><title>${escapeXml(name)}</title>${text(left + x + 26, y, name, 'start', 11)}</g>`
    );
    x += w;
  });
  return parts;
}
