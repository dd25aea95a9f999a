/**
 * A plain decimal number as people write it in a flag or a `--set` value: an optional sign,
 * digits with an optional fraction, and an optional exponent. `Number()` alone also takes
 * "0x10", "0b1", "Infinity" and surrounding spaces, which let typos through as other values.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether `text` is a plain decimal number (see DECIMAL). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}
