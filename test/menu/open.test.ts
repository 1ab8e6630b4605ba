/**
 * The menu's "Open link" on a topic that has a web link: the link goes to
 * $BROWSER (a script that records what it was given), and the topic comes back.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { choose, pick, screen, terminal, type Terminal } from './support.js';

let t: Terminal;
afterEach(() => t.cleanup());

const COURSE = `# Course

## Python

- [ ] Basics: [tutorial](https://docs.python.org/3/tutorial/)
- [ ] Style: [notes](notes.md)
`;

/** The lines the browser script recorded, once there are `count` (an opener may outlive roadmap's wait for it). */
async function recorded(file: string, count: number): Promise<string[]> {
  let lines: string[] = [];
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(0, -1) : [];
    if (lines.length >= count) break;
  }
  return lines;
}

describe('the menu opens a topic link', () => {
  it('offers "Open link" on a topic with a web link, opens it, and shows the topic again', async () => {
    t = terminal();
    writeFileSync(join(t.dir, 'course.md'), COURSE);
    const record = join(t.dir, 'browser-was-given');
    const browser = join(t.dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${record}'\n`);
    chmodSync(browser, 0o755);
    const run = t.roadmap(['--file', 'course.md'], { BROWSER: browser });
    await screen.next();
    await choose('Next up');
    expect(screen.getScreen()).toContain('What now with 1.1 (not started)?');
    await choose('Open link (docs.python.org)');
    expect(t.printed()).toContain('Opened https://docs.python.org/3/tutorial/\n');
    expect(await recorded(record, 1)).toEqual(['https://docs.python.org/3/tutorial/']);
    // The same topic again, still not started: opening its link changes nothing.
    expect(screen.getScreen()).toContain('What now with 1.1 (not started)?');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    expect(t.configText()).toBeUndefined();
  });

  it('offers no "Open link" on a topic whose only link is not a web link', async () => {
    t = terminal();
    writeFileSync(join(t.dir, 'course.md'), COURSE);
    expect(await t.roadmap(['--file', 'course.md', 'done', '1.1'])).toBe(0);
    const run = t.roadmap(['--file', 'course.md'], { BROWSER: 'false' });
    await screen.next();
    await choose('Next up');
    expect(screen.getScreen()).toContain('What now with 1.2 (not started)?');
    expect(screen.getScreen()).not.toContain('Open link');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
  });

  it('open --all on more than 10 links asks first: yes opens them all, no opens none', async () => {
    t = terminal();
    const many = Array.from({ length: 11 }, (_, i) => `- [ ] Page ${i + 1}: [link](https://example.com/${i + 1})`);
    writeFileSync(join(t.dir, 'many.md'), `# Many\n\n## Pages\n\n${many.join('\n')}\n`);
    const record = join(t.dir, 'browser-was-given');
    const browser = join(t.dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${record}'\n`);
    chmodSync(browser, 0o755);

    const declined = t.roadmap(['--file', 'many.md', 'open', '1', '--all'], { BROWSER: browser });
    await screen.next();
    expect(screen.getScreen()).toContain('Open 11 links in the browser?');
    screen.type('n');
    screen.keypress('enter');
    expect(await declined).toBe(0);
    expect(t.printed()).toContain('Nothing was opened.\n');
    expect(existsSync(record)).toBe(false);

    const accepted = t.roadmap(['--file', 'many.md', 'open', '1', '--all'], { BROWSER: browser });
    await screen.next();
    screen.type('y');
    screen.keypress('enter');
    expect(await accepted).toBe(0);
    expect((await recorded(record, 11)).sort()).toEqual(
      Array.from({ length: 11 }, (_, i) => `https://example.com/${i + 1}`).sort(),
    );
  });
});
