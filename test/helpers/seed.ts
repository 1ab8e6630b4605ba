/**
 * fast-check's runs: in CI fixed (a known seed), so a landing never hangs on luck;
 * elsewhere every run explores new input. A failure prints its seed to replay, and
 * what it found is kept as a plain test beside the property.
 */
export const seeded: { seed?: number } = process.env.CI ? { seed: 20261127 } : {};
