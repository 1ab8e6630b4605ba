/**
 * Files that make no roadmap, given with --file (or ROADMAP_FILE): exit 4, one
 * `error: cannot use the roadmap <path>: <why>` line on stderr, nothing on
 * stdout, no stack trace, and the progress file is neither created nor changed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRoadmapFileError, Sandbox } from '../helpers/sandbox.js';

const PNG_HEADER = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01,
  0x00,
]);

/** [what, file name, how to make it (null: do not create), what the message must say] */
const BAD_FILES: readonly (readonly [string, string, (() => string | Buffer) | 'dir' | null, RegExp])[] = [
  ['a missing file', 'missing.md', null, /no such file/i],
  ['a folder', 'folder.md', 'dir', /folder|directory/i],
  ['a binary file (PNG header, NUL bytes)', 'image.md', () => PNG_HEADER, /binary/i],
  [
    'invalid UTF-8 (0xC3 0x28)',
    'latin.md',
    () => Buffer.concat([Buffer.from('# Plan\n\n## Part\n\n- caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    /UTF-8/,
  ],
  ['an empty file', 'empty.md', () => '', /no topics|empty/i],
  [
    // A heading with prose of its own would be a topic (README, "Any roadmap"): these have none.
    'a title, prose and empty headings, no list items',
    'prose.md',
    () => '# Plan\n\nAn introduction.\n\n    - indented code\n\nMore text.\n\n## Part one\n\n### Details\n',
    /no topics/i,
  ],
  ['a 10 MB single line', 'long.md', () => 'word '.repeat(2 * 1024 * 1024), /line 1\b.*(long|characters)/i],
  [
    'lists nested 5,000 deep',
    'deep.md',
    () => Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join(''),
    /nest.*deep|deep.*nest/i,
  ],
];

function make(s: Sandbox, name: string, how: (() => string | Buffer) | 'dir' | null): string {
  const path = join(s.work, name);
  if (how === 'dir') mkdirSync(path);
  else if (how !== null) s.write(name, how());
  return path;
}

describe('bad roadmap files given with --file', () => {
  it.each(BAD_FILES)('%s: exit 4, one clear line, no progress file', async (_name, name, how, why) => {
    const s = new Sandbox();
    const path = make(s, name, how);
    for (const command of [['next'], ['list'], ['done', '1.1'], ['use']]) {
      const result = await s.run(['--file', path, ...command]);
      expectRoadmapFileError(result, [path], why);
    }
    // By the name typed, relative to the working folder: the message names the file.
    expectRoadmapFileError(await s.run(['--file', name, 'next']), [path, name], why);
    expect(s.configEntries()).toEqual([]);
  });

  it('an existing progress file is left byte for byte as it was', async () => {
    const s = new Sandbox();
    await s.ok(['done', '1.1.1']);
    s.write('good.md', '# Good\n\n## Part\n\n- Topic\n');
    await s.ok(['--file', 'good.md', 'done', '1.1']);
    await s.ok(['use', 'good.md']);
    const before = s.configBytes();
    expect(before).not.toBeNull();
    const entries = s.configEntries();
    for (const [, name, how, why] of BAD_FILES) {
      const path = make(s, name, how);
      expectRoadmapFileError(await s.run(['--file', path, 'done', '1.1']), [path], why);
      expectRoadmapFileError(await s.run(['--file', path, 'undone', '1.1']), [path], why);
    }
    expect(s.configBytes()).toEqual(before);
    expect(s.configEntries()).toEqual(entries);
  });
});

describe('a bad roadmap file given with ROADMAP_FILE', () => {
  it.each([
    ['missing, absolute', true],
    ['missing, relative to the working folder', false],
  ])('%s: exit 4 and no progress file', async (_name, absolute) => {
    const s = new Sandbox();
    const path = join(s.work, 'gone.md');
    for (const command of [['next'], ['done', '1.1'], ['use']]) {
      const result = await s.run(command, { env: { ROADMAP_FILE: absolute ? path : 'gone.md' } });
      expectRoadmapFileError(result, [path, 'gone.md'], /no such file/i);
    }
    expect(s.configEntries()).toEqual([]);
  });

  it('a saved default that has since been deleted: exit 4, and roadmap use --bundled still recovers', async () => {
    const s = new Sandbox();
    const path = s.write('temp.md', '# Temp\n\n## Part\n\n- Topic\n');
    await s.ok(['use', 'temp.md']);
    s.write('temp.md', '');
    const before = s.configBytes();
    expectRoadmapFileError(await s.run(['next']), [path], /no topics|empty/i);
    expectRoadmapFileError(await s.run(['done', '1.1']), [path], /no topics|empty/i);
    expect(s.configBytes()).toEqual(before);
    expect(await s.ok(['use', '--bundled'])).toMatch(/^Now following the bundled roadmap/);
    expect(s.saved().settings.roadmap).toBeUndefined();
  });
});
