import { describe, expect, it, vi } from 'vitest';
import type { KumikiNode } from '../../../../src/lib/editor/kumiki-node.svelte';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { RunController } from '../../../../src/lib/editor/run-controller.svelte';

/** Just what the run controller reads and writes of a canvas node. */
function canvasNode(id: string): KumikiNode {
  return { id, label: id, userLabel: '', run: { status: 'idle' } } as unknown as KumikiNode;
}

describe('run events on the canvas', () => {
  it('marks the node an event names at the top level', () => {
    const nodes = [canvasNode('persistence')];
    const run = new RunController(() => nodes);
    run.track({ kind: 'started', nodeId: 'persistence' });
    expect(nodes[0].run.status).toBe('running');
    run.track({ kind: 'finished', nodeId: 'persistence', ms: 12, cached: false });
    expect(nodes[0].run).toMatchObject({ status: 'done', ms: 12 });
  });

  it('leaves an inner node alone when a top-level node of the same id runs', () => {
    // Inside the opened subgraph "g1" the canvas shows its inner node "persistence"; the
    // top-level node "persistence" is another node.
    const nodes = [canvasNode('persistence')];
    const run = new RunController(() => nodes);
    run.level = 'g1';
    run.track({ kind: 'started', nodeId: 'persistence' });
    run.track({ kind: 'failed', nodeId: 'persistence', message: 'no points' });
    expect(nodes[0].run.status).toBe('idle');
    expect(run.log.at(-1)?.text).toContain('persistence failed: no points');
  });

  it('shows the run going on again on node views made anew mid-run', () => {
    // Grouping or undoing mid-run reloads the canvas: new node objects, all idle.
    let nodes = [canvasNode('stsb'), canvasNode('embed'), canvasNode('takens')];
    const run = new RunController(() => nodes);
    run.phase = 'running';
    run.track({ kind: 'queued', nodeId: 'takens' });
    run.track({ kind: 'started', nodeId: 'stsb' });
    run.track({ kind: 'finished', nodeId: 'stsb', ms: 40, cached: false });
    run.track({ kind: 'started', nodeId: 'embed' });
    run.track({ kind: 'progress', nodeId: 'embed', fraction: 0.25 });

    nodes = [canvasNode('stsb'), canvasNode('embed'), canvasNode('takens')];
    run.showEnded();
    expect(nodes.map((n) => n.run)).toEqual([
      { status: 'done', ms: 40 },
      { status: 'running', progress: 0.25, ms: undefined, message: undefined },
      { status: 'queued', ms: undefined }
    ]);
  });

  it('ends a run stopped before it reached the engine without starting one', async () => {
    const nodes = [canvasNode('stsb')];
    const run = new RunController(() => nodes);
    const doc = { title: 'Two clicks', nodes: [{ id: 'stsb' }] } as unknown as GraphDocument;

    const going = run.run(doc);
    expect(run.phase).toBe('running');
    await run.stop();
    await going;

    expect(run.phase).toBe('cancelled');
    expect(run.log.at(-1)?.text).toBe('Stopped before any node ran.');
    expect((run as unknown as { runner?: unknown }).runner).toBeUndefined();
  });

  it('finds the node of each event by id, without listing the canvas', () => {
    const nodes = new Map([['takens', canvasNode('takens')]]);
    const list = vi.fn(() => [...nodes.values()]);
    const run = new RunController(list, (id) => nodes.get(id));
    run.track({ kind: 'started', nodeId: 'takens' });
    run.track({ kind: 'progress', nodeId: 'takens', fraction: 0.5 });
    expect(nodes.get('takens')!.run).toMatchObject({ status: 'running', progress: 0.5 });
    expect(list).not.toHaveBeenCalled();
  });
});
