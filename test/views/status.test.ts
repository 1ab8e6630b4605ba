/** `roadmap status`: one line for prompts and status bars. */
import { describe, expect, it } from 'vitest';
import { ANSI, TOTAL, progressText, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap, runWith, spawn } = useConfigDir();

describe('roadmap status', () => {
  it('is one line: progress, the part of the next topic, and its ID', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    expect(spawn(['status']).stdout).toBe(`0/${TOTAL} topics, 0% · Part 1: Fundamentals · next 1.1.1\n`);
    spawn(['done', '1', '2.1']);
    const line = spawn(['status']).stdout;
    expect(line).toBe(`8/${TOTAL} topics, ${Math.floor(800 / TOTAL)}% · Part 2: FastAPI Basics · next 2.2.1\n`);
  });

  it('says all done when it is', async () => {
    await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    expect((await roadmap('status')).stdout).toBe(`${TOTAL}/${TOTAL} topics, 100% · all done\n`);
  });

  it('does not say all done while skipped topics remain', async () => {
    await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8');
    await roadmap('skip', '9');
    const line = (await roadmap('status')).stdout;
    expect(line).not.toContain('all done');
    expect(line).toMatch(/ · nothing left but \d+ skipped\n$/);
  });

  it('keeps its colour codes whole when colour is on', async () => {
    const { stdout } = await runWith(['status'], { env: { FORCE_COLOR: '1' } });
    expect(stdout).toMatch(ANSI);
    // Every colour code starts with ESC: none was stripped to a bare "[36m".
    // eslint-disable-next-line no-control-regex
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/\[\d+m/);
  });
});

it('words progress one way in every text output: "3/44 topics, 6%, 1 skipped"', async () => {
  await roadmap('skip', '9.1.1');
  const words = `${progressText(3)}, 1 skipped`;
  expect(words).toBe(`3/${TOTAL} topics, ${Math.floor(300 / TOTAL)}%, 1 skipped`);
  const outputs = {
    done: await roadmap('done', '1.1.1', '1.1.2', '1.2.1'),
    status: await roadmap('status'),
    next: await roadmap('next'),
    stats: await roadmap('stats'),
    use: await roadmap('use'),
    checklist: await roadmap('export', '--format', 'md'),
    picture: await roadmap('export', '--format', 'svg'),
  };
  for (const [name, result] of Object.entries(outputs)) {
    expect(result.code, name).toBe(0);
    expect(result.stdout, name).toContain(words);
  }
  const page = await roadmap('export', '--format', 'html');
  expect(page.stdout).toContain(`<p>${words} · 0 started.`);
  // The old forms are gone.
  for (const result of [...Object.values(outputs), page]) {
    expect(result.stdout).not.toMatch(/topics \(\d+%\)|topics done \(|\d+ of \d+ topics done/);
  }
});
