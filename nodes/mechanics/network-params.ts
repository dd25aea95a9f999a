import type { NumberParam } from '../../src/lib/graph/node-type';

/** The params shared by the two training nodes of the mechanics family. */
export const TRAIN_SPECS = {
  hiddenLayers: {
    kind: 'integer',
    default: 2,
    min: 1,
    max: 8,
    help: 'Number of tanh hidden layers (the reference study uses 4).'
  },
  hiddenWidth: {
    kind: 'integer',
    default: 64,
    min: 1,
    max: 1024,
    help: 'Units per hidden layer (the reference study uses 256).'
  },
  steps: { kind: 'integer', default: 2000, min: 1, max: 1_000_000, help: 'Adam steps.' },
  batch: {
    kind: 'integer',
    default: 256,
    min: 1,
    max: 65_536,
    help: 'Samples per step, drawn from a fresh shuffle each pass over the data.'
  },
  learningRate: {
    kind: 'number',
    default: 1e-3,
    min: 0,
    max: 1,
    help: 'Adam learning rate (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, as PyTorch).'
  }
} satisfies Record<string, NumberParam>;
