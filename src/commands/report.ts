/** `report`: progress per part, what was finished in a period (with dates), and the pace. */
import { statusOf, tally, type Tally } from '../core/progress.js';
import { topicsOf } from '../core/tree.js';
import { byTime } from '../core/time.js';
import { localDay, midnightBefore, midnightOf, type ZoneOffset } from '../core/zone.js';
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

/**
 * Where the period starts, at local midnight in `zone`: `7d` is the last seven days
 * (today and the six before it), `4w` the last 28; a date `2026-11-01` is from its start.
 */
export function parseSince(since: string, now: Date, zone: ZoneOffset): Date {
  const relative = /^(\d+)([dw])$/.exec(since);
  if (relative) {
    const days = Number(relative[1]) * (relative[2] === 'w' ? 7 : 1);
    // Dates reach back about 270,000 years; a span beyond that is no date at all.
    if (Number.isNaN(new Date(now.getTime() - (days + 1) * DAY).getTime())) {
      throw new UsageError(
        `--since ${since} reaches back further than any date; give a shorter span or a date (2026-11-01)`,
      );
    }
    return new Date(midnightBefore(now.getTime(), zone, -Math.max(days - 1, 0)));
  }
  const day = new Date(`${since}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March 2: a day that is not on the calendar is no date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(since) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(since)) {
    return new Date(midnightOf(since, zone));
  }
  throw new UsageError(`--since takes a date (2026-11-01) or a span before now (7d, 4w), not "${since}"`);
}

function progressReport(ctx: Context, options: { since: string }): ReportResult {
  const now = ctx.now();
  const from = parseSince(options.since, now, ctx.zone);
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
  // Whole local days, today included, so that 7d is one week whatever the hour.
  const days =
    (Date.parse(localDay(now.getTime(), ctx.zone)) - Date.parse(localDay(from.getTime(), ctx.zone))) / DAY + 1;
  const weeks = Math.max(Math.round(days) / 7, 1 / 7);
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
    {
      flags: '--since <when>',
      description: 'a date (2026-11-01) or a span of days up to today (7d, 4w); from local midnight',
      default: '7d',
    },
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
  text: (result, { style, zone, options }) =>
    options.format === 'md'
      ? renderReportMarkdown(result, zone)
      : options.format === 'csv'
        ? renderReportCsv(result, zone)
        : renderReport(result, style, zone),
  json: reportJson,
});
