/**
 * The longest delay a timer can hold: 2^31 - 1 ms, about 24.8 days. Node and browsers fire a
 * longer one after about 1 ms instead, so every limit armed from a user's value is checked
 * against it and a longer limit means no limit at all rather than an instant one.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
