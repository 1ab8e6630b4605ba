/**
 * Titles in a roadmap file are untrusted: escape sequences (CSI colours, OSC 8
 * hyperlinks, OSC 52 clipboard writes), BEL, backspace and bidi overrides must
 * never reach the terminal, while the words around them still do.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox, type SavedRoadmap } from '../helpers/sandbox.js';

const ESC = '\x1b';
const BEL = '\x07';

/** Each hostile piece is wrapped around a plain word that must stay visible. */
const HOSTILE = `# Evil ${ESC}[31mRoadmap${ESC}[0m

## ${ESC}]8;;http://evil.example${BEL}Linked${ESC}]8;;${BEL} part \u202eReversed\u202c words

- Red ${ESC}[31mcrimson${ESC}[0m topic
- Clip ${ESC}]52;c;ZXZpbA==${BEL}clipboard topic
- Ring${BEL} the bell and back\x08space topic

## Isolated \u2066isolate\u2069 part

- Hidden \u2066isolated\u2069 topic
- Mirror \u202emirrored\u202c topic

## Projects

- Build ${ESC}[1mbold${ESC}[0m thing with a crimson topic
`;

/** The bytes that must never appear in anything the CLI prints. */
const FORBIDDEN = ['\x1b', '\x07', '\x08', '\u202e', '\u2066'] as const;
const describeChar = (c: string): string => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;

function expectClean(text: string): void {
  for (const c of FORBIDDEN) expect(text.includes(c), `${describeChar(c)} in:\n${JSON.stringify(text)}`).toBe(false);
}

const FIRST_PART = ['Linked', 'Reversed', 'words'];
const TOPICS = ['crimson', 'clipboard', 'bell', 'space', 'isolated', 'mirrored'];

/** [command, words that must be visible] */
const COMMANDS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['list'], ['Roadmap', ...FIRST_PART, 'isolate', ...TOPICS]],
  [
    ['list', '--depth', '1'],
    ['Roadmap', ...FIRST_PART, 'isolate'],
  ],
  [
    ['list', '2'],
    ['isolate', 'isolated', 'mirrored'],
  ],
  [
    ['next', '-n', '5'],
    [...FIRST_PART, 'isolate', ...TOPICS.slice(0, 5)],
  ],
  [
    ['done', '1.1'],
    ['crimson', 'clipboard'],
  ],
  [
    ['done', '1'],
    ['crimson', 'clipboard', 'bell', 'space', 'isolated'],
  ],
  [
    ['undone', '1.3'],
    ['bell', 'space'],
  ],
  [['project'], ['bold', 'thing']],
  [
    ['project', 'p1'],
    ['bold', 'thing'],
  ],
  [['use'], ['Evil', 'Roadmap']],
];

describe('hostile text in titles never reaches the terminal', () => {
  it.each(COMMANDS)('roadmap --file evil.md %j', async (args, words) => {
    const s = new Sandbox();
    s.write('evil.md', HOSTILE);
    const result = await s.run(['--file', 'evil.md', ...args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectClean(result.stdout);
    for (const word of words) expect(result.stdout).toContain(word);
  });

  it('roadmap use PATH, then plain commands', async () => {
    const s = new Sandbox();
    s.write('evil.md', HOSTILE);
    for (const args of [['use', 'evil.md'], ['use'], ['next'], ['list'], []]) {
      const result = await s.run(args);
      expect(result.code, args.join(' ')).toBe(0);
      expectClean(result.stdout);
      expectClean(result.stderr);
    }
    expect((await s.run(['next'])).stdout).toContain('crimson');
  });

  it('an ambiguous REF: the error lists the hostile titles, cleaned', async () => {
    const s = new Sandbox();
    s.write('evil.md', HOSTILE);
    const result = await s.run(['--file', 'evil.md', 'done', 'topic']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: "topic" matches \d+ items: /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectClean(result.stderr);
    for (const word of ['crimson', 'clipboard', 'bell', 'space', 'isolated', 'mirrored']) {
      expect(result.stderr).toContain(word);
    }
    expect(s.configBytes()).toBeNull();
  });

  it('an unknown REF: the suggestions are cleaned', async () => {
    const s = new Sandbox();
    s.write('evil.md', HOSTILE);
    const result = await s.run(['--file', 'evil.md', 'done', 'crimsom']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: nothing matches "crimsom"; did you mean .*crimson/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectClean(result.stderr);
  });

  it('doctor: an orphaned record whose closest current title is hostile', async () => {
    const s = new Sandbox();
    s.write('evil.md', HOSTILE);
    await s.ok(['--file', 'evil.md', 'done', '1.1']);
    const [saved] = Object.values(s.saved().roadmaps) as [SavedRoadmap];
    const [key] = Object.keys(saved.items) as [string];
    // The topic is renamed (one letter) so its record no longer matches, and is closest to the new title.
    s.write('evil.md', HOSTILE.replace(`${ESC}[0m topic`, `${ESC}[0m topics`));

    const result = await s.run(['--file', 'evil.md', 'doctor']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expectClean(result.stdout);
    const line = result.stdout.split('\n').find((l) => l.includes(key));
    expect(line, result.stdout).toBeDefined();
    expect(line).toMatch(/closest now: 1\.1 "Red .*crimson.* topics"/);
  });
});
