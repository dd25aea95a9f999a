import { describe, expect, it } from 'vitest';
import { NOTCH_FACTOR, wheelFactor } from '../../../../src/lib/editor/wheel-zoom';

/** WheelEvent.deltaMode values. */
const PIXELS = 0;
const LINES = 1;

describe('wheelFactor', () => {
  it('zooms in by one factor per notch scrolled up and out by its inverse', () => {
    expect(wheelFactor(-100, PIXELS)).toBeCloseTo(NOTCH_FACTOR, 12);
    expect(wheelFactor(100, PIXELS)).toBeCloseTo(1 / NOTCH_FACTOR, 12);
    expect(wheelFactor(-100, PIXELS) * wheelFactor(100, PIXELS)).toBeCloseTo(1, 12);
  });

  it('counts notches merged into one event as the same notches one by one', () => {
    const one = wheelFactor(-100, PIXELS);
    expect(wheelFactor(-300, PIXELS)).toBeCloseTo(one ** 3, 12);
  });

  it('turns a touchpad’s small scrolls into the same zoom as one notch in total', () => {
    let zoom = 1;
    for (let i = 0; i < 25; i++) zoom *= wheelFactor(-4, PIXELS);
    expect(zoom).toBeCloseTo(NOTCH_FACTOR, 12);
  });

  it('reads Firefox’s three lines a notch as about one notch', () => {
    expect(Math.log(wheelFactor(-3, LINES)) / Math.log(NOTCH_FACTOR)).toBeCloseTo(0.99, 2);
  });

  it('follows a touchpad pinch: Chromium writes −100·ln(scale) into a Ctrl+wheel event', () => {
    // Fingers spreading to 1.1 times their distance, in two events of 1.05 and 1.1 / 1.05.
    const first = wheelFactor(-100 * Math.log(1.05), PIXELS, true);
    const second = wheelFactor(-100 * Math.log(1.1 / 1.05), PIXELS, true);
    expect(first * second).toBeCloseTo(1.1, 12);
    // A mouse notch with Ctrl held is still one notch.
    expect(wheelFactor(-100, PIXELS, true)).toBeCloseTo(NOTCH_FACTOR, 12);
  });

  it('caps a page-sized scroll at four notches', () => {
    expect(wheelFactor(-10_000, PIXELS)).toBeCloseTo(NOTCH_FACTOR ** 4, 12);
    expect(wheelFactor(0, PIXELS)).toBe(1);
  });
});
