/**
 * Which progress a roadmap file gets (issue 14, rule 8): an untitled file is
 * known by its folder and file name, so two plans that are both a README.md
 * without a title never share progress; a titled file is known by its title,
 * so it keeps its progress wherever it moves; and progress an untitled file
 * saved under its file name alone is taken over, not orphaned.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import type { SavedConfig } from '../helpers/saved-config.js';

/** No title: no \`#\`, no <h1>, no front matter, and two \`##\` parts (a lone \`##\` would be the title). */
const UNTITLED = '## Basics\n\n- Topic A\n- Topic B\n\n## More\n\n- Topic C\n';
const AT = '2026-11-01T10:00:00.000Z';

let root: string;
let cleanup: () => void;
let config: string;
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir('roadmap-identity-'));
  config = join(root, 'config');
});
afterEach(() => cleanup());

/** Writes `text` to `relative` under the test's folder and returns its path. */
function plan(relative: string, text: string): string {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

async function roadmap(file: string, ...args: string[]): Promise<string> {
  const result = await runIn(config, ['--file', file, ...args], { cwd: root });
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const doneCount = async (file: string): Promise<number> =>
  (JSON.parse(await roadmap(file, '--json', 'status')) as { progress: { done: number } }).progress.done;

const savedIds = (): string[] =>
  Object.keys((JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')) as SavedConfig).roadmaps).sort();

/** A progress file as the build before this change left it: Topic A done under `title:readme`. */
function savedUnderFileName(source?: string): void {
  mkdirSync(config, { recursive: true });
  const record = {
    items: { 'basics/topic-a': { status: 'done', at: AT } },
    history: [{ key: 'basics/topic-a', from: 'todo', to: 'done', at: AT }],
    notes: { 'basics/topic-a': [{ at: AT, text: 'kept' }] },
    reviews: {},
    ...(source === undefined ? {} : { source }),
  };
  const saved = { schemaVersion: 2, settings: {}, roadmaps: { 'title:readme': record } };
  writeFileSync(join(config, 'config.json'), JSON.stringify(saved, null, 2));
}

describe('an untitled roadmap', () => {
  it('is known by its full path: two README.md plans keep their own progress', async () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    await roadmap(alpha, 'done', '1.1');
    expect(await doneCount(alpha)).toBe(1);
    expect(await doneCount(beta)).toBe(0);
    await roadmap(beta, 'done', '1.2');
    expect(savedIds()).toEqual([`file:${alpha}`, `file:${beta}`]);
    expect(await roadmap(alpha, 'list', '--plain')).toMatch(
      /^1\.1\tdone\tTopic A\ttopic\n1\.2\ttodo\tTopic B\ttopic$/m,
    );
  });

  it('two README.md plans in folders of the same name (ml/docs, web/docs) keep their own progress', async () => {
    const ml = plan('ml/docs/README.md', UNTITLED);
    const web = plan('web/docs/README.md', UNTITLED);
    await roadmap(ml, 'done', '1.1');
    expect(await doneCount(ml)).toBe(1);
    expect(await doneCount(web)).toBe(0);
  });

  it('takes over the progress it saved under its file name alone, once', async () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    savedUnderFileName(alpha);
    expect(await doneCount(alpha)).toBe(1);
    expect(savedIds()).toEqual([`file:${alpha}`]);
    expect(await roadmap(alpha, 'note', '1.1')).toContain('kept');
    // The other README.md starts afresh: the record was the first one's.
    expect(await doneCount(beta)).toBe(0);
    expect(await doneCount(alpha)).toBe(1);
  });

  it('leaves that progress to the file it was last saved from', async () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    savedUnderFileName(beta);
    expect(await doneCount(alpha)).toBe(0);
    expect(await doneCount(beta)).toBe(1);
    expect(savedIds()).toEqual([`file:${beta}`]);
  });

  it('takes over progress saved before files were recorded when it holds items of this plan', async () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    savedUnderFileName();
    expect(await doneCount(alpha)).toBe(1);
  });

  it('never takes progress recorded from another file, even one that is gone', async () => {
    savedUnderFileName(join(root, 'gone/README.md'));
    expect(await doneCount(plan('gamma/README.md', UNTITLED))).toBe(0);
    expect(savedIds()).toEqual(['title:readme']);
  });

  it('never takes progress that holds none of its items', async () => {
    savedUnderFileName();
    expect(await doneCount(plan('gamma/README.md', '## Other\n\n- Topic X\n\n## More\n\n- Topic Y\n'))).toBe(0);
    expect(savedIds()).toEqual(['title:readme']);
  });
});

describe('a titled roadmap', () => {
  it('keeps its progress when moved, even if an untitled file of the same name is opened first', async () => {
    const titled = plan('t1/roadmap.md', `# Roadmap\n\n${UNTITLED}`);
    await roadmap(titled, 'done', '1.1');
    const moved = join(root, 't2/roadmap.md');
    mkdirSync(join(root, 't2'));
    renameSync(titled, moved);
    expect(await doneCount(plan('u/roadmap.md', UNTITLED))).toBe(0);
    expect(await doneCount(moved)).toBe(1);
  });

  it('keeps its progress when the file is moved and renamed', async () => {
    const first = plan('alpha/README.md', `# My Plan\n\n${UNTITLED}`);
    await roadmap(first, 'done', '1.1');
    mkdirSync(join(root, 'elsewhere'));
    const moved = join(root, 'elsewhere/plan.md');
    renameSync(first, moved);
    expect(await doneCount(moved)).toBe(1);
    expect(savedIds()).toEqual(['title:my-plan']);
  });
});
