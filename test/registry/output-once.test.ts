/**
 * Output is decided once, after parsing, and no command behaves differently by
 * output mode: the drifts issue 15 found, each checked in-process.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess, tempFolder } from './support.js';

describe('output decided once', () => {
  it('"roadmap" and "roadmap --no-input" print the same next topic and the same hint', async () => {
    const dir = tempFolder();
    const bare = await inProcess(dir, []);
    const noInput = await inProcess(dir, ['--no-input']);
    expect(bare.code).toBe(0);
    expect(noInput).toEqual(bare);
    expect(bare.stderr).toBe(
      'Run "roadmap --help" to see every command; at a terminal, "roadmap" alone opens a menu.\n',
    );
  });

  it('--json after -- is note text, so the error is text', async () => {
    const dir = tempFolder();
    const result = await inProcess(dir, ['note', 'zzzz', '--', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: nothing matches "zzzz"/);
    expect(result.stdout).toBe('');
  });

  it('--json after -- is saved as the words of the note', async () => {
    const dir = tempFolder();
    const result = await inProcess(dir, ['note', '1.1.1', '--', '--json', 'is', 'a', 'flag']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--json is a flag');
    expect(() => JSON.parse(result.stdout) as unknown).toThrow();
  });

  it('--json where a value belongs is --json, as commander reads it: the missing value is a JSON error', async () => {
    const dir = tempFolder();
    expect(await inProcess(dir, ['status', '--format', '{done} --json'])).toEqual({
      stdout: '0 --json\n',
      stderr: '',
      code: 0,
    });
    const missing = await inProcess(dir, ['status', '--format', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { exitCode: 2 } });
  });

  it('reset --json with nothing to reset writes nothing: no folder, no lock, as plain reset', async () => {
    const dir = tempFolder();
    const json = await inProcess(dir, ['reset', '9', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'reset', changed: [], unchanged: [] });
    expect(existsSync(join(dir, 'config'))).toBe(false);
    const text = await inProcess(dir, ['reset', '9']);
    expect(text.stdout).toBe('Nothing to reset: Part 9: Advanced Topics has no progress.\n');
    expect(existsSync(join(dir, 'config'))).toBe(false);
  });

  it('reset --json with nothing to reset succeeds where no folder can be made, as plain reset does', async () => {
    const dir = tempFolder();
    // The config folder under a plain file: nothing can create it, not even root.
    writeFileSync(join(dir, 'afile'), '');
    const env = { ROADMAP_CONFIG_DIR: join(dir, 'afile', 'config') };
    const json = await inProcess(dir, ['reset', '9', '--json'], { env });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect((await inProcess(dir, ['reset', '9'], { env })).code).toBe(0);
    // A reset that has something to clear must save, and says it cannot.
    expect((await inProcess(dir, ['done', '1.1.1'], { env })).code).not.toBe(0);
  });
});
