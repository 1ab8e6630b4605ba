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
import { copyOf, inProcess, tempFolder, type Ran } from './support.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
/** A command's schema file; errors with --json follow schema/error.schema.json. */
const schemaFile = (spec: AnyCommand | 'error'): string =>
  join(repoRoot, 'schema', `${spec === 'error' ? 'error' : (spec.schema ?? spec.name)}.schema.json`);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorOf(spec: AnyCommand | 'error'): ReturnType<typeof ajv.compile> {
  const file = schemaFile(spec);
  let validate = validators.get(file);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(file, validate);
  }
  return validate;
}
const EVERY = [rootCommand, ...COMMANDS];

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

  describe('every help example runs, as text and with --json', () => {
    let dir: string;
    /** The commands whose --json document an example has checked against the schema. */
    const validated = new Set<string>();
    beforeAll(async () => {
      dir = tempFolder();
      mkdirSync(join(dir, 'home/notes'), { recursive: true });
      const plan = '# Study plan\n\n## Basics\n\n- [ ] First topic\n- [ ] Second topic\n';
      writeFileSync(join(dir, 'home/notes/study-plan.md'), plan);
      writeFileSync(join(dir, 'plan.md'), plan);
      // A plan with links, for open's examples (the bundled roadmap has none).
      writeFileSync(
        join(dir, 'course.md'),
        '# Course\n\n## Python\n\n- [ ] Basics: [tutorial](https://docs.python.org/3/tutorial/)\n- [ ] [Data model](https://docs.python.org/3/reference/datamodel.html)\n',
      );
      // Done 40 days before the examples run, so that 1.1.1 is due for its review.
      expect((await inProcess(dir, ['done', '1.1.1', '2.3.1'], { now: '2026-10-21T12:00:00Z' })).code).toBe(0);
      // A note to edit, delete and show (note --edit 1, note --delete 1, show 2.3.1).
      expect((await inProcess(dir, ['note', '2.3.1', 'Depends() caches'], { now: '2026-10-21T12:00:00Z' })).code).toBe(
        0,
      );
      writeFileSync(join(dir, 'roadmap-backup.json'), (await inProcess(dir, ['export'])).stdout);
    });

    /** A copy of the prepared folder, as a learner who runs the example has it. */
    async function sandbox(example: string): Promise<string> {
      const copy = copyOf(dir);
      if (example.includes('import')) {
        writeFileSync(join(copy, 'progress.md'), (await inProcess(copy, ['export', '--format', 'md'])).stdout);
      }
      return copy;
    }

    /** The spec a command line runs: its first word that names a command, else the root. */
    const specOf = (words: readonly string[]): AnyCommand =>
      COMMANDS.find((c) => c.name === words.find((w) => !w.startsWith('-') && COMMANDS.some((d) => d.name === w))) ??
      rootCommand;

    function expectValidJson(spec: AnyCommand, result: Ran): void {
      expect(result.stdout.endsWith('\n')).toBe(true);
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      const validate = validatorOf(spec);
      expect(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors)).toBe(true);
      validated.add(spec.name);
    }

    const examples = EVERY.flatMap((spec) =>
      spec.examples.map((example) => [spec.name || 'roadmap', example] as const),
    );
    it.each(examples)('%s: %s', async (_, example) => {
      // The command lines of one example run one after another, as a learner types them (`sync init ... && roadmap sync`).
      const copy = await sandbox(example);
      const jsonCopy = await sandbox(example);
      for (const words of commandLines(example, join(dir, 'home'))) {
        // `import -` reads stdin, which an in-process run does not have: the file it names stands in.
        const args = words.map((w, i) => (w === '-' && words[i - 1] === 'import' ? 'roadmap-backup.json' : w));
        const line = ['roadmap', ...words].join(' ');
        const home = (w: string) => w.replace(join(dir, 'home'), join(copy, 'home'));
        const jsonHome = (w: string) => w.replace(join(dir, 'home'), join(jsonCopy, 'home'));
        const text = await inProcess(copy, args.map(home));
        if (TERMINAL_ONLY.has(line)) {
          expect(text.code, text.stderr).toBe(2);
          expect(text.stderr).toMatch(/at a terminal|cannot ask here/);
        } else {
          expect(text.code, `${line}\n${text.stderr}`).toBe(0);
        }
        // The same line with --json: one valid document, or a JSON error (export --format md refuses --json).
        const json = await inProcess(jsonCopy, [...args, '--json'].map(jsonHome));
        if (json.code === 0) expectValidJson(specOf(args), json);
        else expect(validatorOf('error')(JSON.parse(json.stderr)), json.stderr).toBe(true);
      }
    });

    it('roadmap alone --json', async () => {
      const result = await inProcess(await sandbox(''), ['--json']);
      expect(result.code).toBe(0);
      expectValidJson(rootCommand, result);
    });

    it('checked a --json document of every command', () => {
      expect([...validated].sort()).toEqual(EVERY.map((c) => c.name).sort());
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
