import type { NodeEditor } from 'rete';
import type { HistoryPlugin } from 'rete-history-plugin';
import { refusal } from './connection-guard';
import { KumikiConnection, type KumikiNode } from './kumiki-node.svelte';
import type { Schemes } from './schemes';

/** Which side of its node a socket is on. */
export type SocketSide = 'input' | 'output';

/**
 * One thing the keyboard may do at a socket: make an edge to the socket `socket` of node
 * `nodeId` (`connect`), or remove the edge `edgeId` already there (`disconnect`).
 */
export interface WireChoice {
  kind: 'connect' | 'disconnect';
  nodeId: string;
  socket: string;
  /** For `disconnect`: the edge to remove. */
  edgeId?: string;
  /** What the picker shows: the other node's name and id and the other socket's name. */
  label: string;
}

/**
 * What the keyboard may do at socket `key` of `node`. From an output: wire it to an input of
 * the same type that nothing feeds yet. From an input: wire an output of the same type into
 * it (replacing the edge it has); nodes downstream of it are left out, as the edge would
 * close a cycle. Either way, the edges already at the socket may be removed. The rules are
 * those of wiring with the mouse (`refusal`); nodes come in the order they were added.
 */
export function wireChoices(
  editor: NodeEditor<Schemes>,
  node: KumikiNode,
  side: SocketSide,
  key: string
): WireChoice[] {
  const edges = editor.getConnections();
  const here = edges.filter((c) =>
    side === 'output'
      ? c.source === node.id && c.sourceOutput === key
      : c.target === node.id && c.targetInput === key
  );
  const choices: WireChoice[] = [];
  const add = (kind: WireChoice['kind'], other: KumikiNode, socket: string, edgeId?: string) => {
    const label = `${other.userLabel || other.label} (${other.id}) · ${socket}`;
    choices.push({ kind, nodeId: other.id, socket, label, ...(edgeId ? { edgeId } : {}) });
  };

  if (side === 'output') {
    const fed = new Set(edges.map((c) => `${c.target}\u0000${c.targetInput}`));
    for (const other of editor.getNodes()) {
      for (const input of Object.keys(other.inputs)) {
        if (fed.has(`${other.id}\u0000${input}`)) continue;
        if (refusal(editor, node, key, other, input) === null) add('connect', other, input);
      }
    }
  } else {
    const current = new Set(here.map((c) => `${c.source}\u0000${c.sourceOutput}`));
    for (const other of editor.getNodes()) {
      for (const output of Object.keys(other.outputs)) {
        if (current.has(`${other.id}\u0000${output}`)) continue;
        if (refusal(editor, other, output, node, key) === null) add('connect', other, output);
      }
    }
  }

  for (const c of here) {
    const other = editor.getNode(side === 'output' ? c.target : c.source);
    const socket = String(side === 'output' ? c.targetInput : c.sourceOutput);
    if (other) add('disconnect', other, socket, c.id);
  }
  return choices;
}

/**
 * Makes or removes the edge `choice` names at socket `key` of `node`, as one undo step. An
 * input takes one edge, so wiring into an input that has one replaces it.
 */
export async function applyWire(
  editor: NodeEditor<Schemes>,
  history: HistoryPlugin<Schemes>,
  node: KumikiNode,
  side: SocketSide,
  key: string,
  choice: WireChoice
): Promise<boolean> {
  history.separate();
  try {
    if (choice.kind === 'disconnect') {
      return choice.edgeId ? await editor.removeConnection(choice.edgeId) : false;
    }
    const other = editor.getNode(choice.nodeId);
    if (!other) return false;
    if (side === 'output') {
      return await editor.addConnection(new KumikiConnection(node, key, other, choice.socket));
    }
    const replaced = editor
      .getConnections()
      .filter((c) => c.target === node.id && c.targetInput === key);
    for (const c of replaced) await editor.removeConnection(c.id);
    return await editor.addConnection(new KumikiConnection(other, choice.socket, node, key));
  } finally {
    history.separate();
  }
}
