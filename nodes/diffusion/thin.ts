/**
 * The most points a scatter view draws. Every point becomes an SVG circle and a JSON number
 * pair, so a million samples made an 80 MB picture that took the CLI nine seconds to write
 * (even after Ctrl+C); 20 000 evenly spread points show the same cloud.
 */
export const MAX_SCATTER_POINTS = 20_000;

/**
 * The rows a view draws out of `count`: all when there are at most `max`, else `max` rows at
 * an even stride (data read from a file may be sorted, so the first rows alone could mislead).
 */
export function shownRows(count: number, max = MAX_SCATTER_POINTS): Int32Array {
  const shown = Math.min(count, max);
  return Int32Array.from({ length: shown }, (_, k) => Math.floor((k * count) / shown));
}

/** The note a thinned view carries, or none when every point is drawn. */
export function thinningNotes(shown: number, count: number): string[] {
  return shown < count
    ? [`${shown.toLocaleString('en')} of ${count.toLocaleString('en')} points drawn`]
    : [];
}
