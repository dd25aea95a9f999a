/**
 * The unigram tokenizer of the Universal Sentence Encoder lite: text is split into the pieces of
 * a SentencePiece-style vocabulary by a Viterbi search for the segmentation whose summed piece
 * scores (log probabilities) are largest (Kudo 2018, "Subword Regularization").
 *
 * The segmentation follows the tokenizer published with the TensorFlow.js model, so the ids are
 * the ones the model was served with, including that tokenizer's conventions noted below.
 */

/** One vocabulary entry as stored in `vocab.json`: the piece and its score. */
export type VocabEntry = [piece: string, score: number];

/** The id of the unknown piece, given to characters that no piece covers. */
export const UNKNOWN_ID = 0;

/** Ids 0 to 5 are the unknown piece, `<s>`, `</s>` and three spares; text never matches them. */
const RESERVED_COUNT = 6;

/** The word-boundary marker (U+2581, lower one eighth block) that stands for a space. */
export const SPACE_MARKER = '\u2581';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The id of the piece that ends here, or -1 when none does. */
  id: number;
}

/**
 * Normalises text the way the model expects: Unicode NFKC, then a marker at the start and in
 * place of every space. Only U+0020 becomes the marker, as in the published tokenizer; tabs
 * and line breaks stay and usually encode as the unknown piece.
 */
export function normalizeText(text: string): string {
  const normalized = text.normalize('NFKC');
  if (normalized.length === 0) return '';

  return SPACE_MARKER + normalized.replaceAll(' ', SPACE_MARKER);
}

/** Splits text into vocabulary ids with a Viterbi search over a trie of the pieces. */
export class UnigramTokenizer {
  private readonly root: TrieNode = { children: new Map(), id: -1 };
  private readonly scores: Float64Array;
  /** Piece lengths in code points, used to walk back along the best path. */
  private readonly lengths: Int32Array;

  /** Builds the trie; when a piece appears twice, the later entry wins. */
  constructor(vocabulary: readonly VocabEntry[]) {
    this.scores = new Float64Array(vocabulary.length);
    this.lengths = new Int32Array(vocabulary.length);

    vocabulary.forEach(([piece, score], id) => {
      this.scores[id] = score;
      this.lengths[id] = Array.from(piece).length;
      if (id >= RESERVED_COUNT && piece.length > 0) this.insert(piece, id);
    });

    this.lengths[UNKNOWN_ID] = 1;
  }

  /** The vocabulary ids of `text`; an empty text gives no ids. */
  encode(text: string): number[] {
    const symbols = Array.from(normalizeText(text));
    const count = symbols.length;

    // best[i] is the score of the best segmentation of the first i symbols and last[i] the id of
    // its final piece. As in the published tokenizer a score of exactly 0 counts as "not reached
    // yet" and ties go to the piece that starts later, which keeps the ids identical to it.
    const best = new Float64Array(count + 1);
    const last = new Int32Array(count + 1);

    for (let start = 0; start < count; start++) {
      this.relaxFrom(symbols, start, best, last);
    }

    const ids: number[] = [];
    for (let end = count; end > 0; end -= this.lengths[last[end]]) {
      ids.push(last[end]);
    }
    ids.reverse();

    return mergeUnknownRuns(ids);
  }

  private insert(piece: string, id: number): void {
    let node = this.root;
    for (const symbol of piece) {
      let child = node.children.get(symbol);
      if (!child) {
        child = { children: new Map(), id: -1 };
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
  }

  /** Offers every piece that starts at `start` as the last piece of the text up to its end. */
  private relaxFrom(symbols: string[], start: number, best: Float64Array, last: Int32Array) {
    let node = this.root.children.get(symbols[start]);
    let matched = false;

    for (let end = start + 1; node; end++) {
      if (node.id >= 0) {
        matched = true;
        offer(best, last, end, best[start] + this.scores[node.id], node.id);
      }
      node = end < symbols.length ? node.children.get(symbols[end]) : undefined;
    }

    // A symbol no piece starts with becomes one unknown piece scored 0.
    if (!matched) offer(best, last, start + 1, best[start], UNKNOWN_ID);
  }
}

function offer(best: Float64Array, last: Int32Array, end: number, score: number, id: number) {
  if (best[end] === 0 || score >= best[end]) {
    best[end] = score;
    last[end] = id;
  }
}

/** Collapses each run of consecutive unknown ids into one. */
function mergeUnknownRuns(ids: number[]): number[] {
  return ids.filter((id, i) => !(id === UNKNOWN_ID && ids[i - 1] === UNKNOWN_ID));
}
