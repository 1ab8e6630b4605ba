/** The commander program: every command, option and help text. Handlers live in commands/. */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Context } from './commands/context.js';
import { doctor } from './commands/doctor.js';
import { EXPORT_FORMATS, exportFormat, exportProgress, formatOfFileName } from './commands/export.js';
import { importProgress } from './commands/import.js';
import { list } from './commands/list.js';
import { mark, markKeys } from './commands/mark.js';
import { reset } from './commands/reset.js';
import { inspect } from './commands/inspect.js';
import { next } from './commands/next.js';
import { note } from './commands/note.js';
import { recordReview, reviews } from './commands/review.js';
import { stats } from './commands/stats.js';
import { projectDetail, projects } from './commands/project.js';
import { use } from './commands/use.js';
import { editDistance } from './core/text.js';
import { ExitCode, QuietExit, UsageError } from './errors.js';
import { readImportFile, visiblePath, writeFileAtomic } from './io/files.js';
import { configDir } from './io/paths.js';
import { walk } from './core/tree.js';
import { completionScript, SHELLS, type CompletionSpec, type Shell } from './render/completion.js';
import { renderDoctor } from './render/doctor.js';
import {
  doctorJson,
  importJson,
  jsonText,
  listJson,
  markJson,
  inspectJson,
  nextJson,
  noteJson,
  projectDetailJson,
  projectsJson,
  reportJson,
  reviewDoneJson,
  reviewsJson,
  statsJson,
  statusJson,
  useJson,
} from './render/json.js';
import { renderList, renderPlain } from './render/list.js';
import { report } from './commands/report.js';
import { REPORT_FORMATS, renderReport, renderReportCsv, renderReportMarkdown } from './render/report.js';
import { renderMark, renderNothingToReset } from './render/mark.js';
import { renderInspect } from './render/inspect.js';
import { renderNext } from './render/next.js';
import { renderNote } from './render/note.js';
import { renderReviewDone, renderReviews } from './render/review.js';
import { renderStats } from './render/stats.js';
import { renderProjectDetail, renderProjects } from './render/project.js';
import { formatStatus, renderStatus, STATUS_FIELDS, unknownStatusFields } from './render/status.js';
import type { Style } from './render/style.js';
import { renderImport } from './render/transfer.js';
import { renderUse } from './render/use.js';
import { Session, type GlobalOptions, type Io } from './session.js';

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** The longest chart `stats --weeks` draws: ten years. */
const MAX_WEEKS = 520;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

