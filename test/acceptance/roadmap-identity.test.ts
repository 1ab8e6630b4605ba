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
import { run, tempDir } from '../helpers/cli.js';
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

function roadmap(file: string, ...args: string[]): string {
  const result = run(config, ['--file', file, ...args], { cwd: root });
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const doneCount = (file: string): number =>
  (JSON.parse(roadmap(file, '--json', 'status')) as { progress: { done: number } }).progress.done;

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
  it('is known by its full path: two README.md plans keep their own progress', () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    roadmap(alpha, 'done', '1.1');
    expect(doneCount(alpha)).toBe(1);
    expect(doneCount(beta)).toBe(0);
    roadmap(beta, 'done', '1.2');
    expect(savedIds()).toEqual([`file:${alpha}`, `file:${beta}`]);
    expect(roadmap(alpha, 'list', '--plain')).toMatch(/^1\.1\tdone\tTopic A\n1\.2\ttodo\tTopic B$/m);
  });

  it('two README.md plans in folders of the same name (ml/docs, web/docs) keep their own progress', () => {
    const ml = plan('ml/docs/README.md', UNTITLED);
    const web = plan('web/docs/README.md', UNTITLED);
    roadmap(ml, 'done', '1.1');
    expect(doneCount(ml)).toBe(1);
    expect(doneCount(web)).toBe(0);
  });

  it('takes over the progress it saved under its file name alone, once', () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    savedUnderFileName(alpha);
    expect(doneCount(alpha)).toBe(1);
    expect(savedIds()).toEqual([`file:${alpha}`]);
    expect(roadmap(alpha, 'note', '1.1')).toContain('kept');
    // The other README.md starts afresh: the record was the first one's.
    expect(doneCount(beta)).toBe(0);
    expect(doneCount(alpha)).toBe(1);
  });

  it('leaves that progress to the file it was last saved from', () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    const beta = plan('beta/README.md', UNTITLED);
    savedUnderFileName(beta);
    expect(doneCount(alpha)).toBe(0);
    expect(doneCount(beta)).toBe(1);
    expect(savedIds()).toEqual([`file:${beta}`]);
  });

  it('takes over progress saved before files were recorded when it holds items of this plan', () => {
    const alpha = plan('alpha/README.md', UNTITLED);
    savedUnderFileName();
    expect(doneCount(alpha)).toBe(1);
  });

  it('never takes progress recorded from another file, even one that is gone', () => {
    savedUnderFileName(join(root, 'gone/README.md'));
    expect(doneCount(plan('gamma/README.md', UNTITLED))).toBe(0);
    expect(savedIds()).toEqual(['title:readme']);
  });

  it('never takes progress that holds none of its items', () => {
    savedUnderFileName();
    expect(doneCount(plan('gamma/README.md', '## Other\n\n- Topic X\n\n## More\n\n- Topic Y\n'))).toBe(0);
    expect(savedIds()).toEqual(['title:readme']);
  });
});

describe('a titled roadmap', () => {
  it('keeps its progress when moved, even if an untitled file of the same name is opened first', () => {
    const titled = plan('t1/roadmap.md', `# Roadmap\n\n${UNTITLED}`);
    roadmap(titled, 'done', '1.1');
    const moved = join(root, 't2/roadmap.md');
    mkdirSync(join(root, 't2'));
    renameSync(titled, moved);
    expect(doneCount(plan('u/roadmap.md', UNTITLED))).toBe(0);
    expect(doneCount(moved)).toBe(1);
  });

  it('keeps its progress when the file is moved and renamed', () => {
    const first = plan('alpha/README.md', `# My Plan\n\n${UNTITLED}`);
    roadmap(first, 'done', '1.1');
    mkdirSync(join(root, 'elsewhere'));
    const moved = join(root, 'elsewhere/plan.md');
    renameSync(first, moved);
    expect(doneCount(moved)).toBe(1);
    expect(savedIds()).toEqual(['title:my-plan']);
  });
});
