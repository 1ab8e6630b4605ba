import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, STUDY_DAY_MINUTES, STUDY_WEEK_MINUTES } from '../../src/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['45m', 45],
    ['30 min', 30],
    ['2h', 120],
    ['1.5h', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['2 hours 15 minutes', 135],
    ['3 H', 180],
    [' 90 mins ', 90],
    ['1 day', STUDY_DAY_MINUTES],
    ['2 weeks', 2 * STUDY_WEEK_MINUTES],
    ['1w 2d', STUDY_WEEK_MINUTES + 2 * STUDY_DAY_MINUTES],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', '90', 'h', '2 parsecs', '2h and more', '0m', '-3h', 'constructor', '1e9'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0m'],
    [45, '45m'],
    [60, '1h'],
    [90, '1h 30m'],
    [720, '12h'],
    [2400, '40h'],
  ])('shows %i minutes as %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
