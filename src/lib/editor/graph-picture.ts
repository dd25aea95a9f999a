import type { GraphDocument, GraphFrame, GraphNode } from '../graph/document';
import type { NodeType } from '../graph/node-type';
import { withSubgraphs } from '../graph/subgraph';
import { escapeXml } from '../plot/svg-text';
import { categoryColor } from './format';

const WIDTH = 300;
const HEADER = 44;
const ROW = 22;
const PAD = 40;

interface Placed {
  node: GraphNode;
  spec: NodeType | undefined;
  outputs: string[];
  inputs: string[];
  params: string[];
  height: number;
}

/**
 * A picture of the graph as SVG, drawn from the file alone: each node as a card with its
 * title, id, sockets and params, each edge as a curve from output to input. It is the picture
 * the PNG export saves, so it looks the same whatever the canvas shows at the moment.
 */
export function graphPicture(
  doc: GraphDocument,
  registered: (type: string) => NodeType | undefined
): { svg: string; width: number; height: number } {
  // Subgraph nodes get their sockets from the file's definitions, whatever lookup is passed.
  const lookup = withSubgraphs(registered, doc.subgraphs);
  const placed = new Map<string, Placed>();
  for (const node of doc.nodes) placed.set(node.id, place(node, lookup(node.type)));

  const boxes = [...placed.values()];
  const frames = doc.frames ?? [];
  const xs = [
    ...boxes.map((p) => [p.node.position.x, p.node.position.x + WIDTH]),
    ...frames.map((f) => [f.position.x, f.position.x + f.size.width])
  ];
  const ys = [
    ...boxes.map((p) => [p.node.position.y, p.node.position.y + p.height]),
    ...frames.map((f) => [f.position.y, f.position.y + f.size.height])
  ];
  const left = Math.min(0, ...xs.map(([a]) => a)) - PAD;
  const top = Math.min(0, ...ys.map(([a]) => a)) - PAD - 30;
  const right = Math.max(WIDTH, ...xs.map(([, b]) => b)) + PAD;
  const bottom = Math.max(0, ...ys.map(([, b]) => b)) + PAD;
  const width = Math.ceil(right - left);
  const height = Math.ceil(bottom - top);

  const parts: string[] = [
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="#eef1f5"/>`,
    `<text x="${left + PAD}" y="${top + 30}" font-size="18" font-weight="bold" fill="#1d232b">` +
      `${escapeXml(doc.title)}</text>`
  ];
  for (const frame of frames) parts.push(framePicture(frame));
  for (const edge of doc.edges) {
    const from = placed.get(edge.from.node);
    const to = placed.get(edge.to.node);
    if (!from || !to) continue;
    const a = socketPoint(from, 'output', edge.from.output);
    const b = socketPoint(to, 'input', edge.to.input);
    const bend = Math.max(40, Math.abs(b.x - a.x) / 2);
    parts.push(
      `<path d="M${a.x},${a.y} C${a.x + bend},${a.y} ${b.x - bend},${b.y} ${b.x},${b.y}" ` +
        `fill="none" stroke="#4682b4" stroke-width="4"/>`
    );
  }
  for (const box of boxes) parts.push(card(box));

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="${left} ${top} ${width} ${height}" font-family="sans-serif">${parts.join('')}</svg>`;
  return { svg, width, height };
}

/** A comment frame: its box, title and the first line of its text, all as escaped text. */
function framePicture(frame: GraphFrame): string {
  const { x, y } = frame.position;
  const { width, height } = frame.size;
  const firstLine = frame.text.split('\n')[0];
  return (
    `<g><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" ` +
    `fill="#94a3b8" fill-opacity="0.18" stroke="#94a3b8"/>` +
    `<text x="${x + 12}" y="${y + 22}" font-size="14" font-weight="bold" fill="#1d232b">` +
    `${escapeXml(frame.title)}</text>` +
    `<text x="${x + 12}" y="${y + 44}" font-size="12" fill="#5b6472">` +
    `${escapeXml(firstLine)}</text></g>`
  );
}

function place(node: GraphNode, spec: NodeType | undefined): Placed {
  const outputs = spec ? Object.keys(spec.outputs) : [];
  const inputs = spec ? Object.keys(spec.inputs) : [];
  const params = Object.entries(node.params).map(([k, v]) => `${k}: ${String(v)}`);
  const height = HEADER + (outputs.length + inputs.length + params.length) * ROW + 10;
  return { node, spec, outputs, inputs, params, height };
}

function socketPoint(box: Placed, side: 'input' | 'output', key: string) {
  const list = side === 'output' ? box.outputs : box.inputs;
  const before = side === 'output' ? 0 : box.outputs.length;
  const row = before + Math.max(0, list.indexOf(key));
  const { x, y } = box.node.position;
  return { x: side === 'output' ? x + WIDTH : x, y: y + HEADER + row * ROW + ROW / 2 };
}

function card(box: Placed): string {
  const { x, y } = box.node.position;
  const title = box.node.label || box.spec?.title || box.node.type;
  const accent = categoryColor(box.spec?.category ?? 'unknown');
  const line = (row: number, text: string, anchor: 'start' | 'end', colour = '#1d232b') => {
    const tx = anchor === 'end' ? x + WIDTH - 14 : x + 14;
    const ty = y + HEADER + row * ROW + 15;
    return `<text x="${tx}" y="${ty}" font-size="13" text-anchor="${anchor}" fill="${colour}">${escapeXml(text)}</text>`;
  };

  const parts = [
    `<rect x="${x}" y="${y}" width="${WIDTH}" height="${box.height}" rx="8" fill="#fff" ` +
      `stroke="#c9ccd3"/>`,
    `<rect x="${x}" y="${y}" width="${WIDTH}" height="4" fill="${accent}"/>`,
    `<text x="${x + 12}" y="${y + 22}" font-size="15" font-weight="bold" fill="#1d232b">` +
      `${escapeXml(title)}</text>`,
    `<text x="${x + 12}" y="${y + 38}" font-size="11" fill="#5b6472">${escapeXml(box.node.id)}</text>`
  ];
  let row = 0;
  for (const key of box.outputs) parts.push(socket(x + WIDTH, row), line(row++, key, 'end'));
  for (const key of box.inputs) parts.push(socket(x, row), line(row++, key, 'start'));
  for (const param of box.params) parts.push(line(row++, param, 'start', '#5b6472'));
  return `<g>${parts.join('')}</g>`;

  function socket(cx: number, r: number) {
    const cy = y + HEADER + r * ROW + ROW / 2;
    return `<circle cx="${cx}" cy="${cy}" r="6" fill="#0f9d8a" stroke="#fff" stroke-width="2"/>`;
  }
}
