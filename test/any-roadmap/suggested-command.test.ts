/**
 * With --file, the command that `next` and `done` suggest names the same file,
 * and typed back into a shell (in the same folder) it really marks the topic.
 */
import { describe, expect, it } from 'vitest';
import { listedItems, Sandbox, suggestedCommand } from '../helpers/sandbox.js';

const PLAN = `# Suggest Plan

## Basics

- First topic
- Second topic
- Third topic
`;

/** [how the user names the file, where it is written under the work folder] */
const PATHS = [
  ['a plain relative path', 'plan.md'],
  ['a relative path in a folder', 'plans/plan.md'],
  ['a path with a space and a quote', "my plans/bob's plan.md"],
  ['an absolute path', 'abs/plan.md'],
] as const;

describe('the suggested command carries --file and works', () => {
  it.each(PATHS)('next, with %s', async (_name, file) => {
    const s = new Sandbox();
    const abs = s.write(file, PLAN);
    const typed = file.startsWith('abs/') ? abs : file;

    const out = await s.ok(['--file', typed, 'next']);
    const words = suggestedCommand(out);
    expect(words).toEqual(['--file', typed, 'done', '1.1']);

    expect(await s.ok(words)).toContain('Marked done: 1.1 First topic');
    expect(listedItems(await s.ok(['--file', typed, 'list'])).get('First topic')?.mark).toBe('x');
    // The bundled roadmap was not touched by the suggested command.
    expect(Object.keys(s.saved().roadmaps)).not.toContain('bundled');
  });

  it.each(PATHS)('done, with %s', async (_name, file) => {
    const s = new Sandbox();
    const abs = s.write(file, PLAN);
    const typed = file.startsWith('abs/') ? abs : file;

    const out = await s.ok(['--file', typed, 'done', '1.1']);
    const words = suggestedCommand(out);
    expect(words).toEqual(['--file', typed, 'done', '1.2']);

    expect(await s.ok(words)).toContain('Marked done: 1.2 Second topic');
    const listed = listedItems(await s.ok(['--file', typed, 'list']));
    expect([...listed.values()].map((i) => i.mark)).toEqual(['x', 'x', ' ']);
  });

  it('next -n 2 suggests --file for every topic it shows', async () => {
    const s = new Sandbox();
    s.write('plan.md', PLAN);
    const out = await s.ok(['--file', 'plan.md', 'next', '-n', '2']);
    expect(out.match(/done\? {2}roadmap --file plan\.md done 1\.[12]$/gm)).toHaveLength(2);
  });

  it('without --file the suggestion is a plain "roadmap done"', async () => {
    const s = new Sandbox();
    s.write('plan.md', PLAN);
    await s.ok(['use', 'plan.md']);
    const words = suggestedCommand(await s.ok(['next']));
    expect(words).toEqual(['done', '1.1']);
    expect(await s.ok(words)).toContain('Marked done: 1.1 First topic');
  });
});
