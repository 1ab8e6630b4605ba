/** The plain forms scripts use: `status --format` and `list --plain`. */
import { describe, expect, it } from 'vitest';
import { ANSI, expectCleanError, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap, runWith } = useConfigDir();

describe('roadmap status --format', () => {
  it('fills every field', async () => {
    await roadmap('done', '1.1');
    const { stdout, code } = await roadmap(
      'status',
      '--format',
      '{done}|{total}|{percent}|{part}|{part_id}|{next}|{next_title}|{stage}|{stage_title}',
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      `2|${TOTAL}|${Math.floor(200 / TOTAL)}|Fundamentals|1|1.2.1|Decorators, context managers, typing, metaclasses.|1|Start with Python and basic FastAPI.\n`,
    );
  });

  it('is plain text even when colour is forced', async () => {
    const { stdout } = await runWith(['status', '--format', '{next} {next_title}'], { env: { FORCE_COLOR: '1' } });
    expect(stdout).not.toMatch(ANSI);
  });

  it('leaves the next-topic fields empty when all is done', async () => {
    await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    expect((await roadmap('status', '--format', '{percent}%[{next}]')).stdout).toBe('100%[]\n');
  });

  it('names the fields when a template uses one that does not exist', async () => {
    const result = await roadmap('status', '--format', '{done} {nope}');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('unknown field {nope}');
    expect(result.stderr).toContain('{next_title}');
  });
});

describe('roadmap list --plain', () => {
  it('gives one tab-separated line per item: ID, status, title, kind', async () => {
    await roadmap('done', '1.1');
    const lines = (await roadmap('list', '--plain')).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('1\tdoing\tFundamentals\tpart');
    expect(lines).toContain('1.1\tdone\tPython Basics\tsection');
    expect(lines).toContain('1.1.1\tdone\tSyntax, data types, control structures, OOP concepts.\ttopic');
    expect(lines).toContain("2.3.1\ttodo\tReusable components using FastAPI's dependency injection system.\ttopic");
    expect(lines.every((l) => l.split('\t').length === 4)).toBe(true);
    expect(lines.filter((l) => l.endsWith('\ttopic'))).toHaveLength(TOTAL);
  });

  it('honours REF, --todo and --depth, and never colours', async () => {
    await roadmap('done', '2.1');
    const { stdout } = await runWith(['list', '2', '--plain', '--todo', '--depth', '2'], { env: { FORCE_COLOR: '1' } });
    expect(stdout).not.toMatch(ANSI);
    expect(stdout).toBe(
      '2\tdoing\tFastAPI Basics\tpart\n2.2\ttodo\tRequest and Response\tsection\n2.3\ttodo\tDependency Injection\tsection\n2.4\ttodo\tValidation with Pydantic\tsection\n',
    );
  });
});

describe('roadmap list --status', () => {
  it('shows only items with those statuses, under the parts and sections they sit in', async () => {
    await roadmap('done', '1.1.1');
    await roadmap('start', '2.3.1');
    await roadmap('skip', '6.1');
    const { stdout, code } = await roadmap('list', '--plain', '--status', 'started,skipped');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        // A part or section is "doing" when some of it is done or started (1 and 1.1 by 1.1.1).
        '1\tdoing\tFundamentals\tpart',
        '1.1\tdoing\tPython Basics\tsection',
        '2\tdoing\tFastAPI Basics\tpart',
        '2.3\tdoing\tDependency Injection\tsection',
        "2.3.1\tdoing\tReusable components using FastAPI's dependency injection system.\ttopic",
        '6\ttodo\tTesting\tpart',
        '6.1\tskipped\tUnit Testing\tsection',
        '6.1.1\tskipped\tPytest basics and writing test cases.\ttopic',
        '',
      ].join('\n'),
    );
    const done = await roadmap('list', '--plain', '--status', 'done');
    expect(done.stdout.split('\n').filter((l) => l.endsWith('\ttopic'))).toEqual([
      '1.1.1\tdone\tSyntax, data types, control structures, OOP concepts.\ttopic',
    ]);
  });

  it.each([['doing,bogus'], ['']])('--status %j is a usage error naming the statuses', async (value) => {
    const result = await roadmap('list', '--status', value);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--status takes todo, doing, done, skipped');
  });
});
