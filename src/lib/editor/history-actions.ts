import type { HistoryAction, HistoryPlugin } from 'rete-history-plugin';
import type { SweepSpec } from '../graph/document';
import type { ParamValue } from '../graph/node-type';
import type { KumikiNode } from './kumiki-node.svelte';
import type { Schemes } from './schemes';

/**
 * Records `action` as an undo step of its own. The history otherwise undoes together all
 * actions less than 200 ms apart, which suits a node drag but not two quick edits of a form.
 */
export function recordStep(history: HistoryPlugin<Schemes>, action: HistoryAction): void {
  history.separate();
  history.add(action);
  history.separate();
}

/** A param edit that undo and redo can take back and replay. */
export class ParamAction implements HistoryAction {
  constructor(
    private readonly node: KumikiNode,
    private readonly key: string,
    private readonly before: ParamValue,
    private readonly after: ParamValue,
    private readonly changed: (node: KumikiNode) => void
  ) {}

  undo(): void {
    this.node.params = { ...this.node.params, [this.key]: this.before };
    this.changed(this.node);
  }

  redo(): void {
    this.node.params = { ...this.node.params, [this.key]: this.after };
    this.changed(this.node);
  }
}

/** A label edit that undo and redo can take back and replay. */
export class LabelAction implements HistoryAction {
  constructor(
    private readonly node: KumikiNode,
    private readonly before: string,
    private readonly after: string,
    private readonly changed: (node: KumikiNode) => void
  ) {}

  undo(): void {
    this.node.userLabel = this.before;
    this.changed(this.node);
  }

  redo(): void {
    this.node.userLabel = this.after;
    this.changed(this.node);
  }
}

/** A change of the graph's sweep (added, edited or removed) that undo and redo can replay. */
export class SweepAction implements HistoryAction {
  constructor(
    private readonly before: SweepSpec | undefined,
    private readonly after: SweepSpec | undefined,
    private readonly apply: (sweep: SweepSpec | undefined) => void
  ) {}

  undo(): void {
    this.apply(this.before);
  }

  redo(): void {
    this.apply(this.after);
  }
}

/** Where nodes stood, by node id. */
export type Positions = Map<string, { x: number; y: number }>;

/**
 * A move of several nodes at once (an arrange, a held arrow key) that undo and redo can take
 * back and replay.
 */
export class MoveAction implements HistoryAction {
  constructor(
    private readonly before: Positions,
    private after: Positions,
    private readonly place: (positions: Positions) => Promise<void>
  ) {}

  /** Moves where the step ends: a held arrow key goes on moving the same nodes. */
  extend(after: Positions): void {
    this.after = after;
  }

  async undo(): Promise<void> {
    await this.place(this.before);
  }

  async redo(): Promise<void> {
    await this.place(this.after);
  }
}
