import type { GraphDocument } from '../graph/document';
import type { Runner } from '../../worker/client';
import { RunController } from './run-controller.svelte';

/** The outputs of the last run, by node id and output name. */
export type RunOutputs = Record<string, Record<string, unknown>>;

/**
 * A RunController that also keeps every node's outputs from the last run, so the inspector can
 * show and export them at full size. It sees the outputs by wrapping the engine handle, which
 * leaves the run controller itself untouched.
 */
export class InspectedRun extends RunController {
  outputs: RunOutputs = $state.raw({});
  private wrapped: Runner | undefined;

  override get engine(): Runner {
    const inner = super.engine;
    this.wrapped ??= {
      run: async (doc, onEvent, only) => {
        const summary = await inner.run(doc, onEvent, only);
        this.outputs = summary.outputs;
        return summary;
      },
      runSweepCell: (doc, index, onEvent) => inner.runSweepCell(doc, index, onEvent),
      cancel: () => inner.cancel(),
      putFile: (name, bytes) => inner.putFile(name, bytes),
      dispose: () => inner.dispose()
    };
    return this.wrapped;
  }

  override async run(doc: GraphDocument, only?: string[]): Promise<void> {
    if (this.phase !== 'running') this.outputs = {};
    await super.run(doc, only);
  }

  override async reset(): Promise<void> {
    this.outputs = {};
    await super.reset();
  }
}
