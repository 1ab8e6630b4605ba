/** `cohort REMOTE`: a class's shared sync repository, read-only: who is where, and who has gone quiet. */
import { cohortOf, IDLE_DAYS, type Cohort } from '../core/cohort.js';
import { cacheDir } from '../io/parse-cache.js';
import { fetchCohort } from '../io/cohort.js';
import { renderCohort, renderCohortHtml } from '../render/cohort.js';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { defineCommand, type Invocation } from './spec.js';

export interface CohortResult {
  readonly cohort: Cohort;
  readonly remote: string;
  readonly html: boolean;
}

export interface CohortJson extends DocumentHead<'cohort'> {
  readonly remote: string;
  readonly title: string;
  readonly idleDays: number;
  readonly members: readonly {
    readonly name: string;
    readonly progress: ProgressJson;
    readonly lastActivity: string | null;
    readonly idle: boolean;
  }[];
  readonly topics: readonly {
    readonly id: string;
    readonly title: string;
    readonly key: string;
    readonly finished: number;
  }[];
}

const FORMATS = ['text', 'json', 'html'] as const;

export const cohortCommand = defineCommand({
  name: 'cohort',
  summary: "a class's shared sync repository at a glance: each member's progress, who finished what, who is idle",
  args: [
    {
      name: 'remote',
      description: 'the shared git repository (each member syncs into it with "roadmap sync init REMOTE --as NAME")',
      required: true,
    },
  ],
  options: [
    {
      flags: '--format <format>',
      description: 'text (the default), json, or html (a page to open in a browser)',
      choices: FORMATS,
      output: 'format',
    },
  ],
  examples: [
    'roadmap sync init ~/class.git --as ada && roadmap cohort ~/class.git',
    'roadmap sync init ~/c.git && roadmap cohort ~/c.git --format html > c.html',
  ],
  help: `A member is idle after ${IDLE_DAYS} days without a change. The repository is read, never written.`,
  run: async ({ args, options, session }: Invocation<{ readonly remote: string }, { readonly format?: string }>) => {
    const ctx = await session.context();
    const logs = fetchCohort(args.remote, cacheDir(session.io.env), session.io.cwd);
    return {
      cohort: cohortOf(ctx.roadmap, ctx.roadmapId, logs, ctx.now()),
      remote: args.remote,
      html: options.format === 'html',
    };
  },
  text: (result: CohortResult, { style, zone }) =>
    result.html ? renderCohortHtml(result.cohort, zone) : renderCohort(result.cohort, style, zone),
  json: (result: CohortResult): CohortJson =>
    document('cohort', {
      remote: result.remote,
      title: result.cohort.title,
      idleDays: IDLE_DAYS,
      members: result.cohort.members.map((m) => ({
        name: m.name,
        progress: progressJson(m.tally),
        lastActivity: m.lastActivity ?? null,
        idle: m.idle,
      })),
      topics: result.cohort.topics.map((t) => ({ id: t.id, title: t.title, key: t.key, finished: t.finished })),
    }),
});
