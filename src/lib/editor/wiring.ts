import type { NodeEditor } from 'rete';
import { refusal } from './connection-guard';
import { KumikiConnection, type KumikiNode } from './kumiki-node.svelte';
import type { Schemes } from './schemes';

/** An input an output may be wired to from the keyboard. */
export interface WireTarget {
  nodeId: string;
  input: string;
  /** What the picker shows: the node's name and the input's name. */
  label: string;
}

/**
 * The inputs `source.output` may feed: same socket type, not yet fed, and no cycle made, in
 * the order the nodes were added. The same rules as wiring with the mouse (`refusal`).
 */
export function wireTargets(
  editor: NodeEditor<Schemes>,
  source: KumikiNode,
  output: string
): WireTarget[] {
  const fed = new Set(editor.getConnections().map((c) => `${c.target}\u0000${c.targetInput}`));
  const targets: WireTarget[] = [];
  for (const node of editor.getNodes()) {
    for (const input of Object.keys(node.inputs)) {
      if (fed.has(`${node.id}\u0000${input}`)) continue;
      if (refusal(editor, source, output, node, input) !== null) continue;
      const name = node.userLabel || node.label;
      targets.push({ nodeId: node.id, input, label: `${name} (${node.id}) · ${input}` });
    }
  }
  return targets;
}

/** Adds the edge `source.output` → `target`; undo takes it back like a drawn edge. */
export async function wire(
  editor: NodeEditor<Schemes>,
  source: KumikiNode,
  output: string,
  target: WireTarget
): Promise<boolean> {
  const node = editor.getNode(target.nodeId);
  if (!node) return false;
  return editor.addConnection(new KumikiConnection(source, output, node, target.input));
}
