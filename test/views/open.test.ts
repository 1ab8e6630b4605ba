/**
 * `roadmap open REF`, in this process with stdout pretending to be a terminal
 * (runIn's stdoutIsTTY, the Io every command gets), and $BROWSER a script that
 * records the arguments it was started with: what a browser would have been given.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectCleanError } from '../helpers/bundled-roadmap.js';
import { repoRoot, tempDir, type RunResult } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

const COURSE = `# Course

## Python

- [ ] Basics: [tutorial](https://docs.python.org/3/tutorial/)
- [ ] [Data model](https://docs.python.org/3/reference/datamodel.html) - dunder methods
- [ ] Notes on style: [notes](notes/style%20guide.md#pep-8)
- [ ] Evil: [click](javascript:alert(1))
- [ ] Local: [secrets](file:///etc/passwd)
- [ ] Nothing here

## Tools

1. **Git**: [Pro Git](https://git-scm.com/book)
   - [ ] Branching: [chapter 3](https://git-scm.com/book/en/v2/Git-Branching) and [talk](https://youtu.be/x?a=1&b=2)
   - [ ] Rebase: [chapter 3](https://git-scm.com/book/en/v2/Git-Branching)

## Suggested Projects

1. Build a command-line tool
`;

let dir: string;
let cleanup: () => void;
let record: string;
let browser: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 'course.md'), COURSE);
  record = join(dir, 'browser-was-given');
  browser = script('browser.sh', `printf '%s\\n' "$@" >> '${record}'`);
});
afterEach(() => cleanup());

/** An executable shell script in the test folder; returns its path. */
function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

interface Options {
  readonly terminal?: boolean;
  readonly env?: Record<string, string | undefined>;
}

/** `roadmap --file course.md open ...args` at a terminal (unless told otherwise), with the recording browser. */
const open = (args: readonly string[], { terminal = true, env = {} }: Options = {}): Promise<RunResult> =>
  runIn(join(dir, 'config'), ['--file', 'course.md', 'open', ...args], {
    cwd: dir,
    stdoutIsTTY: terminal,
    // Colour off: the words are what is checked (the renderer's colours are another test's).
    env: { BROWSER: browser, NO_COLOR: '1', ...env },
  });

/**
 * The lines the browser script recorded, once there are `count` of them. An
 * opener that runs past a second counts as a browser that stays, so on a slow
 * machine the script may write after roadmap returned: wait for it.
 */
async function recorded(count: number): Promise<string[]> {
  let lines: string[] = [];
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    lines = existsSync(record) ? readFileSync(record, 'utf8').split('\n').slice(0, -1) : [];
    if (lines.length >= count) break;
  }
  return lines;
}

const nothingRecorded = (): boolean => !existsSync(record);

const validate = new Ajv2020({ strict: true }).compile(
  JSON.parse(readFileSync(join(repoRoot, 'schema/open.schema.json'), 'utf8')) as object,
);

interface OpenDocument {
  readonly opened: boolean;
  readonly notOpenedBecause: string | null;
  readonly links: { readonly address: string; readonly web: boolean; readonly opened: boolean }[];
}

function documentOf(result: RunResult): OpenDocument {
  expect(result.code, result.stderr).toBe(0);
  const document: unknown = JSON.parse(result.stdout);
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  return document as OpenDocument;
}

