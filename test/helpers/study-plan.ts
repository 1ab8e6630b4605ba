/** A small hand-written roadmap in a temp folder for each test, run in-process at a fixed time (ROADMAP_NOW). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir, type RunResult } from './cli.js';
import { runIn } from './in-process.js';

/** The clock of these runs. */
export const PLAN_NOW = '2026-12-01T09:00:00Z';

/**
 * Writes `lines` as plan.md in a fresh folder before each test (removed after)
 * and returns `roadmap --file plan.md ...args` at PLAN_NOW.
 */
export function usePlanFile(lines: readonly string[]): (...args: string[]) => Promise<RunResult> {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'plan.md');
    writeFileSync(file, lines.join('\n'));
  });
  afterEach(() => temp.cleanup());
  return (...args) => runIn(temp.dir, ['--file', file, ...args], { env: { ROADMAP_NOW: PLAN_NOW } });
}

/** Five topics in two parts, with `fourth` as the fourth topic's title. */
export const fiveTopics = (fourth = 'Classes'): string[] => [
  '# Study plan',
  '',
  '## Basics',
  '',
  '- Variables',
  '- Loops',
  '- Functions',
  '',
  '## More',
  '',
  `- ${fourth}`,
  '- Modules',
  '',
];
