import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { SentencePairs } from '../../src/lib/graph/values';

/** STS-B pairs as read from a tab-separated file: sentences and gold scores in [0, 5]. */
export interface StsbData {
  pairs: SentencePairs;
  scores: Float64Array;
}

/**
 * Parses the STS-B layout: one pair per line, fields separated by tabs only (quotes are part
 * of the text), score in the first field, the sentences in the second and third; further
 * fields are ignored. A first line starting with `score` is a header. Blank lines are skipped.
 * Errors name the file and the line.
 */
export function parseStsb(text: string, fileName: string, limit = 0): StsbData {
  const first: string[] = [];
  const second: string[] = [];
  const scores: number[] = [];
  const lines = text.split(/\r?\n/);

  for (let i = 0; i < lines.length; i++) {
    if (limit > 0 && scores.length >= limit) break;
    const line = lines[i];
    if (line.trim() === '' || (i === 0 && line.startsWith('score\t'))) continue;
    const fields = line.split('\t');
    if (fields.length < 3) {
      const message =
        `${fileName}, line ${i + 1}: expected at least 3 tab-separated fields ` +
        `(score, sentence 1, sentence 2); found ${fields.length}.`;
      throw new NodeInputError(message, 'file');
    }
    const score = Number(fields[0]);
    if (fields[0].trim() === '' || !Number.isFinite(score)) {
      const shown = JSON.stringify(fields[0].slice(0, 20));
      const message = `${fileName}, line ${i + 1}: the score ${shown} is not a number.`;
      throw new NodeInputError(message, 'file');
    }
    first.push(fields[1]);
    second.push(fields[2]);
    scores.push(score);
  }

  if (scores.length === 0) {
    const message =
      `${fileName} holds no sentence pairs; ` +
      'expected lines of "score<TAB>sentence 1<TAB>sentence 2".';
    throw new NodeInputError(message, 'file');
  }
  return { pairs: { first, second }, scores: Float64Array.from(scores) };
}

/**
 * The STS Benchmark (Cer et al., 2017): English sentence pairs with human similarity scores
 * from 0 to 5. The train and dev splits ship with Kumiki (data/stsb, with their license); any
 * file in the same tab-separated layout can be read instead.
 */
export const stsbNode: NodeType = {
  type: 'data/stsb',
  version: 1,
  title: 'STS-B pairs',
  category: 'data',
  description:
    'Sentence pairs with human similarity scores (0 to 5) from the STS Benchmark, ' +
    'or from any file in its tab-separated layout.',
  inputs: {},
  outputs: {
    pairs: { type: 'sentence-pairs', label: 'pairs' },
    scores: { type: 'numbers', label: 'scores' }
  },
  params: {
    split: {
      kind: 'enum',
      default: 'dev',
      options: ['dev', 'train'],
      help: 'The bundled split to read when no file is given.'
    },
    file: {
      kind: 'file',
      default: '',
      accept: '.tsv,.txt,.csv',
      help:
        'A tab-separated file (score, sentence 1, sentence 2, ...) ' +
        'to read instead of the bundled split.'
    },
    limit: {
      kind: 'integer',
      default: 0,
      min: 0,
      max: 1_000_000,
      help: 'Read only the first this many pairs; 0 reads them all.'
    }
  },
  async run(_inputs, params, context) {
    const file = String(params.file);
    const name = file === '' ? `stsb/${params.split}.tsv` : file;
    const source = file === '' ? context.assets : context.files;

    let bytes: Uint8Array;
    try {
      bytes = await source.read(name);
    } catch (error) {
      const message = `Could not read ${JSON.stringify(name)}: ${(error as Error).message}`;
      throw new NodeInputError(message, 'file');
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const data = parseStsb(text, name, Number(params.limit));
    context.progress(1);
    return { pairs: data.pairs, scores: data.scores };
  }
};
