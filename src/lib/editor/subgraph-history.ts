import type { HistoryAction, HistoryPlugin } from 'rete-history-plugin';
import type { GraphDocument } from '../graph/document';
import type { Schemes } from './schemes';

/**
 * The history plugin's two stacks. The plugin keeps them private and clears them whenever the
 * editor is cleared; subgraphs reload the canvas inside an undo step and keep one history per
 * open level, so they reach the stacks here, and only here.
 */
interface Stacks {
  produced: unknown[];
  reserved: unknown[];
  active: boolean;
}

function stacksOf(history: HistoryPlugin<Schemes>): Stacks {
  return (history as unknown as { history: Stacks }).history;
}

/**
 * Runs `work` (which reloads the canvas) without changing the undo history: what the reload
 * recorded is dropped, and the stacks are put back in place, the same arrays, so an undo or
 * redo that is running `work` right now still files its step where it expects.
 */
export async function keepHistory<T>(
  history: HistoryPlugin<Schemes>,
  work: () => Promise<T>
): Promise<T> {
  const stacks = stacksOf(history);
  const { produced, reserved, active } = stacks;
  const saved = [[...produced], [...reserved]];
  stacks.active = true;
  try {
    return await work();
  } finally {
    produced.splice(0, produced.length, ...saved[0]);
    reserved.splice(0, reserved.length, ...saved[1]);
    Object.assign(stacks, { produced, reserved, active });
  }
}

/** The undo history of one canvas level, set aside while a subgraph is open. */
export interface HistoryStash {
  restore(): void;
}

/** Sets the current history aside; `restore` brings it back after the level is left. */
export function stashHistory(history: HistoryPlugin<Schemes>): HistoryStash {
  const stacks = stacksOf(history);
  const saved = { produced: [...stacks.produced], reserved: [...stacks.reserved] };
  return {
    restore() {
      Object.assign(stacks, { ...saved, active: false });
    }
  };
}

/**
 * A change of the whole canvas level (group, expand, an exposed param, a visit inside a
 * subgraph) that undo and redo replay by showing the graph before or after it.
 */
export class DocumentSwap implements HistoryAction {
  constructor(
    private readonly before: GraphDocument,
    private readonly after: GraphDocument,
    private readonly apply: (doc: GraphDocument) => Promise<void>
  ) {}

  async undo(): Promise<void> {
    await this.apply(this.before);
  }

  async redo(): Promise<void> {
    await this.apply(this.after);
  }
}
