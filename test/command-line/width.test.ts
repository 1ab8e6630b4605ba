/**
 * Terminal width: at COLUMNS=80 no line of help, review, project or the checklist
 * header is wider than 80 columns (east-asian wide characters count two), with
 * the bundled roadmap and with a plan of long and wide titles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/registry.js';
import { displayWidth } from '../../src/core/width.js';
import { useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, runWith } = useConfigDir();
const FINISHED = '2026-11-01T10:00:00Z';
const DUE = '2026-11-20T10:00:00Z';

const WIDE_PLAN = `# 学習計画

## Part 1: 基本

1. **Python の基本**:
   - 構文、データ型、制御構造、オブジェクト指向の概念、そしてとても長いタイトルがここに続きます
   - A second topic whose title is long enough to run well past the eighty columns of a terminal

## Suggested Projects

1. 図書館管理システムのための RESTful API を構築し、認証とアクセス制御を加える長いプロジェクトです
2. Build a microservices architecture for an e-commerce platform, with its queues, caches and everything else
`;

/** `roadmap ...args` at COLUMNS=80, as text. */
async function at80(args: readonly string[], now = DUE): Promise<string> {
  const result = await runWith(args, { env: { COLUMNS: '80', ROADMAP_NOW: now } });
  expect(result.code, `roadmap ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

function expectFits(text: string, what: string): void {
  const wide = text.split('\n').filter((line) => displayWidth(line) > 80);
  expect(wide, `${what}: lines over 80 columns`).toEqual([]);
}

describe('text fits 80 columns at COLUMNS=80', () => {
  it('every help page, as `help X` and as `X --help`', async () => {
    expectFits(await at80(['help']), 'roadmap help');
    expectFits(await at80(['--help']), 'roadmap --help');
    for (const { name } of COMMANDS) {
      expectFits(await at80(['help', name]), `roadmap help ${name}`);
      expectFits(await at80([name, '--help']), `roadmap ${name} --help`);
    }
  });

  it('review, project and the checklist header of the bundled roadmap', async () => {
    await at80(['done', '1.1', '4.1'], FINISHED);
    const review = await at80(['review']);
    expect(review).toContain('Due for review (4)');
    expectFits(review, 'review');
    expectFits(await at80(['project']), 'project');
    expectFits(await at80(['project', 'p1']), 'project p1');
    const checklist = (await at80(['export', '--format', 'md'])).split('\n');
    // The first line is the import's data (a comment no one reads); the header is what follows.
    expect(checklist[0]).toMatch(/^<!-- roadmap-progress /);
    expectFits(checklist.slice(1, 8).join('\n'), 'export --format md');
  });

  it('long and wide titles are cut with an ellipsis or wrapped', async () => {
    writeFileSync(join(dir(), 'plan.md'), WIDE_PLAN);
    const plan = ['--file', 'plan.md'];
    await at80([...plan, 'done', '1.1'], FINISHED);
    const review = await at80([...plan, 'review']);
    expectFits(review, 'review');
    expect(review).toMatch(/^ {2}1\.1\.1 {2}構文.*…$/m);
    expect(review).toMatch(/^ {9}finished 2026-11-01; review 1 of 2 due since 2026-11-08$/m);
    const projects = await at80([...plan, 'project']);
    expectFits(projects, 'project');
    expect(projects).toMatch(/^\[ \] p1 {2}図書館.*…$/m);
    expectFits(await at80([...plan, 'project', 'p2']), 'project p2');
  });

  it('a pipe without COLUMNS keeps whole lines', async () => {
    await at80(['done', '1.1'], FINISHED);
    const { stdout } = await runWith(['project'], { env: { ROADMAP_NOW: DUE } });
    expect(stdout).toContain('draws on 4.1 REST APIs, 4.2 Documentation, 4.3 GraphQL, 4.4 WebSockets');
  });
});
