/**
 * Running roadmap at chosen times (ROADMAP_NOW) and reading its --json
 * documents checked against their schema: history is made by running commands
 * at different times, never from the machine's clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { repoRoot, type RunResult } from './cli.js';
import type { InProcessOptions } from './in-process.js';

export const DAY = 24 * 60 * 60 * 1000;

/** A time some days after `start`, as an ISO time. */
export const daysAfter = (start: string, days: number): string =>
  new Date(Date.parse(start) + days * DAY).toISOString();

export interface TimedRuns {
  /** `roadmap ...args` at the time `now`. */
  readonly at: (now: string, ...args: string[]) => Promise<RunResult>;
  /** Like `at`, but it must succeed with nothing on stderr; resolves to stdout. */
  readonly ok: (now: string, ...args: string[]) => Promise<string>;
}

export function timedRuns(
  runWith: (args: readonly string[], options: InProcessOptions) => Promise<RunResult>,
  env: Record<string, string | undefined> = {},
): TimedRuns {
  const at = (now: string, ...args: string[]): Promise<RunResult> =>
    runWith(args, { env: { ROADMAP_NOW: now, ...env } });
  const ok = async (now: string, ...args: string[]): Promise<string> => {
    const result = await at(now, ...args);
    expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
    expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
    return result.stdout;
  };
  return { at, ok };
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));

/** A --json document, checked against schema/NAME.schema.json. */
export function validDocument(name: string, text: string): Record<string, unknown> {
  const id = `https://roadmap.invalid/schema/${name}.schema.json`;
  const validate =
    ajv.getSchema(id) ??
    ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8')) as object);
  const document = JSON.parse(text) as Record<string, unknown>;
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  return document;
}
