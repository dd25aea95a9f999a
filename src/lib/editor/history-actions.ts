import type { HistoryAction } from 'rete-history-plugin';
import type { ParamValue } from '../graph/node-type';
import type { KumikiNode } from './kumiki-node.svelte';

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
