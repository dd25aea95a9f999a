import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  conditionRatio,
  cosineAlphas,
  linearBetaAlphas,
  logLogAlphas,
  makeSchedule
} from '../../../../nodes/diffusion/schedule';
import { scheduleNode } from '../../../../nodes/diffusion/schedule-node';
import type { Schedule } from '../../../../src/lib/graph/values';
import { fakeContext } from '../topology/fake-context';

const { schedules } = JSON.parse(
  readFileSync(new URL('../../../fixtures/diffusion/ddpm.json', import.meta.url), 'utf8')
);
const close = (a: ArrayLike<number>, b: number[]) =>
  b.forEach((v, i) => expect(Math.abs(a[i] - v)).toBeLessThan(1e-12));

describe('schedules', () => {
  it('match the NumPy linear β, cosine and log-log schedules', () => {
    close(linearBetaAlphas(schedules.n, 1e-4, 0.02), schedules.linear);
    close(cosineAlphas(schedules.n, 0.008), schedules.cosine);
    close(logLogAlphas(schedules.n, 2), schedules.loglog);
  });

  it('gives the log-log family ᾱ_n = (log n)^−c and a condition ratio of exactly c', () => {
    const schedule = makeSchedule('log-log', logLogAlphas(schedules.n, 2));

    expect(schedule.alphaBars[schedules.n - 1]).toBeCloseTo(schedules.loglogBarN, 12);
    for (const n of [10, 1000, 100000])
      expect(conditionRatio(logLogAlphas(n, 2))).toBeCloseTo(2, 9);
  });

  it('shows linear β failing the condition: its ratio grows with n', () => {
    const ratio = (n: number) => conditionRatio(linearBetaAlphas(n, 1e-4, 0.02));

    expect(ratio(10000)).toBeGreaterThan(10 * ratio(100));
  });

  it('refuses α outside (0, 1), naming the step', () => {
    expect(() => makeSchedule('custom', Float64Array.of(0.9, 1, 0.5))).toThrow(/α_2.*is 1/);
  });
});

describe('scheduleNode', () => {
  it('refuses a custom list of the wrong length, giving both lengths', async () => {
    const run = scheduleNode.run(
      {},
      { kind: 'custom', steps: 3, alphas: '0.9, 0.8' },
      fakeContext()
    );

    await expect(run).rejects.toMatchObject({
      field: 'alphas',
      message: expect.stringMatching(/2 values.*is 3/)
    });
  });

  it('refuses n < 1 on the steps param', async () => {
    const run = scheduleNode.run({}, { kind: 'linear', steps: 0 }, fakeContext());
    await expect(run).rejects.toMatchObject({ field: 'steps', message: /found 0/ });
  });

  it('outputs the custom schedule with its cumulative products and two plots', async () => {
    const out = await scheduleNode.run(
      {},
      { kind: 'custom', steps: 3, alphas: '0.9, 0.8, 0.5' },
      fakeContext()
    );
    const schedule = out.schedule as Schedule;

    close(schedule.alphaBars, [0.9, 0.72, 0.36]);
    expect(out.plot).toMatchObject({ kind: 'lines' });
    expect(out.condition).toMatchObject({ kind: 'lines' });
  });
});
