/**
 * Progress file version 4: graded reviews, logged study sessions and the review
 * limit survive every path a save takes (an ordinary command, export and
 * import, a repair), and an older file is upgraded without losing anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPath, readConfig, useConfigDir } from '../helpers/bundled-roadmap.js';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

const { dir, roadmap } = useConfigDir();
const NOW = { env: { ROADMAP_NOW: '2026-11-27T09:00:00.000Z' } };
const at = '2026-11-20T10:00:00.000Z';
const key = 'fastapi-basics/path-operations';

function v3(): Record<string, unknown> {
  return {
    schemaVersion: 3,
    settings: {},
    roadmaps: {
      bundled: {
        items: { [key]: { status: 'done', at } },
        history: [{ key, from: 'todo', to: 'done', at }],
        notes: { [key]: [{ at, text: 'kept' }] },
        reviews: { [key]: [at] },
        journal: [],
      },
    },
  };
}

function v4(): Record<string, unknown> {
  const doc = v3();
  const bundled = (doc.roadmaps as Record<string, Record<string, unknown>>).bundled!;
  bundled.grades = { [key]: [{ at, grade: 'hard' }] };
  bundled.sessions = { [key]: [{ at, minutes: 45 }] };
  return { ...doc, schemaVersion: 4, settings: { reviewLimit: 7 } };
}

type Saved = {
  schemaVersion: number;
  settings: Record<string, unknown>;
  roadmaps: { bundled: Record<string, unknown> };
};

describe('progress file version 4', () => {
  it('a version-3 file is upgraded on the next save, every record, note and review kept', async () => {
    writeFileSync(configPath(dir()), JSON.stringify(v3()));
    const result = await runIn(dir(), ['done', '1.1.1'], NOW);
    expect(result.code).toBe(0);
    const saved = readConfig(dir()) as unknown as Saved;
    expect(saved.schemaVersion).toBe(4);
    const old = (v3().roadmaps as Record<string, Record<string, unknown>>).bundled!;
    expect(saved.roadmaps.bundled.notes).toEqual(old.notes);
    expect(saved.roadmaps.bundled.reviews).toEqual(old.reviews);
    expect(saved.roadmaps.bundled.items).toMatchObject(old.items as object);
    expect(saved.roadmaps.bundled.grades).toEqual({});
    expect(saved.roadmaps.bundled.sessions).toEqual({});
  });

  it('grades, study sessions and the review limit survive a save by another command', async () => {
    writeFileSync(configPath(dir()), JSON.stringify(v4()));
    expect((await runIn(dir(), ['done', '1.1.1'], NOW)).code).toBe(0);
    const saved = readConfig(dir()) as unknown as Saved;
    expect(saved.settings).toEqual({ reviewLimit: 7 });
    expect(saved.roadmaps.bundled.grades).toEqual({ [key]: [{ at, grade: 'hard' }] });
    expect(saved.roadmaps.bundled.sessions).toEqual({ [key]: [{ at, minutes: 45 }] });
  });

  it('an export carries grades and study sessions, and an import into an empty folder brings them back', async () => {
    writeFileSync(configPath(dir()), JSON.stringify(v4()));
    const backup = join(dir(), 'backup.json');
    expect((await runIn(dir(), ['export', '-o', backup], NOW)).code).toBe(0);
    const exported = JSON.parse(readFileSync(backup, 'utf8')) as { progress: Record<string, unknown> };
    expect(exported.progress.sessions).toEqual({ [key]: [{ at, minutes: 45 }] });

    const other = tempDir();
    try {
      const imported = await runIn(other.dir, ['import', backup, '--json'], NOW);
      expect(imported.code).toBe(0);
      expect((JSON.parse(imported.stdout) as { added: Record<string, number> }).added).toMatchObject({
        grades: 1,
        sessions: 1,
      });
      const saved = readConfig(other.dir) as unknown as Saved;
      expect(saved.roadmaps.bundled.grades).toEqual({ [key]: [{ at, grade: 'hard' }] });
      expect(saved.roadmaps.bundled.sessions).toEqual({ [key]: [{ at, minutes: 45 }] });
      // Importing it again adds nothing.
      const again = await runIn(other.dir, ['import', backup, '--json'], NOW);
      expect((JSON.parse(again.stdout) as { added: Record<string, number> }).added).toMatchObject({
        grades: 0,
        sessions: 0,
      });
    } finally {
      other.cleanup();
    }
  });

  it('a repaired file keeps the grades, study sessions and review limit it could read', async () => {
    const doc = v4();
    const bundled = (doc.roadmaps as Record<string, Record<string, unknown>>).bundled!;
    // One bad history entry makes the file unreadable as it is; doctor --repair salvages it.
    bundled.history = [{ key, from: 'todo', to: 'finished', at }];
    writeFileSync(configPath(dir()), JSON.stringify(doc));
    expect((await roadmap('next')).code).toBe(3);
    expect((await runIn(dir(), ['doctor', '--repair'], NOW)).code).toBe(0);
    const saved = readConfig(dir()) as unknown as Saved;
    expect(saved.settings).toEqual({ reviewLimit: 7 });
    expect(saved.roadmaps.bundled.grades).toEqual({ [key]: [{ at, grade: 'hard' }] });
    expect(saved.roadmaps.bundled.sessions).toEqual({ [key]: [{ at, minutes: 45 }] });
  });
});
