/**
 * Standard normal numbers from a seeded uniform source (the run context's `random`), by the
 * Box–Muller transform; both numbers of each pair are used, so a stream of m normals takes m
 * uniforms (rounded up to even).
 */
export function normalSource(random: () => number): () => number {
  let spare: number | undefined;

  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }

    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Fills `out` with independent standard normal numbers drawn from `normal`. */
export function fillNormal(out: Float64Array, normal: () => number): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = normal();
  return out;
}
