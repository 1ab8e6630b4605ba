/**
 * Export and import on custom roadmaps (`--file`): a hand-written plan with
 * checkboxes ticked in the file, nested topics and projects, and a real one
 * (Coding Interview University). Round trips into an empty config folder.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realRoadmaps, Sandbox, type SavedRoadmap } from '../helpers/sandbox.js';

const PLAN = `# Rust in a month

## Basics

- [x] Install rustup
- [ ] Ownership and borrowing
  - [ ] The borrow checker
  - [ ] Lifetimes
- [ ] Error handling

## Async

### Tokio

- [ ] Tasks
- [ ] Channels

## Projects

1. Write a grep clone.
2. Build a chat server.
`;

const at = (iso: string) => ({ env: { ROADMAP_NOW: iso } });
const NOW = '2026-11-27T09:00:00.000Z';

type Saved = SavedRoadmap & {
  notes?: Record<string, { at: string; text: string }[]>;
  reviews?: Record<string, string[]>;
};

/** One roadmap's saved progress (there is only one in these folders). */
function only(s: Sandbox): Saved {
  const roadmaps = Object.values(s.saved().roadmaps);
  expect(roadmaps).toHaveLength(1);
  return roadmaps[0] as Saved;
}

function withNotes(s: Sandbox, key: string): Saved {
  const config = s.saved() as unknown as { roadmaps: Record<string, Saved> };
  const [id] = Object.keys(config.roadmaps);
  config.roadmaps[id!] = {
    ...config.roadmaps[id!]!,
    notes: { [key]: [{ at: '2026-11-02T08:00:00.000Z', text: 'read chapter 4\ntwice' }] },
    reviews: { [key]: ['2026-11-03T08:00:00.000Z'] },
  };
  writeFileSync(s.configFile, JSON.stringify(config));
  return config.roadmaps[id!]!;
}

describe.each([
  ['a hand-written plan', 'plan.md', (s: Sandbox) => s.write('plan.md', PLAN), ['1.2', '2.2', 'p1']],
  [
    'Coding Interview University',
    'ciu.md',
    (s: Sandbox) => copyFileSync(join(realRoadmaps, 'coding-interview-university.md'), join(s.work, 'ciu.md')),
    ['1.1', '2'],
  ],
])('%s', (_name, file, setUp, doneRefs) => {
  async function progressed(): Promise<{ s: Sandbox; before: Saved }> {
    const s = new Sandbox();
    setUp(s);
    await s.ok(['--file', file, 'done', ...doneRefs], at('2026-11-01T09:00:00.000Z'));
    await s.ok(['--file', file, 'undone', doneRefs[0]!], at('2026-11-05T09:00:00.000Z'));
    await s.ok(['--file', file, 'done', doneRefs[0]!], at('2026-11-06T09:00:00.000Z'));
    const first = Object.keys(only(s).items)[0]!;
    const before = withNotes(s, first);
    return { s, before };
  }

  /** The same roadmap file in a second, empty config folder. */
  function fresh(s: Sandbox): Sandbox {
    const other = new Sandbox();
    copyFileSync(join(s.work, file), join(other.work, file));
    return other;
  }

  it('json: export, then import into an empty config folder, gives identical progress', async () => {
    const { s, before } = await progressed();
    const exported = await s.ok(['--file', file, 'export'], at(NOW));
    const other = fresh(s);
    other.write('backup.json', exported);
    await other.ok(['--file', file, 'import', 'backup.json'], at(NOW));
    const after = only(other);
    expect(after.items).toEqual(before.items);
    expect(after.history).toEqual(before.history);
    expect(after.notes).toEqual(before.notes);
    expect(after.reviews).toEqual(before.reviews);
    expect(after.source).toBe(join(other.work, file));
    expect(await other.ok(['--file', file, 'import', 'backup.json'], at(NOW))).toContain('Nothing changed');
  });

  it('md: export, then import into an empty config folder, gives the same statuses and notes', async () => {
    const { s, before } = await progressed();
    const exported = await s.ok(['--file', file, 'export', '--format', 'md'], at(NOW));
    const other = fresh(s);
    other.write('progress.md', exported);
    await other.ok(['--file', file, 'import', 'progress.md'], at(NOW));
    const after = only(other);
    // What the learner sees: every topic's mark in `list --plain`, file ticks included.
    const plain = (box: Sandbox) => box.ok(['--file', file, 'list', '--plain']);
    expect(await plain(other)).toBe(await plain(s));
    for (const key of new Set([...Object.keys(before.items), ...Object.keys(after.items)])) {
      expect(after.items[key]?.status ?? 'todo', key).toBe(before.items[key]?.status ?? 'todo');
    }
    expect(after.notes).toEqual(before.notes);
    expect(await other.ok(['--file', file, 'import', 'progress.md'], at(NOW))).toContain('Nothing changed');
  });

  it("an export of this roadmap is refused by another roadmap's progress", async () => {
    const { s } = await progressed();
    s.write('backup.json', await s.ok(['--file', file, 'export'], at(NOW)));
    const result = await s.run(['import', 'backup.json'], at(NOW));
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/holds progress for ".+", not for "Backend Development Roadmap: FastAPI"/);
  });
});
