import { NodeEditor } from 'rete';
import { describe, expect, it } from 'vitest';
import type { NodeType } from '../../../../src/lib/graph/node-type';
import {
  KumikiConnection,
  KumikiNode,
  type NodeHost
} from '../../../../src/lib/editor/kumiki-node.svelte';
import type { Schemes } from '../../../../src/lib/editor/schemes';
import { wireChoices } from '../../../../src/lib/editor/wiring';

/** A toy node type whose input and output carry the same type, so a chain could close a loop. */
const relay: NodeType = {
  type: 'toy/relay',
  version: 1,
  title: 'Relay',
  category: 'toy',
  description: 'Passes numbers on.',
  inputs: { x: { type: 'numbers' } },
  outputs: { y: { type: 'numbers' } },
  params: {},
  run: async (inputs) => ({ y: inputs.x })
};

const host = {} as NodeHost;

/** Relays a → b → c, with c's output left free and a fourth relay d standing apart. */
async function chain() {
  const editor = new NodeEditor<Schemes>();
  const make = (id: string) =>
    new KumikiNode({ id, typeId: relay.type, version: 1, spec: relay, host });
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(make);
  for (const node of [a, b, c, d]) await editor.addNode(node);
  await editor.addConnection(new KumikiConnection(a, 'y', b, 'x'));
  await editor.addConnection(new KumikiConnection(b, 'y', c, 'x'));
  return { editor, a, b, c, d };
}

const summary = (choices: ReturnType<typeof wireChoices>) =>
  choices.map((c) => `${c.kind} ${c.nodeId}.${c.socket}`);

describe('keyboard wiring choices', () => {
  it('offers an input only the outputs that would not close a cycle, and its own edge to remove', async () => {
    const { editor, b } = await chain();
    // b is fed by a; c lies downstream of b, so wiring c.y into b.x would close a loop.
    expect(summary(wireChoices(editor, b, 'input', 'x'))).toEqual([
      'connect d.y',
      'disconnect a.y'
    ]);
  });

  it('offers the head of a chain no output from its own downstream', async () => {
    const { editor, a } = await chain();
    expect(summary(wireChoices(editor, a, 'input', 'x'))).toEqual(['connect d.y']);
  });

  it('offers an output the free inputs it may feed and the edges it has', async () => {
    const { editor, c } = await chain();
    // a.x and d.x are free; a.x is upstream of c, so c.y → a.x would be a loop.
    expect(summary(wireChoices(editor, c, 'output', 'y'))).toEqual(['connect d.x']);
    const { editor: e2, a } = await chain();
    expect(summary(wireChoices(e2, a, 'output', 'y'))).toEqual(['connect d.x', 'disconnect b.x']);
  });
});
