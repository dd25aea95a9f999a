import { describe, expect, it } from 'vitest';
import { nearestMark, type PointMark } from '../../../../src/lib/editor/plot-pick';

const marks: PointMark[] = [
  { x: 0, y: 0, label: 'origin' },
  { x: 10, y: 0, label: 'right' },
  { x: 3, y: 4, label: 'five away' }
];

describe('nearestMark', () => {
  it('picks the mark nearest the pointer, not merely one within reach', () => {
    // (6, 2) lies √20 ≈ 4.47 from (10, 0), √13 ≈ 3.61 from (3, 4) and √40 from the origin.
    expect(nearestMark(marks, { x: 6, y: 2 }, 9)?.label).toBe('five away');
  });

  it('picks a mark exactly at the radius and none just beyond it', () => {
    // (3, 4) is 5 from the origin, and (0, -5) is 5 from the origin and √89 from (3, 4).
    expect(nearestMark([marks[0]], { x: 3, y: 4 }, 5)?.label).toBe('origin');
    expect(nearestMark([marks[0]], { x: 3, y: 4 }, 4.99)).toBeNull();
    expect(nearestMark(marks, { x: 0, y: -5 }, 5)?.label).toBe('origin');
  });

  it('prefers the mark drawn last among marks at the same place, as it lies on top', () => {
    const stacked = [...marks, { x: 0, y: 0, label: 'on top' }];
    expect(nearestMark(stacked, { x: 1, y: 0 }, 9)?.label).toBe('on top');
  });

  it('finds nothing among no marks', () => {
    expect(nearestMark([], { x: 0, y: 0 }, 9)).toBeNull();
  });
});
