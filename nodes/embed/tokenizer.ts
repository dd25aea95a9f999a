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
  /** The longest piece in code points: a token never covers more symbols than this. */
  private readonly longest: number;
  /**
   * Whether every piece holding the space marker holds it first only. Then no piece reaches
   * across a space, every segmentation breaks before each marker, and text can be tokenized
   * word by word with the same result as in one pass (see encodePrefix).
   */
  private readonly breaksAtSpaces: boolean;

  /** Builds the trie; when a piece appears twice, the later entry wins. */
  constructor(vocabulary: readonly VocabEntry[]) {
    this.scores = new Float64Array(vocabulary.length);
    this.lengths = new Int32Array(vocabulary.length);

    let longest = 1;
    let breaksAtSpaces = true;
    vocabulary.forEach(([piece, score], id) => {
      this.scores[id] = score;
      this.lengths[id] = Array.from(piece).length;
      if (id >= RESERVED_COUNT && piece.length > 0) {
        this.insert(piece, id);
        longest = Math.max(longest, this.lengths[id]);
        if (piece.indexOf(SPACE_MARKER, 1) >= 0) breaksAtSpaces = false;
      }
    });

    this.lengths[UNKNOWN_ID] = 1;
    this.longest = longest;
    this.breaksAtSpaces = breaksAtSpaces;
  }

  /** The vocabulary ids of `text`; an empty text gives no ids. */
  encode(text: string): number[] {
    const ids: number[] = [];
    this.segment(Array.from(normalizeText(text)), 0, ids);
    return mergeUnknownRuns(ids);
  }

  /**
   * The first `maxTokens` ids of `text`, the same as `encode(text).slice(0, maxTokens)`, with
   * work bounded by `maxTokens` rather than by the text: the encoder reads only its first 128
   * tokens, and a 60 MB sentence tokenized whole took seconds and gigabytes. The text is read
   * one word (up to the next space) at a time until enough ids are out. A word longer than
   * `wordLimit(maxTokens)` code units gives more ids than needed on its own; it is cut there,
   * which can change only its pieces near the cut, far past the ids returned.
   */
  encodePrefix(text: string, maxTokens: number): number[] {
    if (!this.breaksAtSpaces) return this.encode(text).slice(0, maxTokens);
    const cut = this.wordLimit(maxTokens);
    const ids: number[] = [];
    let merged = 0;
    let score = 0;
    let nextSpace = -1;
    for (let from = 0; from < text.length && merged < maxTokens;) {
      if (nextSpace <= from) nextSpace = text.indexOf(' ', from + 1);
      let to = nextSpace < 0 ? text.length : nextSpace;
      if (to - from > cut) to = from + cut - (isLowSurrogate(text, from + cut) ? 1 : 0);
      const piece = text.slice(from, to);
      // NFKC never joins across a plain space, so words normalise as the whole text does.
      const normalized = from === 0 ? normalizeText(piece) : piece.normalize('NFKC');
      const start = ids.length;
      score = this.segment(Array.from(normalized.replaceAll(' ', SPACE_MARKER)), score, ids);
      for (let i = start; i < ids.length; i++) {
        if (!(ids[i] === UNKNOWN_ID && ids[i - 1] === UNKNOWN_ID)) merged++;
      }
      from = to;
    }
    return mergeUnknownRuns(ids).slice(0, maxTokens);
  }

  /** The longest word encodePrefix reads whole: more code units surely give over maxTokens ids. */
  private wordLimit(maxTokens: number): number {
    // A token covers at most `longest` code points, each at most two code units; NFKC can fold
    // a few code points into one, hence the extra factor of four.
    return 8 * this.longest * (maxTokens + 1);
  }

  /**
   * Appends the best segmentation of `symbols` to `ids`, starting from the score `start` that
   * the text before them reached, and returns the score at their end. Carrying the score makes
   * word-by-word tokenizing do the very same additions as one pass over the whole text.
   */
  private segment(symbols: string[], start: number, ids: number[]): number {
    const count = symbols.length;

    // best[i] is the score of the best segmentation of the first i symbols and last[i] the id of
    // its final piece. As in the published tokenizer a score of exactly 0 counts as "not reached
    // yet" and ties go to the piece that starts later, which keeps the ids identical to it.
    const best = new Float64Array(count + 1);
    const last = new Int32Array(count + 1);
    best[0] = start;

    for (let from = 0; from < count; from++) {
      this.relaxFrom(symbols, from, best, last);
    }

    const found: number[] = [];
    for (let end = count; end > 0; end -= this.lengths[last[end]]) {
      found.push(last[end]);
    }
    for (let i = found.length - 1; i >= 0; i--) ids.push(found[i]);

    return best[count];
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

/** Whether text[at] is the second half of a surrogate pair, which must not be cut off. */
function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Collapses each run of consecutive unknown ids into one. */
function mergeUnknownRuns(ids: number[]): number[] {
  return ids.filter((id, i) => !(id === UNKNOWN_ID && ids[i - 1] === UNKNOWN_ID));
}
