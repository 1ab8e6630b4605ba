/**
 * Every fast form prints byte for byte what the full program prints, and saves
 * the same file: the fast path only recognises forms, the specs do the rest.
 * Each pair runs on two copies of the same progress, with the same clock.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST_COMMANDS } from '../../src/commands/fast.js';
import { quickForm } from '../../src/quick.js';
import { copyOf, inProcess, tempFolder } from './support.js';

const PLAN = '# Plan\n\n## Basics\n\n- [ ] First topic\n- [x] Second topic\n\n## More\n\n- [ ] Third topic\n';

/** The fast forms, with the words and options each command takes: plain, with a REF, with options, as JSON, failing. */
const FORMS: readonly (readonly string[])[] = [
  [],
  ['next'],
  ['status'],
  ['list'],
  ['list', '2'],
  ['list', 'nothing-matches-this'],
  ['project'],
  ['project', 'p2'],
  ['project', '1.1'],
  ['done', '1.1.1'],
  ['done', '1.2', '2.1.1'],
  ['done', '2.3.1'],
  ['done', 'zzzz'],
  ['undone', '2.3.1'],
  ['undone', '1.1.1'],
  ['next', '-n', '3'],
  ['next', '--number=2'],
  ['next', '--budget', '2h'],
  ['next', '--budget=90m', '--json'],
  ['next', '--budget', 'soon'],
  ['status', '--format', '{done}/{total} {next} {next_title}'],
  ['status', '--format', '{nope}'],
  ['list', '--todo'],
  ['list', '2', '--depth', '1'],
  ['list', '--depth=2', '--plain'],
  ['list', '--notes'],
  ['list', '--status', 'doing,skipped', '--plain'],
  ['list', '--status', 'bogus'],
  ['--json'],
  ['next', '--json'],
  ['status', '--json'],
  ['status', '--json', '--format', '{done}'],
  ['list', '--json', '--todo'],
  ['project', 'p2', '--json'],
  ['done', '1.1.1', '--json'],
  ['done', 'zzzz', '--json'],
  ['undone', '2.3.1', '--json'],
  ['done', '1.1.1', '--at', '2026-11-28'],
  ['undone', '2.3.1', '--at=2026-11-20T08:00'],
  ['done', '1.1.1', '--at', '2026-12-25'],
];

const GLOBALS: readonly (readonly string[])[] = [
  [],
  ['--no-color'],
  ['--no-input'],
  ['--no-pager'],
  ['--file', 'plan.md'],
];
const ENVS: readonly Record<string, string>[] = [{}, { FORCE_COLOR: '1' }];

const savedText = (dir: string): string | undefined => {
  const file = join(dir, 'config/config.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

describe('the fast path and commander print the same', () => {
  it('covers every fast command, and every option of each', () => {
    for (const spec of FAST_COMMANDS) {
      const forms = FORMS.filter((words) => words.includes(spec.name));
      expect(forms, spec.name).not.toEqual([]);
      for (const option of spec.options ?? []) {
        const long = option.flags.match(/--[\w-]+/)![0];
        expect(
          forms.some((words) =>
            words.some((w) => w === long || w.startsWith(`${long}=`) || option.flags.startsWith(`${w},`)),
          ),
          `${spec.name} ${long}`,
        ).toBe(true);
      }
    }
  });

  let dir: string;
  beforeAll(async () => {
    dir = tempFolder();
    writeFileSync(join(dir, 'plan.md'), PLAN);
    expect((await inProcess(dir, ['done', '2.3.1'], { now: '2026-11-10T12:00:00Z' })).code).toBe(0);
    expect((await inProcess(dir, ['note', '2.3.1', 'a note'], { now: '2026-11-10T12:00:00Z' })).code).toBe(0);
  });

  const cases = GLOBALS.flatMap((global) =>
    FORMS.flatMap((form) =>
      ENVS.map((env) => [[...global, ...form].join(' ') || '(roadmap alone)', [...global, ...form], env] as const),
    ),
  );

  it.each(cases)('roadmap %s %j', async (_, words, env) => {
    expect(quickForm(words), 'a fast form').toBeDefined();
    const fastDir = copyOf(dir);
    const fullDir = copyOf(dir);
    const fast = await inProcess(fastDir, words, { env });
    const full = await inProcess(fullDir, words, { env, full: true });
    expect(fast).toEqual(full);
    expect(savedText(fastDir)).toEqual(savedText(fullDir));
  });
});
