import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { copyNodes, parseClipboard, pasteNodes } from '../../../../src/lib/editor/clipboard';

const doc = JSON.parse(readFileSync('graphs/persistence-of-points.json', 'utf8')) as GraphDocument;

describe('copy and paste of nodes', () => {
  it('copies only the edges that run between copied nodes', () => {
    const clip = copyNodes(doc, ['persistence', 'diagram']);
    expect(clip.nodes.map((n) => n.id)).toEqual(['persistence', 'diagram']);
    expect(clip.edges).toEqual([
      {
        from: { node: 'persistence', output: 'diagrams' },
        to: { node: 'diagram', input: 'diagrams' }
      }
    ]);
  });

  it('gives pasted nodes fresh ids, moves them and rewires their edges', () => {
    const clip = copyNodes(doc, ['points', 'persistence']);
    const taken = new Set(doc.nodes.map((n) => n.id));
    const pasted = pasteNodes(clip, taken, { x: 40, y: 40 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['points2', 'persistence2']);
    expect(pasted.nodes[0].position).toEqual({ x: 40, y: 120 });
    expect(pasted.nodes[0].params).toEqual(doc.nodes[0].params);
    expect(pasted.edges).toEqual([
      { from: { node: 'points2', output: 'clouds' }, to: { node: 'persistence2', input: 'clouds' } }
    ]);
  });

  it('keeps the ids of pasted nodes where they are free', () => {
    const clip = copyNodes(doc, ['persistence', 'barcode']);
    const pasted = pasteNodes(clip, new Set(['persistence']), { x: 0, y: 0 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['persistence2', 'barcode']);
    expect(pasted.edges).toEqual([
      {
        from: { node: 'persistence2', output: 'diagrams' },
        to: { node: 'barcode', input: 'diagrams' }
      }
    ]);
  });

  it('reads back its own text and refuses anything else', () => {
    const clip = copyNodes(doc, ['points']);
    expect(parseClipboard(JSON.stringify(clip))).toEqual(clip);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard(JSON.stringify(doc))).toBeNull();
  });
});
