import type { Canvas } from './canvas';
import { LabelAction, ParamAction, recordStep } from './history-actions';
import type { KumikiNode, NodeHost } from './kumiki-node.svelte';
import { applyWire, wireChoices } from './wiring';
import { bytesOrSize } from './files';

/** What node edits need from the page: the canvas, the engine's file store and a change hook. */
export interface EditDeps {
  canvas(): Canvas;
  /** A picked file's bytes, or only its size when it is over the engine's bound. */
  putFile(name: string, bytes: Uint8Array | number): Promise<void>;
  /** A param (which changes results) or a label (which does not) was edited. */
  changed(kind: 'params' | 'label'): void;
}

/**
 * The node host: param and label edits go through undo history, mark the node and what
 * depends on it as stale, and save the draft; a picked file goes to the engine worker and
 * its name into the param.
 */
export function createNodeHost(deps: EditDeps): NodeHost {
  const afterEdit = (node: KumikiNode) => {
    markStale(deps.canvas(), node);
    deps.changed('params');
  };
  const afterLabel = () => deps.changed('label');

  const host: NodeHost = {
    setParam(node, key, value) {
      const before = node.params[key];
      if (before === value) return;
      recordStep(deps.canvas().history, new ParamAction(node, key, before, value, afterEdit));
      node.params = { ...node.params, [key]: value };
      afterEdit(node);
    },
    setLabel(node, label) {
      if (node.userLabel === label) return;
      recordStep(deps.canvas().history, new LabelAction(node, node.userLabel, label, afterLabel));
      node.userLabel = label;
      afterLabel();
    },
    async pickFile(node, key, file) {
      await deps.putFile(file.name, await bytesOrSize(file));
      host.setParam(node, key, file.name);
    },
    wireChoices: (node, side, key) => wireChoices(deps.canvas().editor, node, side, key),
    async wire(node, side, key, choice) {
      const { editor, history } = deps.canvas();
      await applyWire(editor, history, node, side, key, choice);
    }
  };
  return host;
}

/** Marks a node and everything downstream of it as no longer showing its current params. */
export function markStale(canvas: Canvas, node: KumikiNode): void {
  const { editor } = canvas;
  const stack = [node.id];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);

    const current = editor.getNode(id);
    if (current && current.run.status !== 'running') {
      current.run = { status: 'idle', ms: current.run.ms };
    }
    for (const c of editor.getConnections()) if (c.source === id) stack.push(c.target);
  }
}
