/**
 * Items ticked in the file itself (`- [x]`) start as done, and `undone` can
 * reverse that; links inside a topic are shown by `next`.
 */
import { describe, expect, it } from 'vitest';
import { listedItems, progressText, Sandbox } from '../helpers/sandbox.js';

const TICKED = `# Ticked Plan

## Setup

- [x] Install the editor
- [X] Install the compiler
- [ ] Configure the linter

## Practice

- [x] Write hello world
- [ ] Write a test
`;

describe('items checked in the file start as done', () => {
  it('they count in progress, show [x] in list, and next skips them', async () => {
    const s = new Sandbox();
    s.write('plan.md', TICKED);

    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed).toContain(`Ticked Plan  ${progressText(3, 5)}`);
    const items = listedItems(listed);
    expect(Object.fromEntries([...items.values()].map((i) => [i.title, `${i.mark} ${i.id}`]))).toEqual({
      'Install the editor': 'x 1.1',
      'Install the compiler': 'x 1.2',
      'Configure the linter': '  1.3',
      'Write hello world': 'x 2.1',
      'Write a test': '  2.2',
    });

    const next = await s.ok(['--file', 'plan.md', 'next', '-n', '5']);
    expect(next).toContain('1.3  Configure the linter');
    expect(next).toContain('2.2  Write a test');
    for (const ticked of ['Install the editor', 'Install the compiler', 'Write hello world']) {
      expect(next).not.toContain(ticked);
    }
    expect(next).toContain(`Progress: ${progressText(3, 5)}`);
    // Only reading: nothing saved.
    expect(s.configBytes()).toBeNull();
  });

  it('done on a ticked item says it was already done and saves nothing', async () => {
    const s = new Sandbox();
    s.write('plan.md', TICKED);
    const out = await s.ok(['--file', 'plan.md', 'done', '2.1']);
    expect(out).toContain('2.1 "Write hello world" was already done; nothing changed.');
    expect(out).toContain(`Progress: ${progressText(3, 5)}`);
  });

  it.each([
    ['a lower-case [x]', '1.1', 'Install the editor'],
    ['an upper-case [X]', '1.2', 'Install the compiler'],
  ])('undone on %s makes it todo, and that is saved', async (_name, id, title) => {
    const s = new Sandbox();
    s.write('plan.md', TICKED);
    const out = await s.ok(['--file', 'plan.md', 'undone', id]);
    expect(out).toContain(`Marked not done: ${id} ${title}`);
    expect(out).toContain(`Progress: ${progressText(2, 5)}`);

    // Saved: a later command still sees it as todo, and next offers it first.
    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed).toContain(progressText(2, 5));
    expect(listedItems(listed).get(title)?.mark).toBe(' ');
    expect(await s.ok(['--file', 'plan.md', 'next'])).toContain(`${id}  ${title}`);

    const [, saved] = s.roadmapHolding(`setup/${title.toLowerCase().replace(/ /g, '-')}`);
    const record = Object.values(saved.items)[0]!;
    expect(record.status).toBe('todo');
    expect(saved.history).toEqual([{ key: Object.keys(saved.items)[0], from: 'done', to: 'todo', at: record.at }]);
  });
});

describe('links inside a topic are shown by next', () => {
  it.each([
    [
      'an inline link in a plain list item',
      '# Links\n\n## Web\n\n- Read [the HTTP guide](https://developer.mozilla.org/en-US/docs/Web/HTTP) first\n- Other\n',
      'Read the HTTP guide first',
      ['https://developer.mozilla.org/en-US/docs/Web/HTTP'],
    ],
    [
      'a checkbox item whose title is a link',
      '# Links\n\n## Video\n\n- [ ] [Big-O in 10 minutes (video)](https://www.youtube.com/watch?v=abc123)\n',
      'Big-O in 10 minutes (video)',
      ['https://www.youtube.com/watch?v=abc123'],
    ],
    [
      'resources listed below a checkbox item',
      '# Links\n\n## Trees\n\n- [ ] Binary search trees\n  - [notes](https://example.com/bst-notes)\n  - [slides](https://example.org/bst.pdf)\n',
      'Binary search trees',
      ['https://example.com/bst-notes', 'https://example.org/bst.pdf'],
    ],
    [
      'two links in one item',
      '# Links\n\n## Git\n\n- Compare [merge](https://git-scm.com/docs/git-merge) and [rebase](https://git-scm.com/docs/git-rebase)\n',
      'Compare merge and rebase',
      ['https://git-scm.com/docs/git-merge', 'https://git-scm.com/docs/git-rebase'],
    ],
  ])('%s', async (_name, markdown, title, urls) => {
    const s = new Sandbox();
    s.write('links.md', markdown);
    const out = await s.ok(['--file', 'links.md', 'next']);
    expect(out).toContain(`1.1  ${title}`);
    for (const url of urls) expect(out).toContain(url);
  });
});
