/** `roadmap project`: suggested projects, the sections they draw on, readiness and recommendation. */
import { describe, expect, it } from 'vitest';
import { expectCleanError, markedIds, progressText, savedRoadmap, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, roadmap, spawn } = useConfigDir();

interface ProjectRow {
  readonly mark: string;
  readonly id: string;
  readonly percent: number;
  readonly drawsOn: string;
}

/** `[ ] p2  Create ...` followed by `   ░░... 100% ready  draws on 4.4 WebSockets`. */
function projectRows(stdout: string): ProjectRow[] {
  return [...stdout.matchAll(/^(\[.\]) (p\d+) +.+\n +[█░]{10} +(\d+)% ready +draws on (.+)$/gm)].map((m) => ({
    mark: m[1]!,
    id: m[2]!,
    percent: Number(m[3]),
    drawsOn: m[4]!,
  }));
}

function recommended(stdout: string): string | undefined {
  return /^Recommended: (p\d+)\b/m.exec(stdout)?.[1];
}

describe('roadmap project', () => {
  it('lists p1..p4, each with a readiness percentage and the sections it draws on', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    const result = spawn(['project']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const rows = projectRows(result.stdout);
    expect(rows.map((r) => r.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    for (const row of rows) {
      expect(row.mark).toBe('[ ]');
      expect(row.percent).toBe(0);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('p2')!.drawsOn).toContain('4.4 WebSockets');
    for (const section of ['5.1 Authentication', '5.2 Authorization', '5.3 Password Management']) {
      expect(byId.get('p3')!.drawsOn).toContain(section);
    }
    expect(recommended(result.stdout)).toMatch(/^p[1-4]$/);
  });

  it('after done 4.4, p2 is 100% ready and recommended', async () => {
    expect((await roadmap('done', '4.4')).code).toBe(0);
    const result = await roadmap('project');
    expect(result.code).toBe(0);
    const p2 = projectRows(result.stdout).find((r) => r.id === 'p2');
    expect(p2?.percent).toBe(100);
    expect(recommended(result.stdout)).toBe('p2');
    expect(result.stdout).toContain('roadmap project p2');
  });

  it('project p2 shows its details: readiness, sections, what is still to learn, how to mark it done', async () => {
    const before = await roadmap('project', 'p2');
    expect(before.code).toBe(0);
    expect(before.stderr).toBe('');
    expect(before.stdout).toContain('p2');
    expect(before.stdout).toContain('Create a real-time chat application using WebSockets.');
    expect(before.stdout).toMatch(/\b0% ready/);
    expect(before.stdout).toContain('4.4 WebSockets');
    expect(before.stdout).toMatch(/^ +4\.4\.1 Implement real-time communication using FastAPI\.$/m);
    expect(before.stdout).toContain('roadmap done p2');

    await roadmap('done', '4.4');
    const after = await roadmap('project', 'p2');
    expect(after.stdout).toMatch(/\b100% ready/);
    expect(after.stdout).not.toMatch(/^ +4\.4\.1 /m);
  });

  it.each([['P2'], ['chat']])('project %s finds p2 as well', async (ref) => {
    const result = await roadmap('project', ref);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Create a real-time chat application using WebSockets.');
  });

  it('done p2 marks the project done on disk and in the listing, without counting it as a topic', async () => {
    const result = await roadmap('done', 'p2');
    expect(result.code).toBe(0);
    expect(markedIds(result.stdout)).toEqual(['p2']);
    expect(result.stdout).toContain(progressText(0));

    const saved = savedRoadmap(dir());
    const entries = Object.entries(saved.items);
    expect(entries).toHaveLength(1);
    const [key, record] = entries[0]!;
    expect(record.status).toBe('done');
    expect(saved.history).toEqual([expect.objectContaining({ key, from: 'todo', to: 'done' })]);

    const listing = await roadmap('project');
    const rows = projectRows(listing.stdout);
    expect(rows.find((r) => r.id === 'p2')?.mark).toBe('[x]');
    expect(rows.filter((r) => r.mark === '[x]')).toHaveLength(1);
    // A project that is built is not recommended again.
    await roadmap('done', '4.4');
    expect(recommended((await roadmap('project')).stdout)).not.toBe('p2');

    // The same key goes back to todo with undone p2.
    expect((await roadmap('undone', 'p2')).code).toBe(0);
    expect(savedRoadmap(dir()).items[key]?.status).not.toBe('done');
  });

  it.each([['1.1'], ['4'], ['nonsense']])('project %s is a usage error (exit 2)', async (ref) => {
    expectCleanError(await roadmap('project', ref), 2);
  });
});
