/**
 * Choosing the roadmap: `--file` and ROADMAP_FILE for one command, `roadmap use`
 * for the default, `roadmap use --bundled` to go back, and their precedence.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRoadmapFileError, Sandbox } from '../helpers/sandbox.js';

/** A one-part roadmap whose title and first topic say which file it is. */
const plan = (name: string): string => `# ${name} Plan\n\n## Basics\n\n- ${name} first topic\n- ${name} second topic\n`;

const BUNDLED_FIRST = /^1\.1\.1 {2}Syntax, data types, control structures, OOP concepts\.$/m;

/** The first line of `next` output after "Next up": the topic it offers. */
function firstOffered(stdout: string): string {
  const lines = stdout.split('\n');
  expect(lines[0]).toBe('Next up');
  return lines[1]!;
}

describe('--file and ROADMAP_FILE choose the roadmap for one command', () => {
  it.each([
    ['--file relative to the working folder', 'rel'],
    ['--file with an absolute path', 'abs'],
    ['ROADMAP_FILE relative to the working folder', 'env'],
  ] as const)('%s', async (_name, how) => {
    const s = new Sandbox();
    const path = s.write('plans/alpha.md', plan('Alpha'));
    const result =
      how === 'env'
        ? await s.run(['next'], { env: { ROADMAP_FILE: 'plans/alpha.md' } })
        : await s.run(['--file', how === 'rel' ? 'plans/alpha.md' : path, 'next']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(firstOffered(result.stdout)).toBe('1.1  Alpha first topic');

    // Only that command: the next plain command is back on the bundled roadmap, and no default was saved.
    const plain = await s.ok(['next']);
    expect(plain).toMatch(BUNDLED_FIRST);
    expect(plain).not.toContain('Alpha');
    expect(s.configBytes()).toBeNull();
  });

  it('done with --file records progress but does not make the file the default', async () => {
    const s = new Sandbox();
    s.write('alpha.md', plan('Alpha'));
    expect(await s.ok(['--file', 'alpha.md', 'done', '1.1'])).toContain('Marked done: 1.1 Alpha first topic');
    expect(s.saved().settings.roadmap).toBeUndefined();
    expect(await s.ok(['next'])).toMatch(BUNDLED_FIRST);
  });
});

describe('roadmap use PATH makes a file the default', () => {
  it.each([
    ['a relative path', 'plans/beta.md'],
    ['an absolute path', ''],
  ])('with %s it is saved as an absolute path and later commands follow it from any folder', async (_name, typed) => {
    const s = new Sandbox();
    const path = s.write('plans/beta.md', plan('Beta'));
    const out = await s.ok(['use', typed || path]);
    expect(out).toContain(`Beta Plan (${path})`);
    const saved = s.saved();
    expect(saved.schemaVersion).toBe(4);
    expect(saved.settings.roadmap).toBe(path);

    // From another folder: the saved path is absolute, so it still finds the file.
    const elsewhere = await s.ok(['next'], { cwd: s.config });
    expect(firstOffered(elsewhere)).toBe('1.1  Beta first topic');
    expect(elsewhere).toMatch(/done\? {2}roadmap done 1\.1$/m);
    expect(await s.ok(['done', '1.2'], { cwd: s.config })).toContain('Marked done: 1.2 Beta second topic');
    expect(await s.ok(['list'])).toMatch(/^ {2}\[x\] 1\.2 Beta second topic$/m);
  });

  it('roadmap use --bundled goes back to the bundled roadmap and forgets the default', async () => {
    const s = new Sandbox();
    s.write('beta.md', plan('Beta'));
    await s.ok(['use', 'beta.md']);
    expect(await s.ok(['use', '--bundled'])).toMatch(/^Now following the bundled roadmap, /);
    expect(s.saved().settings.roadmap).toBeUndefined();
    expect(await s.ok(['next'])).toMatch(BUNDLED_FIRST);
    expect((await s.ok(['use'])).split('\n')[0]).toMatch(/^Following the bundled roadmap, /);
  });
});

describe('precedence: --file beats ROADMAP_FILE beats roadmap use beats the bundled roadmap', () => {
  /** [case, give --file, give ROADMAP_FILE, saved with use, expected title, expected "who chose it"] */
  it.each([
    ['all three', true, true, true, 'Alpha Plan', /--file/],
    ['--file over ROADMAP_FILE', true, true, false, 'Alpha Plan', /--file/],
    ['--file over roadmap use', true, false, true, 'Alpha Plan', /--file/],
    ['ROADMAP_FILE over roadmap use', false, true, true, 'Beta Plan', /ROADMAP_FILE/],
    ['roadmap use alone', false, false, true, 'Gamma Plan', /"roadmap use"/],
    ['nothing chosen', false, false, false, 'the bundled roadmap', /no other roadmap is chosen/],
  ] as const)('%s', async (_name, flag, env, saved, title, why) => {
    const s = new Sandbox();
    const files = {
      alpha: s.write('alpha.md', plan('Alpha')),
      beta: s.write('beta.md', plan('Beta')),
      gamma: s.write('gamma.md', plan('Gamma')),
    };
    if (saved) await s.ok(['use', 'gamma.md']);
    const before = s.configBytes();
    const args = flag ? ['--file', 'alpha.md'] : [];
    const options = env ? { env: { ROADMAP_FILE: files.beta } } : {};

    // `roadmap use` alone says which roadmap is followed, and who chose it.
    const shown = (await s.ok([...args, 'use'], options)).split('\n');
    expect(shown[0]).toContain(`Following ${title}`);
    expect(shown[1]).toMatch(why);
    for (const other of ['--file', 'ROADMAP_FILE', '"roadmap use"']) {
      if (!why.source.includes(other)) expect(shown[1]).not.toContain(other);
    }

    // `next` follows the same roadmap.
    const offered = firstOffered(await s.ok([...args, 'next'], options));
    if (title === 'the bundled roadmap') expect(offered).toMatch(BUNDLED_FIRST);
    else expect(offered).toBe(`1.1  ${title.replace(' Plan', '')} first topic`);

    // Looking never changes the saved default.
    expect(s.configBytes()).toEqual(before);
  });
});

describe('roadmap use refuses a file that makes no roadmap, and keeps the default', () => {
  it.each([
    ['a missing file', 'missing.md', null, /no such file/],
    ['an empty file', 'empty.md', '', /no topics|empty/],
    ['a file with nothing to follow', 'prose.md', '# Notes\n\nJust prose here.\n\n## Ideas\n\n## Plans\n', /no topics/],
    ['a folder', 'folder', 'dir', /folder|directory/],
  ] as const)('%s: exit 4, settings.roadmap unchanged', async (_name, file, content, why) => {
    const s = new Sandbox();
    const good = s.write('good.md', plan('Good'));
    if (content === 'dir') s.write(join(file, 'inside.md'), plan('Inside'));
    else if (content !== null) s.write(file, content);
    await s.ok(['use', 'good.md']);
    const before = s.configBytes();

    expectRoadmapFileError(await s.run(['use', file]), [join(s.work, file)], why);
    expect(s.configBytes()).toEqual(before);
    expect(s.saved().settings.roadmap).toBe(good);
    expect(firstOffered(await s.ok(['next']))).toBe('1.1  Good first topic');
  });

  it('a bad file on a fresh install creates no progress file', async () => {
    const s = new Sandbox();
    expectRoadmapFileError(await s.run(['use', 'missing.md']), [join(s.work, 'missing.md')], /no such file/);
    expect(s.configEntries()).toEqual([]);
  });

  it('roadmap use PATH --bundled is a usage error (exit 2) and changes nothing', async () => {
    const s = new Sandbox();
    const good = s.write('good.md', plan('Good'));
    s.write('other.md', plan('Other'));
    await s.ok(['use', 'good.md']);
    const before = s.configBytes();
    const result = await s.run(['use', 'other.md', '--bundled']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .+\n$/);
    expect(result.stderr).not.toContain('    at ');
    expect(s.configBytes()).toEqual(before);
    expect(s.saved().settings.roadmap).toBe(good);
  });
});

describe('a default that moved', () => {
  it('says how to choose again', async () => {
    const s = new Sandbox();
    s.write('plan.md', '# Plan\n## A\n- alpha\n');
    await s.ok(['use', 'plan.md']);
    renameSync(join(s.work, 'plan.md'), join(s.work, 'moved.md'));
    const result = await s.run(['next']);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      'no such file (it was chosen with "roadmap use": choose it again with "roadmap use PATH"',
    );
  });
});