export function buildProgram(io: Io, { json = false }: { json?: boolean } = {}): Command {
  // With --json, commander's own error text stays quiet: the error handler writes it as JSON.
  const output = {
    writeOut: io.out,
    writeErr: io.err,
    outputError: (text: string, write: (text: string) => void) => {
      if (!json) write(text);
    },
  };
  const program = new Command('roadmap');
  const session = new Session(io, () => program.opts<GlobalOptions>());
  const style = (): Promise<Style> => session.style();
  const context = (): Promise<Context> => session.context();
  /** Prints the result: as JSON with --json, else rendered for people. */
  const show = async <T>(result: T, render: (r: T, style: Style) => string, json: (r: T) => object): Promise<void> => {
    io.out(program.opts<{ json?: boolean }>().json ? jsonText(json(result)) : render(result, await style()));
  };

  program
    .description(
      'Follow a learning roadmap from the terminal: what to study next, what you finished, which project you are ready for.',
    )
    .usage('[options] [command]')
    .version(io.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--file <path>', 'follow this markdown roadmap for this command (or set ROADMAP_FILE)')
    .option('--json', 'print one JSON document (see schema/ for its shape); errors as JSON on stderr')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option(
      '--no-input',
      'never ask: no menu, no pick list, no confirmation (as when CI is set or input is not a terminal)',
    )
    .showSuggestionAfterError()
    .configureOutput(output)
    .exitOverride()
    .allowExcessArguments()
    .helpCommand(false)
    .addHelpText(
      'after',
      examples(
        'roadmap next',
        'roadmap done 1.1',
        'roadmap start 2.1.1',
        'roadmap list 2',
        'roadmap stats',
        'roadmap review',
        'roadmap project',
      ) + `\nProgress is saved in ${configDir(io.env)}/config.json (set ROADMAP_CONFIG_DIR to move it).\n`,
    )
    .action(async (_options, command: Command) => {
      const [word] = command.args;
      if (word !== undefined) throw unknownCommand(program, word);
      const json = program.opts<{ json?: boolean }>().json === true;
      const prompter = json ? undefined : session.prompter();
      if (prompter) {
        const { runMenu } = await import('./commands/menu.js');
        await runMenu(await context(), { prompter, out: io.out, style: await style() });
        return;
      }
      await show(next(await context(), { count: 1 }), renderNext, nextJson);
      if (!json) io.err('Run "roadmap --help" to see every command; at a terminal, "roadmap" alone opens a menu.\n');
    });

  program
    .command('next')
    .description('show the next topic to study, where it sits, and how to mark it done')
    .option('-n, --number <count>', 'show this many topics', positiveInt, 1)
    .addHelpText('after', examples('roadmap next', 'roadmap next -n 3'))
    .action(async (options: { number: number }) => {
      await show(next(await context(), { count: options.number }), renderNext, nextJson);
    });

  program
    .command('status')
    .description('one line of progress, for a shell prompt or a status bar')
    .option('--format <template>', 'fill a template instead: {done} {total} {percent} {part} {next} ... (see below)')
    .addHelpText(
      'after',
      examples(
        'roadmap status',
        'PS1="\\$(roadmap status) \\$ "',
        "roadmap status --format '{done}/{total} {next}'",
        'tmux set -g status-right \'#(roadmap status --format "{percent}% {next_title}")\'',
      ) +
        `\nFields for --format:\n${Object.entries(STATUS_FIELDS)
          .map(([name, what]) => `  {${name}}  ${what}`)
          .join('\n')}\n`,
    )
    .action(async (options: { format?: string }) => {
      const { format } = options;
      if (format !== undefined) {
        const unknown = unknownStatusFields(format);
        if (unknown.length > 0) {
          throw new UsageError(
            `unknown field ${unknown.map((f) => `{${f}}`).join(', ')} in --format; the fields are ${Object.keys(
              STATUS_FIELDS,
            )
              .map((f) => `{${f}}`)
              .join(' ')}`,
          );
        }
      }
      const result = next(await context(), { count: 1 });
      if (format !== undefined && !program.opts<{ json?: boolean }>().json) io.out(formatStatus(result, format));
      else await show(result, renderStatus, statusJson);
    });

  program
    .command('list')
    .description('show the roadmap (or the part or section REF) with status marks and progress bars')
    .argument('[ref]', 'an ID (2, 2.3), a slug or part of a title')
    .option('--todo', 'hide finished items')
    .option('--depth <levels>', 'show this many levels (1 = parts only)', positiveInt)
    .option('--plain', 'one line per item: ID, status and title, tab-separated, for scripts')
    .option('--notes', 'show your notes under each item')
    .addHelpText(
      'after',
      examples(
        'roadmap list',
        'roadmap list 2',
        'roadmap list --depth 2',
        'roadmap list --todo "database"',
        'roadmap list --notes',
        "roadmap list --plain | awk -F'\\t' '$2 == \"todo\"'",
      ) + '\nMarks: [x] done, [~] started or partly done, [ ] to do, [-] skipped.\n',
    )
    .action(
      async (
        ref: string | undefined,
        options: { todo?: boolean; depth?: number; plain?: boolean; notes?: boolean },
      ) => {
        const result = list(await context(), { ref, todo: options.todo, depth: options.depth });
        if (options.plain && !program.opts<{ json?: boolean }>().json) io.out(renderPlain(result));
        else await show(result, (r, s) => renderList(r, s, { notes: options.notes === true }), listJson);
      },
    );

  program
    .command('done')
    .description('mark topics, sections, parts or projects done (all REFs or none); alone, pick from a list')
    .argument('[refs...]', 'IDs (1.1.1, 2.3, p2), slugs or parts of titles')
    .addHelpText(
      'after',
      examples(
        'roadmap done 1.1.1',
        'roadmap done 1.1 1.2',
        'roadmap done dependency-injection',
        'roadmap done p2',
        'roadmap done            # at a terminal: tick topics of the part you are on',
      ),
    )
    .action(async (refs: string[]) => {
      const prompter = refs.length === 0 && !program.opts<{ json?: boolean }>().json ? session.prompter() : undefined;
      if (prompter) {
        const { pickDone } = await import('./commands/menu.js');
        await pickDone(await context(), { prompter, out: io.out, style: await style() });
        return;
      }
      if (refs.length === 0) {
        throw new UsageError(
          'name at least one topic, section, part or project, such as "roadmap done 1.1.1" (without one, roadmap asks only at a terminal)',
        );
      }
      await show(await mark(await context(), refs, 'done'), renderMark, markJson);
    });

  program
    .command('undone')
    .description('mark topics, sections, parts or projects not done again')
    .argument('<refs...>', 'IDs (1.1.1, 2.3, p2), slugs or parts of titles')
    .addHelpText('after', examples('roadmap undone 1.1.2', 'roadmap undone pydantic'))
    .action(async (refs: string[]) => {
      await show(await mark(await context(), refs, 'todo'), renderMark, markJson);
    });

  program
    .command('reset')
    .description('clear progress: every topic and project, or only REF (asks first; --yes for scripts)')
    .argument('[ref]', 'a topic, section, part or project; without it, the whole roadmap')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples('roadmap reset 2', 'roadmap reset', 'roadmap reset --yes 1.1'))
    .action(async (ref: string | undefined, options: { yes?: boolean }) => {
      const ctx = await context();
      const outcome = await reset(ctx, ref, { yes: options.yes === true, prompter: () => session.prompter() });
      if (outcome.kind === 'declined') io.err('Nothing was reset.\n');
      else if (outcome.kind === 'reset') await show(outcome.result, renderMark, (r) => markJson(r, 'reset'));
      else if (program.opts<{ json?: boolean }>().json) {
        // The same document as a reset that changed nothing.
        io.out(jsonText(markJson(await markKeys(ctx, [], 'todo'), 'reset')));
      } else io.out(renderNothingToReset(outcome.what));
    });

  program
    .command('start')
    .description('mark topics, sections, parts or projects started: next offers them first (all REFs or none)')
    .argument('<refs...>', 'IDs (1.1.1, 2.3, p2), slugs or parts of titles')
    .addHelpText(
      'after',
      examples('roadmap start 2.3.1', 'roadmap start pydantic', 'roadmap start p2') +
        '\nStarting a section or part starts its topics that are not done; done topics stay done.\n',
    )
    .action(async (refs: string[]) => {
      await show(await mark(await context(), refs, 'doing'), renderMark, markJson);
    });

  program
    .command('skip')
    .description('skip topics, sections, parts or projects: next never offers them (undo with "roadmap undone")')
    .argument('<refs...>', 'IDs (1.1.1, 2.3, p2), slugs or parts of titles')
    .addHelpText(
      'after',
      examples('roadmap skip 4.3', 'roadmap skip graphql', 'roadmap undone 4.3') +
        '\nSkipped topics still count in the total: the percentage is done / all topics,\n' +
        'and the number skipped is shown beside it. Skipping a section or part leaves its done topics done.\n',
    )
    .action(async (refs: string[]) => {
      await show(await mark(await context(), refs, 'skipped'), renderMark, markJson);
    });

  program
    .command('note')
    .description('add a dated note to a topic (or section, part, project); without text, show its notes')
    .argument('<ref>', 'an ID (1.1.1, 2.3, p2), a slug or part of a title')
    .argument('[text...]', 'the note (quotes are optional)')
    .addHelpText(
      'after',
      examples(
        'roadmap note 2.3.1 "Depends() caches per request"',
        'roadmap note 2.3.1',
        'roadmap list --notes',
        'roadmap note p2 --json',
      ) + '\nNotes show under the topic in "roadmap next" and "roadmap list --notes".\n',
    )
    .action(async (ref: string, words: string[]) => {
      const text = words.length === 0 ? undefined : words.join(' ');
      await show(await note(await context(), ref, text), renderNote, noteJson);
    });

  program
    .command('stats')
    .description('topics finished per week as a chart, your streak, your pace and when you would finish')
    .option('--weeks <count>', 'weeks in the chart', positiveInt, 8)
    .addHelpText(
      'after',
      examples('roadmap stats', 'roadmap stats --weeks 12', 'roadmap stats --json | jq .estimate') +
        '\nA week is 7 days back from now; days (for the streak) are UTC days.\n' +
        'Pace: topics finished in the last 4 weeks, divided by 4. Estimate: topics left\n' +
        '(to do or started; not skipped) at that pace.\n',
    )
    .action(async (options: { weeks: number }) => {
      if (options.weeks > MAX_WEEKS) throw new UsageError(`--weeks goes up to ${MAX_WEEKS}, not ${options.weeks}`);
      await show(stats(await context(), { weeks: options.weeks }), renderStats, statsJson);
    });

  program
    .command('review')
    .description('finished topics due for spaced review (7 and 30 days on); with REF, record a review')
    .argument('[ref]', 'the topic you reviewed: an ID (1.1.1), a slug or part of a title')
    .addHelpText(
      'after',
      examples('roadmap review', 'roadmap review 1.1.1', 'roadmap review --json') +
        '\nA topic comes back 7 days after you finished it, and again 30 days after (at\n' +
        'least 7 days after its first review). After the second review it is settled.\n' +
        'A review is recorded only when one is due.\n',
    )
    .action(async (ref: string | undefined) => {
      const ctx = await context();
      if (ref === undefined) await show(reviews(ctx), renderReviews, reviewsJson);
      else await show(await recordReview(ctx, ref), renderReviewDone, reviewDoneJson);
    });

  program
    .command('project')
    .description('show the suggested projects and how ready you are for each; with REF, one in detail')
    .argument('[ref]', 'a project ID (p1) or part of its title')
    .addHelpText('after', examples('roadmap project', 'roadmap project p2', 'roadmap project chat'))
    .action(async (ref: string | undefined) => {
      const ctx = await context();
      if (ref === undefined) await show(projects(ctx), renderProjects, projectsJson);
      else await show(projectDetail(ctx, ref), renderProjectDetail, projectDetailJson);
    });

  program
    .command('report')
    .description('progress per part, what you finished in a period with dates, and your pace')
    .option('--since <when>', 'a date (2026-11-01) or a span before now (7d, 4w)', '7d')
    .option('--format <format>', 'text, md (for an issue or a chat), csv (for a spreadsheet) or json', 'text')
    .addHelpText(
      'after',
      examples(
        'roadmap report',
        'roadmap report --since 4w --format md',
        'roadmap report --since 2026-11-01 --format csv > progress.csv',
      ),
    )
    .action(async (options: { since: string; format: string }) => {
      const format = program.opts<{ json?: boolean }>().json ? 'json' : options.format;
      if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format takes ${REPORT_FORMATS.join(', ')}, not "${format}"`);
      }
      const result = report(await context(), { since: options.since });
      if (format === 'json') io.out(jsonText(reportJson(result)));
      else if (format === 'md') io.out(renderReportMarkdown(result));
      else if (format === 'csv') io.out(renderReportCsv(result));
      else io.out(renderReport(result, await style()));
    });

  program
    .command('use')
    .description('choose the roadmap to follow: a markdown file, or --bundled; alone, say which is followed')
    .argument('[path]', 'a markdown roadmap file')
    .option('--bundled', 'go back to the bundled FastAPI roadmap')
    .addHelpText(
      'after',
      examples(
        'roadmap use',
        'roadmap use ~/notes/study-plan.md',
        'roadmap use --bundled',
        'roadmap --file plan.md next',
      ),
    )
    .action(async (path: string | undefined, options: { bundled?: boolean }) => {
      const store = session.store();
      const result = await use(store, session.cache(), session.choice(store), { path, bundled: options.bundled }, (p) =>
        resolve(io.cwd, p),
      );
      await show(result, renderUse, useJson);
    });

  program
    .command('inspect')
    .description(
      'show how the roadmap was read, block by block: topic, resource, description, label or skipped, and why',
    )
    .addHelpText(
      'after',
      examples(
        'roadmap inspect',
        'roadmap --file plan.md inspect',
        'roadmap --file plan.md inspect --json | jq .blocks',
      ) +
        '\nTo change what it read, put a hint on the line before a block: <!-- roadmap: skip -->,\n<!-- roadmap: topics -->, <!-- roadmap: not-topics --> or <!-- roadmap: title --> (see README, "Any roadmap").\n',
    )
    .action(async () => {
      await show(await inspect(session.choice(session.store())), renderInspect, inspectJson);
    });

  program
    .command('doctor')
    .description('check the progress file, its lock and saved records; --repair fixes what it can')
    .option('--repair', 'move a corrupt file aside (keeping what can be read), remove stale locks and temp files')
    .addHelpText('after', examples('roadmap doctor', 'roadmap doctor --repair'))
    .action(async (options: { repair?: boolean }) => {
      const result = await doctor(await session.doctorInput(), { repair: options.repair === true });
      await show(result, renderDoctor, doctorJson);
      if (result.remaining > 0) throw new QuietExit(ExitCode.failure);
    });

  program
    .command('export')
    .description('write your progress: a JSON backup, a markdown checklist, or a picture (an HTML page or an SVG)')
    .option(
      '--format <format>',
      `${EXPORT_FORMATS.join(', ')}: json is a full backup (the default), md a checklist with your marks and notes, html a page with the picture, svg the picture alone`,
    )
    .option(
      '-o, --output <file>',
      'write it to FILE (atomically) instead of stdout; FILE.md, .html or .svg choose the format',
    )
    .option('--force', 'replace FILE when it exists')
    .addHelpText(
      'after',
      examples(
        'roadmap export > roadmap-backup.json',
        'roadmap export --format md -o progress.md',
        'roadmap export -o roadmap.html && xdg-open roadmap.html',
        'roadmap export --format svg > roadmap.svg',
      ) +
        '\nThe JSON backup holds every status with its time, the history, notes and reviews;' +
        '\n"roadmap import FILE" merges it (or a markdown export) back.\n',
    )
    .action(async (options: { format?: string; output?: string; force?: boolean }) => {
      const json = program.opts<{ json?: boolean }>().json === true;
      const format = exportFormat(options.format ?? (options.output && formatOfFileName(options.output)) ?? 'json');
      // --json means the JSON backup, as one line: never a JSON backup under another format's name.
      if (json && format !== 'json') {
        throw new UsageError(`--json writes the JSON backup, not ${format}; drop --json, or export --format json`);
      }
      const ctx = await context();
      const text = exportProgress(ctx, format, { compact: json });
      if (options.output === undefined) {
        io.out(text);
        return;
      }
      const target = resolve(io.cwd, options.output);
      if (ctx.store.holds(target)) {
        throw new UsageError(
          `${visiblePath(options.output)} is roadmap's own progress file (or one beside it); export somewhere else (nothing was written)`,
        );
      }
      writeFileAtomic(target, text, options.force === true);
      if (!json) io.out(`Exported your progress (${format}) to ${visiblePath(options.output)}.\n`);
    });

  program
    .command('import')
    .description('merge progress from a JSON or markdown export into yours, by stable key, and say what changed')
    .argument('<file>', 'a file made by "roadmap export" (json or md); - reads stdin')
    .option('--dry-run', 'say what would change, and save nothing')
    .option('--force', 'import an export of another roadmap (a renamed one, say), merging by key')
    .addHelpText(
      'after',
      examples(
        'roadmap import roadmap-backup.json',
        'roadmap import progress.md --dry-run',
        'curl -s https://gist.githubusercontent.com/me/abc/raw/progress.md | roadmap import -',
      ) +
        '\nFor each item the status with the later time wins; history, notes and reviews are added to yours.' +
        '\nA markdown mark that differs from yours is recorded at the time of the import.' +
        '\nImporting the same file again changes nothing. A file that cannot be imported changes nothing (exit 5).\n',
    )
    .action(async (file: string, options: { dryRun?: boolean; force?: boolean }) => {
      const content = readImportFile(file === '-' ? '-' : resolve(io.cwd, file), file);
      const input = { name: file, content, force: options.force === true, dryRun: options.dryRun === true };
      await show(await importProgress(await context(), input), renderImport, importJson);
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish); "ids" lists the IDs it completes')
    .argument('<shell>', 'bash, zsh, fish, or ids')
    .addHelpText(
      'after',
      examples(
        'source <(roadmap completion bash)',
        'source <(roadmap completion zsh)',
        'roadmap completion fish | source',
      ),
    )
    .action(async (shell: string) => {
      if (shell === 'ids') {
        const { roadmap } = await context();
        const ids: string[] = [];
        walk(roadmap.parts, (item) => ids.push(item.id));
        io.out(`${[...ids, ...roadmap.projects.map((p) => p.id)].join('\n')}\n`);
        return;
      }
      if (!(SHELLS as readonly string[]).includes(shell)) {
        throw new UsageError(`no completion for "${shell}"; choose bash, zsh or fish`);
      }
      io.out(completionScript(shell as Shell, completionSpec(program)));
    });

  // Our own `help`, not commander's: commander answers `help nothere` with the full help
  // and no error, which --json cannot carry.
  program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command to explain')
    .action((name: string | undefined) => {
      if (name === undefined) return program.help();
      const command = program.commands.find((c) => c.name() === name);
      if (!command) throw unknownCommand(program, name);
      command.help();
    });

  for (const command of program.commands) {
    command
      .configureOutput(output)
      .exitOverride()
      .showSuggestionAfterError()
      // Only the root takes a stray word (to suggest a command); commands refuse extra arguments.
      .allowExcessArguments(false);
  }
  return program;
}

/** The root command takes no arguments; a stray word is a mistyped command. */
function unknownCommand(program: Command, word: string): UsageError {
  const names = [...program.commands.map((c) => c.name()), 'help'];
  const [closest] = names
    .map((name) => ({ name, d: editDistance(word, name) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(c.name.length / 3)))
    .sort((a, b) => a.d - b.d);
  const hint = closest ? ` Did you mean "${closest.name}"?` : '';
  return new UsageError(`unknown command "${word}".${hint} See "roadmap --help".`);
}

/** What completion needs to know of the program: its commands and their options. */
function completionSpec(program: Command): CompletionSpec {
  const flags = (command: Command): string[] =>
    command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined));
  const globalOptions = [...new Set([...flags(program), '--help'])];
  return {
    commands: program.commands.map((c) => ({
      name: c.name(),
      options: [...new Set([...flags(c), '--help'])].filter((o) => !globalOptions.includes(o)),
    })),
    globalOptions,
  };
}
