/** Where progress is kept, with which permissions, and what happens when it cannot be read. */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import {
  configPath,
  expectCleanError,
  expectUnchanged,
  progressText,
  savedRoadmap,
  snapshot,
  useConfigDir,
} from '../helpers/bundled-roadmap.js';

const { dir, roadmap } = useConfigDir();

describe('an unreadable progress file', () => {
  const contents = [
    { what: 'broken JSON', text: '{not json' },
    { what: 'an empty file', text: '' },
    { what: 'a JSON array', text: '[]' },
    { what: 'a newer schema version', text: '{"schemaVersion": 99, "roadmaps": {}}' },
    {
      what: 'a malformed record',
      text: '{"schemaVersion":1,"roadmaps":{"bundled":{"items":{"x":{"status":"weird","at":"x"}},"history":[]}}}',
    },
  ];
  const commands = [
    ['next'],
    [],
    ['list'],
    ['list', '2'],
    ['project'],
    ['project', 'p2'],
    ['done', '1.1.1'],
    ['undone', '1.1.1'],
  ].map((args) => ({ args, shown: ['roadmap', ...args].join(' ') }));

  it.each(commands)(
    '{not json: $shown exits 3 with one error line naming the file, and leaves it as it was',
    async ({ args }) => {
      const file = configPath(dir());
      writeFileSync(file, '{not json');
      const before = snapshot(file);

      const result = await roadmap(...args);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toContain(file);
      expect(result.stderr).not.toContain('    at ');
      expectUnchanged(file, before);
    },
  );

  it('{not json: a bad REF is still a clean error and the file is left as it was', async () => {
    const file = configPath(dir());
    writeFileSync(file, '{not json');
    const before = snapshot(file);
    const result = await roadmap('done', 'nonsense');
    // The REF may be checked before or after the file: a usage error (2) or an unreadable file (3).
    expect([2, 3]).toContain(result.code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: [^\n]*\n$/);
    expectUnchanged(file, before);
  });

  it.each(contents)('$what: next and done both exit 3 and the file stays byte-for-byte the same', async ({ text }) => {
    const file = configPath(dir());
    writeFileSync(file, text);
    const before = snapshot(file);
    for (const args of [['next'], ['done', '1.1.1']]) {
      const result = await roadmap(...args);
      expectCleanError(result, 3);
      expect(result.stderr).toContain(file);
      expectUnchanged(file, before);
    }
  });
});

describe('permissions of what is created', () => {
  let parent: { dir: string; cleanup: () => void };
  beforeEach(() => {
    parent = tempDir();
  });
  afterEach(() => {
    parent.cleanup();
  });

  it('a new config folder gets 0700 and the progress file 0600, also after later writes', async () => {
    const folder = join(parent.dir, 'not', 'yet', 'there');
    expect(existsSync(folder)).toBe(false);

    const first = await runIn(folder, ['done', '1.1.1'], { cwd: parent.dir });
    expect(first.code).toBe(0);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(configPath(folder)).mode & 0o777).toBe(0o600);

    const second = await runIn(folder, ['done', '1.1.2'], { cwd: parent.dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(progressText(2));
    expect(statSync(configPath(folder)).mode & 0o777).toBe(0o600);
  });

  it('reading from a folder that does not exist creates nothing', async () => {
    const folder = join(parent.dir, 'absent');
    const result = await runIn(folder, ['next'], { cwd: parent.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(progressText(0));
    expect(existsSync(folder)).toBe(false);
  });
});

describe('where progress is kept', () => {
  let scratch: { dir: string; cleanup: () => void };
  beforeEach(() => {
    scratch = tempDir();
  });
  afterEach(() => {
    scratch.cleanup();
  });

  it('without ROADMAP_CONFIG_DIR, in $XDG_CONFIG_HOME/roadmap/config.json', async () => {
    const xdg = join(scratch.dir, 'xdg');
    const home = join(scratch.dir, 'home');
    mkdirSync(home);
    const env = { ROADMAP_CONFIG_DIR: undefined, XDG_CONFIG_HOME: xdg, HOME: home };

    const result = await runIn(scratch.dir, ['done', '1.1.1'], { env });
    expect(result.code).toBe(0);
    expect(existsSync(join(xdg, 'roadmap', 'config.json'))).toBe(true);
    expect(existsSync(join(home, '.config'))).toBe(false);
    expect(existsSync(configPath(scratch.dir))).toBe(false);

    // Read back from the same place.
    expect((await runIn(scratch.dir, ['next'], { env })).stdout).toContain(progressText(1));
    expect(Object.keys(savedRoadmap(join(xdg, 'roadmap')).items)).toHaveLength(1);
  });

  // Spawned: src/io/paths.ts finds the home folder with os.homedir(), which reads the
  // process's own HOME, not the Io's, so only a child process can be given another one.
  it('with neither variable, in $HOME/.config/roadmap/config.json', () => {
    const home = join(scratch.dir, 'home');
    mkdirSync(home);
    const env = { ROADMAP_CONFIG_DIR: undefined, XDG_CONFIG_HOME: undefined, HOME: home };

    const result = run(scratch.dir, ['done', '1.1.1'], { env });
    expect(result.code).toBe(0);
    const folder = join(home, '.config', 'roadmap');
    expect(existsSync(join(folder, 'config.json'))).toBe(true);
    expect(existsSync(configPath(scratch.dir))).toBe(false);
    expect(Object.keys(savedRoadmap(folder).items)).toHaveLength(1);

    expect(run(scratch.dir, ['next'], { env }).stdout).toContain(progressText(1));
  });

  it('ROADMAP_CONFIG_DIR wins over XDG_CONFIG_HOME', async () => {
    const xdg = join(scratch.dir, 'xdg');
    const result = await runIn(dir(), ['done', '1.1.1'], { env: { XDG_CONFIG_HOME: xdg } });
    expect(result.code).toBe(0);
    expect(existsSync(configPath(dir()))).toBe(true);
    expect(existsSync(xdg)).toBe(false);
  });

  it('--help tells where progress is saved', async () => {
    const xdg = join(scratch.dir, 'xdg');
    const result = await runIn(scratch.dir, ['--help'], {
      env: { ROADMAP_CONFIG_DIR: undefined, XDG_CONFIG_HOME: xdg },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(join(xdg, 'roadmap', 'config.json'));
  });
});
