import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stepSpec } from './step-spec';

/** One PyTorch timing of the training step (torch_step.py), in ms. */
export interface TorchTiming {
  loss: number;
  median: number;
  best: number;
  cpuMedian: number;
  threads: number;
  version: string;
}

/**
 * The PyTorch peer of the step benches: writes the network and batch of `stepSpec(batch)` to
 * a JSON file once, and returns a function that times `repeats` steps with a thread count.
 */
export function torchPeer(batch: number, repeats: number): (threads: number) => TorchTiming {
  const { layers, x, target } = stepSpec(batch);
  const specPath = join(mkdtempSync(join(tmpdir(), 'kumiki-bench-')), 'spec.json');
  const spec = {
    shapes: layers.map((l) => [l.inputs, l.outputs]),
    weights: layers.map((l) => l.weights),
    biases: layers.map((l) => l.bias),
    x: [...x],
    target: [...target],
    repeats
  };
  writeFileSync(specPath, JSON.stringify(spec));
  return (threads) => {
    const args = ['bench/mechanics/torch_step.py', specPath, String(threads)];
    const out = JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8' }));
    return { ...out.runs[0], version: out.torch };
  };
}
