import type { WorkLeft } from '../../src/core/budget.js';

/** Topics t1, t2, ... (keys k1, k2, ...) not yet started, each with its estimate in minutes and nothing logged. */
export const workOf = (minutes: readonly number[]): WorkLeft => ({
  topics: minutes.map((m, i) => ({
    id: `t${i + 1}`,
    key: `k${i + 1}`,
    started: false,
    estimate: m,
    logged: 0,
    minutes: m,
  })),
  default: { minutes: 60, rule: 'fallback' },
  unestimated: 0,
});
