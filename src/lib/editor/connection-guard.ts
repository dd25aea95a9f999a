import type { NodeEditor } from 'rete';
import { canConnect } from '../graph/sockets';
import type { KumikiNode } from './kumiki-node.svelte';
import type { Schemes } from './schemes';

/** Why a proposed edge from `source.output` to `target.input` may not be made, if it may not. */
export function refusal(
  editor: NodeEditor<Schemes>,
  source: KumikiNode,
  output: string,
  target: KumikiNode,
  input: string
): string | null {
  const from = source.outputs[output]?.socket;
  const to = target.inputs[input]?.socket;
  if (!from || !to) return `The socket "${output}" or "${input}" does not exist.`;

  const where = `${describe(source)} (${output}) → ${describe(target)} (${input})`;
  const check = canConnect(from.type, to.type);
  if (!check.ok) return `${where}: ${check.reason}`;

  if (source.id === target.id || reaches(editor, target.id, source.id)) {
    return `${where}: this edge would make a cycle; a graph runs each node once, in order.`;
  }
  return null;
}

/**
 * Refuses every new edge whose socket types differ or which would close a cycle, and tells
 * `refused` why in a sentence the canvas shows.
 */
export function guardConnections(
  editor: NodeEditor<Schemes>,
  refused: (reason: string) => void
): void {
  editor.addPipe((context) => {
    if (context.type !== 'connectioncreate') return context;

    const { source, sourceOutput, target, targetInput } = context.data;
    const from = editor.getNode(source);
    const to = editor.getNode(target);
    if (!from || !to) return context;

    const reason = refusal(editor, from, String(sourceOutput), to, String(targetInput));
    if (reason === null) return context;
    refused(reason);
    return undefined;
  });
}

function describe(node: KumikiNode): string {
  return node.userLabel ? `"${node.userLabel}"` : `"${node.label}"`;
}

function reaches(editor: NodeEditor<Schemes>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === to) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const c of editor.getConnections()) if (c.source === current) stack.push(c.target);
  }
  return false;
}
