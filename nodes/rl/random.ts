/**
 * A small seeded generator for the learners: SFC32 (Chris Doty-Humphrey's small fast counting
 * generator) over four 32-bit words kept in a typed array, so drawing a number allocates
 * nothing. One generator per seed keeps runs reproducible and independent of each other.
 */
export class Sfc32 {
  private readonly words = new Uint32Array(4);

  /** Seeds the generator from four 32-bit words and discards its first 12 outputs. */
  constructor(a: number, b: number, c: number, d: number) {
    this.words[0] = a;
    this.words[1] = b;
    this.words[2] = c;
    this.words[3] = d | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform number in [0, 1) with 32 random bits. */
  next(): number {
    const w = this.words;
    const t = (w[0] + w[1] + w[3]) >>> 0;
    w[3] = w[3] + 1;
    w[0] = w[1] ^ (w[1] >>> 9);
    w[1] = w[2] + (w[2] << 3);
    w[2] = ((w[2] << 21) | (w[2] >>> 11)) + t;
    return t / 4294967296;
  }

  /** A uniform whole number in 0..count-1. */
  below(count: number): number {
    return Math.floor(this.next() * count);
  }

  /** A standard normal number by the Box–Muller transform (one of the pair is discarded). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/**
 * One generator per seed, each seeded with four words drawn in turn from the node's seeded
 * source `random` (the run context's), so seed k gets the same stream on every run.
 */
export function seedStreams(random: () => number, count: number): Sfc32[] {
  const word = () => Math.floor(random() * 4294967296) >>> 0;
  return Array.from({ length: count }, () => new Sfc32(word(), word(), word(), word()));
}
