/** `report`: progress per part, what was finished in a period (with dates), and the pace. */
import { statusOf, tally, type Tally } from '../core/progress.js';
import { topicsOf } from '../core/tree.js';
import { byTime } from '../core/time.js';
import { UsageError } from '../errors.js';
import { document, progressJson, refJson, type DocumentHead, type ProgressJson, type RefJson } from '../render/json.js';
import { REPORT_FORMATS, renderReport, renderReportCsv, renderReportMarkdown } from '../render/report.js';
import { savedProgress, type Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
import { refOf, type Ref } from './views.js';

export interface ReportResult {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly parts: readonly (Ref & { readonly tally: Tally })[];
  readonly overall: Tally;
  /** Topics marked done in the period (and still done), oldest first, each with when. */
  readonly finished: readonly (Ref & { readonly at: string })[];
  /** Finished topics per week over the period. */
  readonly perWeek: number;
  readonly weeks: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** `7d`, `4w` (before now) or a date `2026-11-01` (from its start, UTC). */
export function parseSince(since: string, now: Date): Date {
  const relative = /^(\d+)([dw])$/.exec(since);
  if (relative) {
    const from = new Date(now.getTime() - Number(relative[1]) * (relative[2] === 'w' ? 7 : 1) * DAY);
    // Dates reach back about 270,000 years; a span beyond that is no date at all.
    if (Number.isNaN(from.getTime())) {
      throw new UsageError(
        `--since ${since} reaches back further than any date; give a shorter span or a date (2026-11-01)`,
      );
    }
    return from;
  }
  const day = new Date(`${since}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March 2: a day that is not on the calendar is no date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(since) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(since)) {
    return day;
  }
  throw new UsageError(`--since takes a date (2026-11-01) or a span before now (7d, 4w), not "${since}"`);
}

function progressReport(ctx: Context, options: { since: string }): ReportResult {
  const now = ctx.now();
  const from = parseSince(options.since, now);
  if (from.getTime() > now.getTime()) throw new UsageError(`--since ${options.since} is in the future`);
  const { state: saved, progress } = savedProgress(ctx);
  const topics = new Map(topicsOf(ctx.roadmap.parts).map((t) => [t.key, t]));
  const lastDone = new Map<string, string>();
  for (const change of saved.history) {
    const at = Date.parse(change.at);
    if (change.to === 'done' && at >= from.getTime() && at <= now.getTime()) lastDone.set(change.key, change.at);
  }
  const finished = [...lastDone]
    .filter(([key]) => topics.has(key) && statusOf(progress, key) === 'done')
    .map(([key, at]) => ({ ...refOf(topics.get(key)!), at }))
    .sort((a, b) => byTime(a.at, b.at));
  const weeks = Math.max((now.getTime() - from.getTime()) / (7 * DAY), 1 / 7);
  return {
    title: ctx.roadmap.title,
    from: from.toISOString(),
    to: now.toISOString(),
    parts: ctx.roadmap.parts.map((p) => ({ ...refOf(p), tally: tally([p], progress) })),
    overall: tally(ctx.roadmap.parts, progress),
    finished,
    perWeek: Math.round((finished.length / weeks) * 10) / 10,
    weeks: Math.round(weeks * 10) / 10,
  };
}

export interface ReportJson extends DocumentHead<'report'> {
  readonly from: string;
  readonly to: string;
  readonly parts: (RefJson & { readonly progress: ProgressJson })[];
  readonly progress: ProgressJson;
  readonly finished: (RefJson & { readonly at: string })[];
  readonly pace: { readonly finished: number; readonly weeks: number; readonly perWeek: number };
}

function reportJson(r: ReportResult): ReportJson {
  return document('report', {
    from: r.from,
    to: r.to,
    parts: r.parts.map((p) => ({ ...refJson(p), progress: progressJson(p.tally) })),
    progress: progressJson(r.overall),
    finished: r.finished.map((f) => ({ ...refJson(f), at: f.at })),
    pace: { finished: r.finished.length, weeks: r.weeks, perWeek: r.perWeek },
  });
}

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'progress per part, what you finished in a period with dates, and your pace',
  options: [
    { flags: '--since <when>', description: 'a date (2026-11-01) or a span before now (7d, 4w)', default: '7d' },
    {
      flags: '--format <format>',
      description: 'text, md (for an issue or a chat), csv (for a spreadsheet) or json',
      choices: REPORT_FORMATS,
      // No default: a --format given beside --json is a conflict, which a default would hide.
      output: 'format',
    },
  ],
  examples: [
    'roadmap report',
    'roadmap report --since 4w --format md',
    'roadmap report --since 2026-11-01 --format csv > progress.csv',
  ],
  run: async ({ options, session }: Invocation<object, { readonly since: string; readonly format?: string }>) =>
    progressReport(await session.context(), { since: options.since }),
  text: (result, { style, options }) =>
    options.format === 'md'
      ? renderReportMarkdown(result)
      : options.format === 'csv'
        ? renderReportCsv(result)
        : renderReport(result, style),
  json: reportJson,
});
