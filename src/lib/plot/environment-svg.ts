import type { Environment, EnvironmentPlot } from '../graph/values';
import { escapeXml, svgDocument, text } from './svg-text';

const CELL_FILL = ['#ffffff', '#374151', '#fca5a5'];
const PATH = '#2563eb';

/**
 * Draws an environment: a grid as cells (walls dark, cliffs red, start S, goals G, wind as
 * arrows under the columns) or a graph as labelled states joined by arrows carrying their
 * rewards; the plot's path of states is drawn on top as a blue line.
 */
export function environmentToSvg(plot: EnvironmentPlot, width: number, height: number): string {
  const notes = plot.notes ?? [];
  const parts = [`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`];
  parts.push(text(width / 2, 20, plot.title, 'middle', 15, 'bold'));
  notes.forEach((note, i) => parts.push(text(width / 2, 38 + i * 16, note, 'middle', 12)));
  const box = { left: 24, right: width - 24, top: 46 + notes.length * 16, bottom: height - 28 };
  const env = plot.environment;
  const centre =
    env.layout.kind === 'grid' ? drawGrid(env, box, parts) : drawGraph(env, box, parts);

  const points = Array.from(plot.path, (s) =>
    centre(s)
      .map((v) => v.toFixed(1))
      .join(',')
  );
  if (points.length > 1) {
    parts.push(
      `<polyline class="path" points="${points.join(' ')}" fill="none" stroke="${PATH}" ` +
        'stroke-width="3" stroke-opacity="0.8" stroke-linejoin="round"/>'
    );
  }
  return svgDocument(width, height, plot.title, parts);
}

type Box = { left: number; right: number; top: number; bottom: number };
type Centre = (state: number) => [number, number];

function drawGrid(env: Environment, box: Box, parts: string[]): Centre {
  if (env.layout.kind !== 'grid') throw new Error('drawGrid needs a grid layout.');
  const { rows, cols, cells, state, wind } = env.layout;
  const size = Math.min((box.right - box.left) / cols, (box.bottom - box.top - 16) / rows);
  const left = (box.left + box.right - size * cols) / 2;
  const where = new Map<number, [number, number]>();
  for (let k = 0; k < rows * cols; k++) {
    const x = left + (k % cols) * size;
    const y = box.top + Math.floor(k / cols) * size;
    const s = state[k];
    const title = escapeXml(s >= 0 ? env.stateNames[s] : 'wall');
    parts.push(
      `<rect class="cell" x="${x}" y="${y}" width="${size}" height="${size}" ` +
        `fill="${CELL_FILL[cells[k]]}" stroke="#9ca3af"><title>${title}</title></rect>`
    );
    if (s < 0) continue;
    where.set(s, [x + size / 2, y + size / 2]);
    const mark = s === env.start ? 'S' : env.terminal[s] ? 'G' : '';
    if (mark)
      parts.push(
        text(x + size / 2, y + size / 2 + 5, mark, 'middle', Math.min(14, size / 2), 'bold')
      );
  }
  if (wind) {
    wind.forEach((w, c) =>
      parts.push(
        text(left + (c + 0.5) * size, box.top + rows * size + 13, w ? `↑${w}` : '', 'middle', 11)
      )
    );
  }
  return (s) => where.get(s) ?? [0, 0];
}

function drawGraph(env: Environment, box: Box, parts: string[]): Centre {
  if (env.layout.kind !== 'graph') throw new Error('drawGraph needs a graph layout.');
  const { x, y } = env.layout;
  // Reduced, not spread: Math.min(...v) overflows the call stack on graphs of ~100 000 states.
  const span = (v: Float64Array) => [
    v.reduce((lo, t) => Math.min(lo, t), Infinity),
    v.reduce((hi, t) => Math.max(hi, t), -Infinity)
  ];
  const [x0, x1] = span(x);
  const [y0, y1] = span(y);
  const px = (s: number) =>
    box.left + 30 + ((x[s] - x0) / (x1 - x0 || 1)) * (box.right - box.left - 60);
  const py = (s: number) =>
    box.top + 30 + ((y[s] - y0) / (y1 - y0 || 1)) * (box.bottom - box.top - 60);
  const centre: Centre = (s) => [px(s), py(s)];

  parts.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" ' +
      'markerWidth="6" markerHeight="6" orient="auto">' +
      '<path d="M0,0L10,5L0,10z" fill="#6b7280"/></marker></defs>'
  );
  for (let s = 0; s < env.stateCount; s++) {
    for (let a = 0; a < env.actionsIn[s]; a++) {
      const t = env.next[s * env.actionCount + a];
      const [ax, ay] = centre(s);
      const [bx, by] = centre(t);
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const [nx, ny] = [(-(by - ay) / len) * 5, ((bx - ax) / len) * 5];
      const [ux, uy] = [((bx - ax) / len) * 16, ((by - ay) / len) * 16];
      parts.push(
        `<line class="edge" x1="${ax + ux + nx}" y1="${ay + uy + ny}" ` +
          `x2="${bx - ux + nx}" y2="${by - uy + ny}" stroke="#9ca3af" marker-end="url(#arrow)"/>`
      );
      const reward = env.reward[s * env.actionCount + a];
      // An edge with reward noise of its own shows its variance after the mean reward.
      const own = env.rewardVariances?.[s * env.actionCount + a];
      const label =
        own === undefined || own === env.rewardVariance ? `${reward}` : `${reward} σ²${own}`;
      parts.push(text((ax + bx) / 2 + nx * 2.4, (ay + by) / 2 + ny * 2.4 + 4, label, 'middle', 10));
    }
  }
  for (let s = 0; s < env.stateCount; s++) {
    const fill = s === env.start ? '#bfdbfe' : env.terminal[s] ? '#bbf7d0' : '#f3f4f6';
    parts.push(
      `<circle class="state" cx="${px(s)}" cy="${py(s)}" r="15" fill="${fill}" stroke="#374151"/>`
    );
    parts.push(text(px(s), py(s) + 4, env.stateNames[s], 'middle', 11));
  }
  return centre;
}
