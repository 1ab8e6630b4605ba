/** `--json`: every document validated against the JSON Schema files in schema/, errors included. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { ANSI, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

// strictRequired would refuse project.schema.json's oneOf, whose branches name properties defined above them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
const schemas = Object.fromEntries(
  readdirSync(join(repoRoot, 'schema')).map((file) => [
    file.replace('.schema.json', ''),
    ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schema', file), 'utf8')) as object),
  ]),
);

const { dir, roadmap, runWith, spawn } = useConfigDir();

function valid(schema: string, text: string): Record<string, unknown> {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  const document = JSON.parse(text) as Record<string, unknown>;
  const validate = schemas[schema]!;
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  return document;
}

/** Every object in a document with both an `id` and a `title`: an item, a project, a scope. */
function withIds(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(withIds);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own = 'id' in object && 'title' in object ? [object] : [];
  return [...own, ...Object.entries(object).flatMap(([name, v]) => (name === 'roadmap' ? [] : withIds(v)))];
}

describe('--json documents', () => {
  it.each([
    ['next', ['next'], 'next'],
    ['next', ['next', '-n', '3'], 'next'],
    ['status', ['status'], 'status'],
    ['list', ['list'], 'list'],
    ['list', ['list', '2', '--depth', '2'], 'list'],
    ['project', ['project'], 'project'],
    ['project', ['project', 'p2'], 'project'],
    ['mark', ['done', '1.1'], 'done'],
    ['mark', ['undone', '1.1.2'], 'undone'],
    ['mark', ['start', '1.2'], 'start'],
    ['mark', ['skip', '2.3', '4.3'], 'skip'],
    ['mark', ['reset', '2', '--yes'], 'reset'],
    ['mark', ['reset', '9'], 'reset'], // nothing to reset: no question, the same document
    ['note', ['note', '2.3.1', 'a note'], 'note'],
    ['note', ['note', '2.3.1'], 'note'],
    ['list', ['list', '--notes'], 'list'],
    ['stats', ['stats'], 'stats'],
    ['review', ['review'], 'review'],
    ['doctor', ['doctor'], 'doctor'],
    ['use', ['use'], 'use'],
    ['report', ['report'], 'report'],
    ['import', ['import', 'backup.json'], 'import'],
    ['import', ['import', 'progress.md', '--dry-run'], 'import'],
    ['inspect', ['inspect'], 'inspect'],
  ])('%s: roadmap %j --json is one valid document with no colour codes', async (schema, args, command) => {
    await roadmap('done', '2.3');
    writeFileSync(join(dir(), 'backup.json'), (await roadmap('export')).stdout);
    writeFileSync(join(dir(), 'progress.md'), (await roadmap('export', '--format', 'md')).stdout);
    const result = await runWith([...args, '--json'], { env: { FORCE_COLOR: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    const document = valid(schema, result.stdout);
    expect(document).toMatchObject({ schemaVersion: 1, command });
    // One name for one thing: the roadmap's title under `roadmap` (import's is the file's), a key beside every ID.
    if (!['inspect', 'doctor'].includes(schema)) {
      expect(document.roadmap).toMatchObject({ id: 'bundled', title: 'Backend Development Roadmap: FastAPI' });
    }
    expect(Object.keys(document)).not.toContain('recommended');
    for (const named of withIds(document)) expect(typeof named.key, JSON.stringify(named)).toBe('string');
  });

  it('project and next name the recommended project alike: recommendedProject', async () => {
    await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    const next = JSON.parse((await roadmap('next', '--json')).stdout) as Record<string, unknown>;
    const project = JSON.parse((await roadmap('project', '--json')).stdout) as Record<string, unknown>;
    expect(next.recommendedProject).toMatchObject({ id: 'p1', key: expect.any(String) as unknown });
    expect(project.recommendedProject).toEqual(next.recommendedProject);
  });

  it('export --format json is a backup that export.schema.json describes (pretty, or one line with --json)', async () => {
    await roadmap('done', '1.1', '2.3');
    for (const args of [['export'], ['export', '--format', 'json'], ['export', '--json']]) {
      const { stdout, code } = await roadmap(...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        args.includes('--json') ? /^\{"schemaVersion":1,[^\n]*\n$/ : /^\{\n {2}"schemaVersion": 1,\n/,
      );
      const document = JSON.parse(stdout) as Record<string, unknown>;
      expect(schemas.export!(document), JSON.stringify(schemas.export!.errors)).toBe(true);
      expect(document).toMatchObject({ kind: 'roadmap-progress', roadmap: { id: 'bundled' } });
    }
  });

  it('carries the same numbers people see', async () => {
    await roadmap('done', '1.1');
    const next = JSON.parse((await roadmap('next', '--json')).stdout) as {
      progress: { done: number; total: number };
      topics: { id: string }[];
    };
    expect(next.progress).toMatchObject({ done: 2, total: TOTAL });
    expect(next.topics.map((t) => t.id)).toEqual(['1.2.1']);
    const status = JSON.parse((await roadmap('--json', 'status')).stdout) as { next: { id: string } };
    expect(status.next.id).toBe('1.2.1');
  });
});

describe('--json errors', () => {
  it.each([
    ['an unknown REF', ['done', 'zzqx'], 2, 'unknown_ref'],
    ['an unknown command', ['bogus'], 2, 'usage'],
    ['an unknown option', ['next', '--bogus'], 2, 'usage'],
    ['extra arguments', ['next', '3'], 2, 'usage'],
    ['an import file that is missing', ['import', 'missing.json'], 5, 'import_unreadable'],
  ])('%s: JSON on stderr, nothing on stdout, exit %i, code %s', async (_name, args, exitCode, code) => {
    const result = await roadmap(...args, '--json');
    expect(result.code).toBe(exitCode);
    expect(result.stdout).toBe('');
    expect(valid('error', result.stderr)).toMatchObject({ error: { exitCode, code } });
  });

  it('an unreadable progress file: exit 3, code corrupt_store, as JSON', async () => {
    writeFileSync(join(dir(), 'config.json'), '{not json');
    const result = await roadmap('next', '--json');
    expect(result.code).toBe(3);
    expect(valid('error', result.stderr)).toMatchObject({ error: { exitCode: 3, code: 'corrupt_store' } });
  });

  it('a roadmap that cannot be used: exit 4, code bad_roadmap, as JSON', async () => {
    const result = await roadmap('--file', join(dir(), 'missing.md'), 'next', '--json');
    expect(result.code).toBe(4);
    expect(valid('error', result.stderr)).toMatchObject({ error: { exitCode: 4, code: 'bad_roadmap' } });
  });

  it('an export file that exists: code output_exists', async () => {
    writeFileSync(join(dir(), 'kept.json'), 'mine');
    const result = await roadmap('export', '-o', join(dir(), 'kept.json'), '--json');
    expect(result.code).toBe(1);
    expect(valid('error', result.stderr)).toMatchObject({ error: { exitCode: 1, code: 'output_exists' } });
  });

  it.each([
    ['a mistyped ID', '1,1', 'unknown_ref', ['1.1', '1.1.1', '1.1.2']],
    ['an ambiguous word', 'python', 'ambiguous_ref', ['1.1', '1.1.2', '1.2']],
  ])('%s (%s): code %s and the candidates with id, key and title', async (_name, ref, code, ids) => {
    const result = await roadmap('done', ref, '--json');
    expect(result.code).toBe(2);
    const error = (valid('error', result.stderr) as { error: { code: string; candidates: Record<string, string>[] } })
      .error;
    expect(error.code).toBe(code);
    expect(error.candidates.map((c) => c.id)).toEqual(ids);
    expect(error.candidates[0]).toEqual({
      id: '1.1',
      key: 'fundamentals/core-programming-skills/python-basics',
      title: 'Python Basics',
    });
  });

  it.each([
    ['status', '{done}'],
    ['report', 'csv'],
    ['report', 'text'],
    ['export', 'md'],
  ])('%s --json --format %s: the same usage error on every command with --format', async (command, format) => {
    const result = await roadmap(command, '--format', format, '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(valid('error', result.stderr)).toMatchObject({
      error: { code: 'usage', message: `--json and --format ${format} ask for two different outputs; use one of them` },
    });
  });

  it('report --format json is the same as --json, and both together agree', async () => {
    const both = await roadmap('report', '--format', 'json', '--json');
    expect(both.code).toBe(0);
    valid('report', both.stdout);
  });
});

it('export -o - writes to stdout, not to a file named "-"', async () => {
  await roadmap('done', '1.1');
  // Spawned: a "-" argument is stdin's sign to the in-process runner.
  const result = spawn(['export', '-o', '-', '--format', 'md']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('# Backend Development Roadmap: FastAPI');
  expect(result.stdout).toMatch(/^- \[x\] 1\.1\.1 /m);
  expect(existsSync(join(dir(), '-'))).toBe(false);
  const json = spawn(['export', '-o', '-', '--json']);
  expect(schemas.export!(JSON.parse(json.stdout))).toBe(true);
});

it('escapes control and bidi characters from the roadmap in JSON', async () => {
  const plan = join(dir(), 'evil.md');
  writeFileSync(plan, '# Evil\n## Part\n- a \u202ereversed\u202c \u0085next line and \u001b[31mred\n');
  const { stdout, code } = await roadmap('--file', plan, 'next', '--json');
  expect(code).toBe(0);
  // eslint-disable-next-line no-control-regex
  expect(stdout.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(stdout).toContain('\\u202e');
  expect((JSON.parse(stdout) as { topics: { title: string }[] }).topics[0]!.title).toContain('\u202ereversed');
});
