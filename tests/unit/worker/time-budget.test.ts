import { describe, expect, it } from 'vitest';
import {
  BUDGET_GRACE_MS,
  BudgetWatch,
  budgetText,
  DEFAULT_NODE_BUDGET_S,
  nodeBudgetMs
} from '../../../src/worker/time-budget';

/** The editor's node time budget: on by default, set from the page address, watched. */
describe('node time budget in the editor', () => {
  it('is two hours unless the page address sets it', () => {
    expect(DEFAULT_NODE_BUDGET_S).toBe(7200);
    expect(nodeBudgetMs('')).toBe(7_200_000);
    expect(nodeBudgetMs('?backend=webgl')).toBe(7_200_000);
    expect(nodeBudgetMs('?nodeTimeout=90')).toBe(90_000);
    expect(nodeBudgetMs('?backend=webgl&nodeTimeout=0.5')).toBe(500);
  });

  it('turns off with 0 and ignores values that are not seconds', () => {
    expect(nodeBudgetMs('?nodeTimeout=0')).toBeUndefined();
    for (const bad of ['-5', 'soon', '', 'Infinity', '1e400']) {
      expect(nodeBudgetMs(`?nodeTimeout=${bad}`)).toBe(7_200_000);
    }
  });

  it('says the budget in the largest whole unit', () => {
    expect(budgetText(7_200_000)).toBe('2 h');
    expect(budgetText(300_000)).toBe('5 min');
    expect(budgetText(90_000)).toBe('90 s');
    expect(budgetText(2_000)).toBe('2 s');
    expect(budgetText(undefined)).toBe('none');
  });

  it('names a node still running past its budget and the grace, and only then', () => {
    const watch = new BudgetWatch(2000);
    watch.see({ kind: 'started', nodeId: 'a' }, 0);
    watch.see({ kind: 'started', nodeId: 'b' }, 1000);
    watch.see({ kind: 'finished', nodeId: 'a', ms: 500, cached: false }, 500);

    expect(watch.overdue(1000 + 2000 + BUDGET_GRACE_MS)).toBeUndefined();
    expect(watch.overdue(1001 + 2000 + BUDGET_GRACE_MS)).toBe('b');
    watch.see({ kind: 'failed', nodeId: 'b', message: 'x' }, 9000);
    expect(watch.overdue(1_000_000)).toBeUndefined();
  });

  it('never names a node when there is no budget', () => {
    const watch = new BudgetWatch(undefined);
    watch.see({ kind: 'started', nodeId: 'a' }, 0);
    expect(watch.overdue(Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });
});
