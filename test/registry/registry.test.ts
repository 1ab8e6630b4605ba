/**
 * The command registry's promises, checked by walking it: every command has a
 * JSON schema and a JSON case that validates against it, its help examples run,
 * the fast list matches the specs, and docs/commands.md is what the specs say.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST_COMMANDS } from '../../src/commands/fast.js';
import { GLOBAL_OPTIONS } from '../../src/commands/globals.js';
import { COMMANDS, rootCommand } from '../../src/commands/registry.js';
import type { AnyCommand } from '../../src/commands/spec.js';
import { renderCommandDocs } from '../../src/render/command-docs.js';
import { repoRoot } from '../helpers/cli.js';
import { copyOf, inProcess, tempFolder } from './support.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
const schemaFile = (spec: AnyCommand): string => join(repoRoot, 'schema', `${spec.schema ?? spec.name}.schema.json`);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorOf(spec: AnyCommand): ReturnType<typeof ajv.compile> {
  const file = schemaFile(spec);
  let validate = validators.get(file);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(file, validate);
  }
  return validate;
}
const EVERY = [rootCommand, ...COMMANDS];

/** A command line per command whose --json document is checked; a command missing here fails the walk. */
const JSON_CASES: Record<string, readonly string[]> = {
  '': [],
  next: ['next', '-n', '2'],
  status: ['status'],
  list: ['list', '2'],
  done: ['done', '1.2'],
  undone: ['undone', '1.1.1'],
  reset: ['reset', '2', '--yes'],
  start: ['start', '2.1'],
  skip: ['skip', '4.3'],
  note: ['note', '1.1.1', 'a note'],
  stats: ['stats'],
  review: ['review'],
  project: ['project', 'p1'],
  report: ['report', '--since', '4w'],
  use: ['use'],
  inspect: ['inspect'],
  doctor: ['doctor'],
  export: ['export'],
  import: ['import', 'roadmap-backup.json', '--dry-run'],
  completion: ['completion', 'ids'],
  help: ['help', 'done'],
};

/**
 * Examples meant for a terminal: in a script they refuse with a usage error and
 * save nothing (reset asks first; done alone opens a pick list).
 */
const TERMINAL_ONLY = new Set(['roadmap reset 2', 'roadmap reset', 'roadmap done']);

/** The `roadmap ...` command lines in an example, as a shell would split them (quotes, `~`, no pipes or redirections). */
function commandLines(example: string, home: string): string[][] {
  const lines: string[][] = [];
  for (const start of [...example.matchAll(/(?:^|[\s("'(])roadmap\b/g)].map((m) => m.index + m[0].indexOf('roadmap'))) {
    const words: string[] = [];
    let word: string | undefined;
    let quote: string | undefined;
    let i = start;
    for (; i < example.length; i++) {
      const c = example[i]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"' && example[i + 1] === '$') {
          // `\$` in double quotes is a dollar sign.
          word = `${word ?? ''}$`;
          i++;
        } else word = (word ?? '') + c;
      } else if (c === "'" || c === '"') {
        quote = c;
        word ??= '';
      } else if (/\s/.test(c)) {
        if (word !== undefined) words.push(word);
        word = undefined;
      } else if ('|&;<>#)'.includes(c)) break;
      else word = (word ?? '') + c;
    }
    if (word !== undefined) words.push(word);
    lines.push(words.slice(1).map((w) => w.replace(/^~\//, `${home}/`)));
  }
  return lines;
}

describe('the command registry', () => {
  it('names every command once, and commander takes each name', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^[a-z]+$/.test(n))).toBe(true);
  });

  it.each(EVERY.map((c) => [c.name || '(roadmap alone)', c] as const))('%s has a JSON schema', (_, spec) => {
    expect(existsSync(schemaFile(spec)), schemaFile(spec)).toBe(true);
  });

  it('lists the fast commands the specs mark fast, and no other', () => {
    const marked = COMMANDS.filter((c) => c.fast !== undefined).map((c) => c.name);
    expect(FAST_COMMANDS.map((c) => c.name).sort()).toEqual(marked.sort());
    expect(rootCommand.fast).toBeDefined();
  });

  it('has a JSON case for every command', () => {
    expect(Object.keys(JSON_CASES).sort()).toEqual(EVERY.map((c) => c.name).sort());
  });

  describe('every command prints one valid document with --json', () => {
    let dir: string;
    beforeAll(async () => {
      dir = tempFolder();
      const done = await inProcess(dir, ['done', '1.1.1', '2.1.1'], { now: '2026-11-20T12:00:00Z' });
      expect(done.code).toBe(0);
      writeFileSync(join(dir, 'roadmap-backup.json'), (await inProcess(dir, ['export'])).stdout);
    });

    it.each(EVERY.map((c) => [c.name || '(roadmap alone)', c] as const))('%s', async (_, spec) => {
      const words = JSON_CASES[spec.name]!;
      const result = await inProcess(dir, [...words, '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.endsWith('\n')).toBe(true);
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      const validate = validatorOf(spec);
      const document = JSON.parse(result.stdout) as unknown;
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    });
  });

  describe('every help example runs', () => {
    let dir: string;
    beforeAll(async () => {
      dir = tempFolder();
      mkdirSync(join(dir, 'home/notes'), { recursive: true });
      const plan = '# Study plan\n\n## Basics\n\n- [ ] First topic\n- [ ] Second topic\n';
      writeFileSync(join(dir, 'home/notes/study-plan.md'), plan);
      writeFileSync(join(dir, 'plan.md'), plan);
      // Done 40 days before the examples run, so that 1.1.1 is due for its review.
      expect((await inProcess(dir, ['done', '1.1.1', '2.3.1'], { now: '2026-10-21T12:00:00Z' })).code).toBe(0);
      writeFileSync(join(dir, 'roadmap-backup.json'), (await inProcess(dir, ['export'])).stdout);
    });

    const examples = EVERY.flatMap((spec) =>
      spec.examples.map((example) => [spec.name || 'roadmap', example] as const),
    );
    it.each(examples)('%s: %s', async (_, example) => {
      // Each example on its own copy of the same progress, as a learner would run it.
      const copy = copyOf(dir);
      if (example.includes('import')) {
        writeFileSync(join(copy, 'progress.md'), (await inProcess(copy, ['export', '--format', 'md'])).stdout);
      }
      const lines = commandLines(example, join(copy, 'home'));
      expect(lines.length).toBeGreaterThan(0);
      for (const words of lines) {
        // `import -` reads stdin, which an in-process run does not have: the file it names stands in.
        const args = words.map((w, i) => (w === '-' && words[i - 1] === 'import' ? 'roadmap-backup.json' : w));
        const result = await inProcess(copy, args);
        const line = ['roadmap', ...words].join(' ');
        if (TERMINAL_ONLY.has(line)) {
          expect(result.code, result.stderr).toBe(2);
          expect(result.stderr).toMatch(/at a terminal|cannot ask here/);
        } else {
          expect(result.code, `${line}\n${result.stderr}`).toBe(0);
        }
      }
    });
  });

  it('docs/commands.md is what the registry declares (run "npm run docs" after changing a command)', () => {
    const written = readFileSync(join(repoRoot, 'docs/commands.md'), 'utf8');
    expect(written).toBe(renderCommandDocs(COMMANDS, GLOBAL_OPTIONS));
  });

  it('every schema file belongs to a command or to errors', () => {
    const used = new Set([...EVERY.map((c) => `${c.schema ?? c.name}.schema.json`), 'error.schema.json']);
    expect(readdirSync(join(repoRoot, 'schema')).filter((f) => !used.has(f))).toEqual([]);
  });
});