describe('roadmap open at a terminal', () => {
  it("gives the browser a topic's link, and says so", async () => {
    const result = await open(['1.1']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Opened https://docs.python.org/3/tutorial/  tutorial\n');
    expect(result.stderr).toBe('');
    expect(await recorded(1)).toEqual(['https://docs.python.org/3/tutorial/']);
  });

  it("opens a part's first link only, without --all", async () => {
    expect((await open(['1'])).code).toBe(0);
    expect(await recorded(1)).toEqual(['https://docs.python.org/3/tutorial/']);
    expect(await recorded(2)).toHaveLength(1);
  });

  it('--all opens every web link of the part, each once, and names the links it did not open', async () => {
    const result = await open(['2', '--all']);
    expect(result.code, result.stderr).toBe(0);
    const opened = [
      'https://git-scm.com/book',
      'https://git-scm.com/book/en/v2/Git-Branching',
      'https://youtu.be/x?a=1&b=2',
    ];
    // A section's own link first, then its topics'; the chapter linked from two topics once.
    expect(result.stdout).toBe(
      `Opened ${opened[0]}  Pro Git\nOpened ${opened[1]}  chapter 3\nOpened ${opened[2]}  talk\n`,
    );
    expect((await recorded(3)).sort()).toEqual([...opened].sort());
  });

  it('never opens a javascript: or file: link: they are named on stderr instead', async () => {
    const result = await open(['1', '--all']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `Not opened (only http and https links are), 3 links:\n  ${join(dir, 'notes/style guide.md')}#pep-8\n  javascript:alert(1)\n  file:///etc/passwd\n`,
    );
    const given = await recorded(2);
    expect(given.sort()).toEqual([
      'https://docs.python.org/3/reference/datamodel.html',
      'https://docs.python.org/3/tutorial/',
    ]);
  });

  it('a topic whose only link is not http or https: one sentence, exit 1, nothing opened', async () => {
    const result = await open(['1.4']);
    expectCleanError(result, 1);
    expect(result.stderr).toBe(
      'error: 1.4 "Evil: click" has no http or https link, the only kind opened; "roadmap --file course.md open 1.4 --print" prints its link\n',
    );
    expect(nothingRecorded()).toBe(true);
  });

  it('an item with no link: one sentence, exit 1', async () => {
    const result = await open(['1.6']);
    expectCleanError(result, 1);
    expect(result.stderr).toBe('error: 1.6 "Nothing here" has no link to open\n');
    const project = await open(['p1']);
    expectCleanError(project, 1);
    expect(project.stderr).toBe('error: p1 "Build a command-line tool" has no link to open\n');
    expect(nothingRecorded()).toBe(true);
  });

  it('--print prints the links, one per line, and opens nothing', async () => {
    const result = await open(['1', '--all', '--print']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        'https://docs.python.org/3/tutorial/',
        'https://docs.python.org/3/reference/datamodel.html',
        // Relative to the roadmap file's folder, decoded, its anchor kept.
        `${join(dir, 'notes/style guide.md')}#pep-8`,
        'javascript:alert(1)',
        'file:///etc/passwd',
        '',
      ].join('\n'),
    );
    expect(nothingRecorded()).toBe(true);
  });

  it('$BROWSER: commands separated by ":" are tried in turn, and %s stands for the address', async () => {
    const result = await open(['1.2'], { env: { BROWSER: `no-such-browser-here:${browser} --new-tab %s` } });
    expect(result.code, result.stderr).toBe(0);
    expect(await recorded(2)).toEqual(['--new-tab', 'https://docs.python.org/3/reference/datamodel.html']);
  });

  it('a browser that fails: one sentence naming it, exit 1', async () => {
    const failing = script('failing.sh', 'exit 3');
    const result = await open(['1.1'], { env: { BROWSER: failing } });
    expectCleanError(result, 1);
    expect(result.stderr).toBe(
      `error: could not open https://docs.python.org/3/tutorial/ with $BROWSER: ${failing} exited with code 3\n`,
    );
    const missing = await open(['1.1'], { env: { BROWSER: 'no-such-browser-here' } });
    expectCleanError(missing, 1);
    expect(missing.stderr).toContain('no-such-browser-here was not found');
  });

  it('--all on more than 10 web links asks first; where it cannot ask, it refuses and opens nothing', async () => {
    const many = Array.from({ length: 11 }, (_, i) => `- [ ] Page ${i + 1}: [link](https://example.com/${i + 1})`);
    writeFileSync(join(dir, 'course.md'), `# Many\n\n## Pages\n\n${many.join('\n')}\n`);
    const result = await open(['1', '--all']);
    expectCleanError(result, 2);
    expect(result.stderr).toContain('would open 11 browser tabs, and cannot ask first here');
    expect(nothingRecorded()).toBe(true);
  });

  it('--json says what was opened', async () => {
    const document = documentOf(await open(['2.1.1', '--all', '--json']));
    expect(document.opened).toBe(true);
    expect(document.notOpenedBecause).toBeNull();
    expect(document.links.map((l) => [l.address, l.opened])).toEqual([
      ['https://git-scm.com/book/en/v2/Git-Branching', true],
      ['https://youtu.be/x?a=1&b=2', true],
    ]);
    expect(await recorded(2)).toHaveLength(2);
  });

  it.skipIf(process.platform !== 'linux')(
    'on Linux with no display and no $BROWSER, prints the link and says why',
    async () => {
      const result = await open(['1.1'], {
        env: { BROWSER: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe('https://docs.python.org/3/tutorial/\n');
      expect(result.stderr).toBe(
        'Nothing was opened: there is no graphical display here (DISPLAY is not set) and BROWSER is not set; the link is printed instead.\n',
      );
    },
  );

  it("a hostile link's escape sequences: printed as nothing, given to the browser percent-encoded", async () => {
    // Inside <...> a link's address may hold control characters (CommonMark).
    const md =
      '# Hostile\n\n## Part\n\n- [ ] Trap: [x](<file:///a\u001b]52;c;aGk=\u0007b>)\n- [ ] Web: [y](<https://example.com/\u001b[2Jred>)\n';
    writeFileSync(join(dir, 'course.md'), md);
    const printed = await open(['1', '--all', '--print']);
    expect(printed.stdout).toBe('file:///a]52;c;aGk=b\nhttps://example.com/%1B[2Jred\n');
    const result = await open(['1', '--all']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Opened https://example.com/%1B[2Jred  y\n');
    expect(result.stderr).toBe('Not opened (only http and https links are), 1 link:\n  file:///a]52;c;aGk=b\n');
    expect(await recorded(1)).toEqual(['https://example.com/%1B[2Jred']);
  });
});

describe('roadmap open without a terminal', () => {
  it('in a pipe or a file it only prints the links, one per line', async () => {
    const result = await open(['2', '--all'], { terminal: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'https://git-scm.com/book\nhttps://git-scm.com/book/en/v2/Git-Branching\nhttps://youtu.be/x?a=1&b=2\n',
    );
    expect(result.stderr).toBe('');
    expect(nothingRecorded()).toBe(true);
  });

  it('in CI it only prints, even at a terminal', async () => {
    const result = await open(['1.1'], { env: { CI: 'true' } });
    expect(result.stdout).toBe('https://docs.python.org/3/tutorial/\n');
    expect(nothingRecorded()).toBe(true);
  });

  it('--json says nothing was opened, and why', async () => {
    const document = documentOf(await open(['1.1', '--json'], { terminal: false }));
    expect(document.opened).toBe(false);
    expect(document.notOpenedBecause).toBe('no terminal');
    expect(document.links).toEqual([
      expect.objectContaining({ address: 'https://docs.python.org/3/tutorial/', web: true, opened: false }),
    ]);
  });
});
