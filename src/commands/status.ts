/** `roadmap status`: one line of progress, for a shell prompt or a status bar. */
import { UsageError } from '../errors.js';
import { document, progressJson, refJson, type DocumentHead, type ProgressJson, type RefJson } from '../render/json.js';
import { formatStatus, renderStatus, STATUS_FIELDS, unknownStatusFields } from '../render/status.js';
import { next, type NextResult } from './next.js';
import { defineCommand, type Invocation } from './spec.js';

export interface StatusJson extends DocumentHead<'status'> {
  readonly progress: ProgressJson;
  readonly part: RefJson | null;
  readonly next: RefJson | null;
}

function statusJson(result: NextResult): StatusJson {
  const upNext = result.topics[0];
  return document('status', {
    progress: progressJson(result.tally),
    part: upNext?.where[0] ? refJson(upNext.where[0]) : null,
    next: upNext ? refJson(upNext) : null,
  });
}

const fieldList = (names: readonly string[]): string => names.map((f) => `{${f}}`).join(' ');

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'one line of progress, for a shell prompt or a status bar',
  options: [
    {
      flags: '--format <template>',
      description: 'fill a template instead: {done} {total} {percent} {part} {next} ... (see below)',
      output: 'template',
    },
  ],
  examples: [
    'roadmap status',
    'PS1="\\$(roadmap status) \\$ "',
    "roadmap status --format '{done}/{total} {next}'",
    'tmux set -g status-right \'#(roadmap status --format "{percent}% {next}")\'',
  ],
  help: `Fields for --format:\n${Object.entries(STATUS_FIELDS)
    .map(([name, what]) => `  {${name}}  ${what}`)
    .join('\n')}`,
  fast: {},
  run: async ({ session, options }: Invocation<object, { readonly format?: string }>) => {
    if (options.format !== undefined) {
      const unknown = unknownStatusFields(options.format);
      if (unknown.length > 0) {
        throw new UsageError(
          `unknown field ${unknown.map((f) => `{${f}}`).join(', ')} in --format; the fields are ${fieldList(Object.keys(STATUS_FIELDS))}`,
        );
      }
    }
    return next(await session.context(), { count: 1 });
  },
  text: (result, { style }) => renderStatus(result, style),
  template: formatStatus,
  json: statusJson,
});
